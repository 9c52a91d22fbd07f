"""Coding speed: applying codes to a 1 MB transcript one request at a time, and opening it with 5,000 codings,
through Django's test Client — the URLs, middleware, session, CSRF check and views a browser goes through —
side by side with Taguette on the same transcript in the same run.

    .venv/bin/python bench/bench_analysis_coding.py
    .venv/bin/python bench/bench_analysis_coding.py --codings 1000 --open-codings 5000 --taguette-highlights 50
    .venv/bin/python bench/bench_analysis_coding.py --taguette /path/to/venv/bin/taguette --taguette-highlights 1000

Ovoz: a fresh SQLCipher database in ``--data-dir`` (default /tmp/ovoz-bench-coding), one partnership, one
researcher, a consenting participant, a fictional transcript of about 1 MB (UTF-8) in Russian, Kyrgyz,
Uzbek (Latin with oʻ, o', g') and Tajik with emoji, and a codebook of 20 codes. Each coding is one POST to the
coding page's apply address with UTF-16 offsets and the window of pieces around the selection, exactly as the
page's script sends them (it answers the re-cut window, the margin entry and the code list). Then codings
are added up to ``--open-codings`` and the coding page is opened (the whole page, as a browser asks for it).
Then the same codings go to a second copy of the transcript through ``ovoz serve`` (waitress, its own process,
``--http-threads`` threads, 8 by default as the command starts) over HTTP/1.1 on 127.0.0.1, after signing in
through the login form (``--http-codings 0`` skips it).

Taguette: installed in a separate virtual environment (``python3 -m venv /tmp/taguette-venv &&
/tmp/taguette-venv/bin/pip install taguette``); found through ``--taguette``, $TAGUETTE, that path or the
PATH. It is started on a free port with a temporary database, the same transcript is uploaded as HTML, and
highlights are stored through its HTTP API (the calls its own page makes, with its XSRF cookie). Each highlight
re-reads the whole document, so storing 1,000 takes many minutes: by default 50 are timed and the total for
1,000 is extrapolated, which the table says. Without Taguette the column is skipped with instructions.
Nothing is asserted: the numbers go to docs/analysis/CODING.md.
"""

import argparse
import bisect
import http.cookiejar
import json
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BENCH_KEY = "be" * 32
EMOJI = ["😔", "🙏🏽", "💰", "👩‍👧", "😢", "🏠"]


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codings", type=int, default=1000, help="codings applied one request each")
    parser.add_argument("--open-codings", type=int, default=5000, help="codings on the transcript when opened")
    parser.add_argument("--opens", type=int, default=10, help="times the coded page is opened")
    parser.add_argument("--megabytes", type=float, default=1.0, help="transcript size in UTF-8")
    parser.add_argument("--data-dir", default="/tmp/ovoz-bench-coding")
    parser.add_argument("--taguette", default=None, help="the taguette command (default: $TAGUETTE, "
                                                          "/tmp/taguette-venv/bin/taguette, or on PATH)")
    parser.add_argument("--taguette-highlights", type=int, default=50,
                        help="highlights timed in Taguette (the rest up to --codings is extrapolated)")
    parser.add_argument("--http-codings", type=int, default=1000,
                        help="codings applied through `ovoz serve` (waitress) over real HTTP (0: skip)")
    parser.add_argument("--http-threads", type=int, default=8, help="waitress threads of the served run "
                                                                    "(8, as `ovoz serve` starts by default)")
    parser.add_argument("--seed", type=int, default=2024)
    return parser.parse_args()


# --- the corpus -----------------------------------------------------------------------------------------


def make_transcript(megabytes: float, rng: random.Random) -> str:
    """Fictional turns of an interview in the corpus's languages, with emoji, until the UTF-8 size is reached."""
    from corpus_words import LANGUAGES

    langs = [lang for lang in ("ru", "ky", "uz", "tg") if lang in LANGUAGES] or list(LANGUAGES)
    target = int(megabytes * 1_000_000)
    lines, size = ["(Fictional interview for the coding benchmark.)"], 0
    while size < target:
        words = LANGUAGES[rng.choice(langs)]
        topic = rng.choice(list(words["topics"]))
        sentence = (f"— {rng.choice(words['times'])} {rng.choice(words['places'])} "
                    f"{rng.choice(words['subjects']).lower()} {rng.choice(words['topics'][topic])}.")
        if rng.random() < 0.15:
            sentence += " " + rng.choice(EMOJI)
        if rng.random() < 0.1:
            sentence += " Oʻgʻlim g'alla yig'ishga ketdi, o'qishga bormadi."
        lines.append(sentence)
        size += len(sentence.encode()) + 1
    return "\n".join(lines)


def random_spans(text: str, count: int, rng: random.Random) -> list[tuple[int, int]]:
    """Stretches of 20–400 characters starting and ending at word boundaries (code points)."""
    starts = [m.start() for m in re.finditer(r"(?<=\s)\S", text)]
    spans = []
    while len(spans) < count:
        a = rng.choice(starts)
        b = min(len(text), a + rng.randint(20, 400))
        while b < len(text) and not text[b].isspace():
            b += 1
        if b > a:
            spans.append((a, b))
    return spans


def utf16_prefix(text: str):
    from ovoz.analysis.coding_spans import FastOffsetMap

    return FastOffsetMap(text).utf16_from_codepoint


class PageWindows:
    """What the page's script sends with a selection: the pieces on the page start at every coding's start and
    end, and the script sends the run of pieces around the selection (UTF-16 offsets), as the page holds them."""

    def __init__(self, text: str):
        self.u16 = utf16_prefix(text)
        self.bounds = [0, self.u16(len(text))]

    def form(self, a: int, b: int, codes, rng: random.Random) -> dict:
        start, end = self.u16(a), self.u16(b)
        lo = self.bounds[bisect.bisect_right(self.bounds, start) - 1]
        hi = self.bounds[bisect.bisect_left(self.bounds, end)]
        return {"codes": [c.pk for c in rng.sample(codes, rng.choice((1, 1, 2)))], "units": "utf16",
                "start": start, "end": end, "window_start": lo, "window_end": hi}

    def applied(self, data: dict) -> None:
        """After a coding, its start and end cut the pieces on the page."""
        for x in (data["start"], data["end"]):
            i = bisect.bisect_left(self.bounds, x)
            if i == len(self.bounds) or self.bounds[i] != x:
                self.bounds.insert(i, x)


# --- Ovoz ---------------------------------------------------------------------------------------------


def _setup(args) -> None:
    os.environ["OVOZ_DATA_DIR"] = args.data_dir
    os.environ.setdefault("OVOZ_MASTER_KEY", BENCH_KEY)
    os.environ["OVOZ_REQUIRE_2FA"] = "false"
    os.environ["DJANGO_SETTINGS_MODULE"] = "ovoz.settings"
    os.environ.pop("OVOZ_DB_NAME", None)
    if Path(args.data_dir).exists():
        shutil.rmtree(args.data_dir)
    Path(args.data_dir).mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _world(text: str):
    import datetime

    from ovoz.accounts.models import Organisation, User
    from ovoz.accounts.roles import Role
    from ovoz.analysis.models import Code
    from ovoz.evidence.models import Source
    from ovoz.evidence.services.consent import ALL_SCOPES, consent_record
    from ovoz.evidence.services.participants import participant_create
    from ovoz.programmes.models import Membership, Partnership, Programme

    lead = Organisation.objects.create(name="Bench secretariat (fictional)", kind=Organisation.Kind.SECRETARIAT)
    org = Organisation.objects.create(name="Bench partner (fictional)", country="KG")
    programme = Programme.objects.create(title="Bench programme", lead_organisation=lead,
                                         starts_on=datetime.date(2023, 1, 1), ends_on=datetime.date(2025, 1, 1))
    partnership = Partnership.objects.create(programme=programme, organisation=org, country="KG")
    researcher = User.objects.create_user(username="bench_researcher", password="bench-password-2024")
    Membership.objects.create(user=researcher, programme=programme, partnership=partnership, role=Role.RESEARCHER)
    woman = participant_create(actor=researcher, partnership=partnership)
    consent_record(actor=researcher, participant=woman, date=datetime.date(2023, 3, 1), method="oral",
                   language="ru", scopes=ALL_SCOPES)
    source = Source.objects.create(partnership=partnership, kind="interview", title="Bench interview (fictional)",
                                   transcript=text, language="ru")
    source.participants.add(woman)
    codes = [Code.objects.create(programme=programme, name_en=f"Bench code {i}", colour=f"#{(i * 97) % 256:02x}"
                                 f"{(i * 53) % 256:02x}{(i * 29) % 256:02x}", order=i) for i in range(20)]
    return researcher, source, codes


def _stats(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return (f"total {sum(times):7.2f} s   median {statistics.median(times) * 1000:6.1f} ms   "
            f"p95 {p95 * 1000:6.1f} ms   max {times[-1] * 1000:6.1f} ms")


class ServedClient:
    """Django's test Client keeps the database connection open across requests; Ovoz's server (waitress with
    Django's handler) closes it after each request unless OVOZ_DB_CONN_MAX_AGE keeps it. This does as the
    server does, so opening a connection (and giving SQLCipher its key) counts when it would."""

    def __init__(self, client):
        self.client = client
        self.cookies = client.cookies

    def __getattr__(self, name):
        from django.db import close_old_connections

        method = getattr(self.client, name)

        def served(*args, **kwargs):
            close_old_connections()
            try:
                return method(*args, **kwargs)
            finally:
                close_old_connections()

        return served


def measure_ovoz(args, text: str, spans: list[tuple[int, int]], rng: random.Random) -> dict:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from ovoz.analysis.models import Coding
    from ovoz.analysis.services.codings import codings_bulk_create

    researcher, source, codes = _world(text)
    client = Client(enforce_csrf_checks=True)
    client.force_login(researcher)
    client = ServedClient(client)
    page = reverse("analysis:coding", args=[source.pk])
    apply = reverse("analysis:coding_apply", args=[source.pk])
    assert client.get(page).status_code == 200  # sets the CSRF cookie, as the browser's first visit does
    csrf = client.cookies["csrftoken"].value
    windows = PageWindows(text)
    results = {}

    times = []
    for a, b in spans[: args.codings]:
        data = windows.form(a, b, codes, rng)
        began = time.perf_counter()
        response = client.post(apply, data, headers={"HX-Request": "true", "X-CSRFToken": csrf})
        times.append(time.perf_counter() - began)
        if response.status_code != 200 or not response["Content-Type"].startswith("application/json"):
            raise SystemExit(f"apply answered {response.status_code}: {response.content[:300]!r}")
        windows.applied(data)
    results["apply"] = times
    floor = []
    for _ in range(200):
        began = time.perf_counter()
        client.get("/health")
        floor.append(time.perf_counter() - began)
    results["floor"] = floor
    results["applied"] = Coding.objects.filter(source=source).count()

    missing = args.open_codings - results["applied"]
    if missing > 0:
        rows = [(rng.choice(codes), a, b) for a, b in random_spans(text, missing, rng)]
        codings_bulk_create(actor=researcher, source=source, rows=rows)
    results["on_page"] = Coding.objects.filter(source=source).count()

    opens, size = [], 0
    for _ in range(args.opens):
        began = time.perf_counter()
        response = client.get(page)
        opens.append(time.perf_counter() - began)
        size = len(response.content)
        assert response.status_code == 200
    results["open"] = opens
    results["page_bytes"] = size
    filtered = []
    for _ in range(args.opens):
        began = time.perf_counter()
        client.get(page, {"code": codes[0].pk})
        filtered.append(time.perf_counter() - began)
    results["open_filtered"] = filtered
    results["engine"] = connection.display_name if connection.vendor == "sqlite" else connection.vendor
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous")
            level = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(cursor.fetchone()[0], "?")
        results["engine"] += f", WAL, synchronous={level}"
    results["engine"] += f", connections kept {connection.settings_dict['CONN_MAX_AGE']} s"
    return results


# --- Ovoz over real HTTP ------------------------------------------------------------------------------


class HttpSession:
    """One kept-alive HTTP/1.1 connection to the server, with the cookies it sets, as a browser holds them."""

    def __init__(self, port: int):
        import http.client

        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, fields=None, headers=None) -> tuple[int, bytes]:
        body = urllib.parse.urlencode(fields, doseq=True) if fields is not None else None
        sent = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=sent)
        response = self.connection.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, data


def _http_source(text: str):
    """A second interview with the same transcript, for the served run (the first one holds the codings
    made through the test Client)."""
    from ovoz.evidence.models import Source

    first = Source.objects.order_by("pk").first()
    source = Source.objects.create(partnership=first.partnership, kind="interview", transcript=text,
                                   title="Bench interview, served (fictional)", language="ru")
    source.participants.set(first.participants.all())
    return source


def measure_ovoz_http(args, text: str, spans: list[tuple[int, int]], rng: random.Random) -> dict:
    """The same codings sent by a client over a TCP socket to ``ovoz serve`` (waitress, in its own process),
    after signing in through the login form: every byte a browser's request goes through."""
    from django.db import connections
    from django.urls import reverse

    from ovoz.analysis.models import Code

    source = _http_source(text)
    codes = list(Code.objects.filter(programme=source.partnership.programme).order_by("pk"))
    page = reverse("analysis:coding", args=[source.pk])
    apply = reverse("analysis:coding_apply", args=[source.pk])
    connections.close_all()
    port = _free_port()
    env = {**os.environ, "OVOZ_DATA_DIR": args.data_dir, "OVOZ_REQUIRE_2FA": "false"}
    ovoz = Path(sys.executable).with_name("ovoz")
    command = [str(ovoz), "serve", "--host", "127.0.0.1", "--port", str(port), "--threads", str(args.http_threads)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(f"ovoz serve did not start: {server.stderr.read().decode()[-2000:]}") from None
                time.sleep(0.2)
        client = HttpSession(port)
        status, _ = client.request("GET", "/auth/login/")
        status, _ = client.request("POST", "/auth/login/", {
            "username": "bench_researcher", "password": "bench-password-2024",
            "csrfmiddlewaretoken": client.cookies.get("csrftoken", "")})
        if "sessionid" not in client.cookies:
            raise SystemExit(f"signing in to the served Ovoz failed ({status})")
        status, _ = client.request("GET", page)
        assert status == 200, status
        csrf = client.cookies["csrftoken"]
        windows = PageWindows(text)
        times = []
        for a, b in spans[: args.http_codings]:
            data = windows.form(a, b, codes, rng)
            began = time.perf_counter()
            status, body = client.request("POST", apply, data, {"HX-Request": "true", "X-CSRFToken": csrf})
            times.append(time.perf_counter() - began)
            if status != 200:
                raise SystemExit(f"served apply answered {status}: {body[:300]!r}")
            windows.applied(data)
        floor = []
        for _ in range(200):
            began = time.perf_counter()
            client.request("GET", "/health")
            floor.append(time.perf_counter() - began)
        return {"apply": times, "floor": floor}
    finally:
        server.terminate()
        server.wait(timeout=30)


# --- Taguette -----------------------------------------------------------------------------------------


def find_taguette(option: str | None) -> str | None:
    for candidate in (option, os.environ.get("TAGUETTE"), "/tmp/taguette-venv/bin/taguette", shutil.which("taguette")):
        if candidate and os.path.exists(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TaguetteClient:
    """Its web page's calls: a cookie jar holding the single-user login and the _xsrf cookie sent back."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def xsrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "_xsrf")

    def get(self, path: str) -> tuple[str, bytes]:
        with self.opener.open(self.base + path, timeout=600) as response:
            return response.geturl(), response.read()

    def post_form(self, path: str, fields: dict) -> str:
        data = urllib.parse.urlencode({**fields, "_xsrf": self.xsrf()}).encode()
        with self.opener.open(self.base + path, data=data, timeout=600) as response:
            response.read()
            return response.geturl()

    def post_json(self, path: str, body: dict) -> dict:
        url = f"{self.base}{path}?_xsrf={urllib.parse.quote(self.xsrf())}"
        request = urllib.request.Request(url, data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
        with self.opener.open(request, timeout=600) as response:
            return json.loads(response.read())

    def upload(self, path: str, fields: dict, filename: str, content: bytes, content_type: str) -> dict:
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in {**fields, "_xsrf": self.xsrf()}.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                     f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        request = urllib.request.Request(self.base + path, data=b"".join(parts),
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        with self.opener.open(request, timeout=600) as response:
            return json.loads(response.read())


def as_html(text: str) -> bytes:
    """One paragraph per line, with nothing between the tags, so the document's text is the transcript's
    characters without its line breaks."""
    from html import escape

    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Bench</title></head><body>"
            + "".join(f"<p>{escape(line, quote=False)}</p>" for line in text.split("\n"))
            + "</body></html>").encode()


def measure_taguette(command: str, text: str, spans: list[tuple[int, int]], count: int) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="bench-taguette-"))
    port = _free_port()
    log = open(workdir / "taguette.log", "w+")  # noqa: SIM115 (read back if it fails)
    process = subprocess.Popen([command, "--no-browser", "-p", str(port), "-b", "127.0.0.1",
                                "--database", str(workdir / "taguette.sqlite3")],
                               stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        join = None
        for _ in range(600):
            time.sleep(0.1)
            log.seek(0)
            found = re.search(r"(http://localhost:\d+/\?token=\w+)", log.read())
            if found:
                join = found.group(1)
                break
            if process.poll() is not None:
                break
        if join is None:
            log.seek(0)
            raise RuntimeError(f"Taguette did not start:\n{log.read()[-2000:]}")
        client = TaguetteClient(f"http://localhost:{port}")
        client.get(join.removeprefix(client.base))  # the single-user token sets the login cookie
        client.get("/project/new")  # its form sets the _xsrf cookie
        project_url = client.post_form("/project/new", {"name": "Bench", "description": "Fictional benchmark"})
        project = int(re.search(r"/project/(\d+)", project_url).group(1))
        began = time.perf_counter()
        document = client.upload(f"/api/project/{project}/document/new", {"name": "Bench interview",
                                 "description": ""}, "interview.html", as_html(text), "text/html")["created"]
        upload = time.perf_counter() - began
        tag = client.post_json(f"/api/project/{project}/tag/new", {"path": "bench", "description": ""})["id"]
        # Taguette counts UTF-8 bytes of the document's text (the transcript without its line breaks).
        flat_offsets = []
        for a, b in spans[:count]:
            flat_offsets.append((len(text[:a].replace("\n", "").encode()), len(text[:b].replace("\n", "").encode())))
        times = []
        for start, end in flat_offsets:
            began = time.perf_counter()
            client.post_json(f"/api/project/{project}/document/{document}/highlight/new",
                             {"start_offset": start, "end_offset": end, "tags": [tag]})
            times.append(time.perf_counter() - began)
        began = time.perf_counter()
        _, exported = client.get(f"/project/{project}/export/highlights/.csv")
        export = time.perf_counter() - began
        return {"upload": upload, "highlights": times, "export": export, "export_bytes": len(exported),
                "version": subprocess.run([command, "--version"], capture_output=True, text=True).stdout.strip()}
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)


# --- the table ----------------------------------------------------------------------------------------


def main() -> None:
    args = _arguments()
    rng = random.Random(args.seed)
    text = make_transcript(args.megabytes, rng)
    spans = random_spans(text, max(args.codings, args.taguette_highlights), rng)
    _setup(args)
    print(f"Transcript: {len(text.encode()):,} bytes of UTF-8, {len(text):,} characters, "
          f"{len(text.encode('utf-16-le')) // 2:,} UTF-16 units. Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}.")
    ovoz = measure_ovoz(args, text, spans, rng)
    print()
    print(f"Ovoz ({ovoz['engine']}), through Django's test Client with CSRF checks:")
    print(f"  apply {args.codings:,} codings, one POST each (UTF-16 offsets, window answer):")
    print(f"      {_stats(ovoz['apply'])}   -> {ovoz['applied']:,} codings stored")
    print("  for scale, the same client asking for /health (the middleware and session alone), 200 times:")
    print(f"      {_stats(ovoz['floor'])}")
    print(f"  open the coding page with {ovoz['on_page']:,} codings ({ovoz['page_bytes'] / 1e6:.1f} MB of HTML), "
          f"{args.opens} times:")
    print(f"      {_stats(ovoz['open'])}")
    print(f"  the same page filtered by one code, {args.opens} times:")
    print(f"      {_stats(ovoz['open_filtered'])}")
    served = None
    if args.http_codings > 0:
        served = measure_ovoz_http(args, text, spans, rng)
        print()
        print("Ovoz served by `ovoz serve` (waitress, its own process), over HTTP/1.1 on 127.0.0.1, signed in "
              "through the login form:")
        print(f"  apply {len(served['apply']):,} codings to a second copy of the transcript, one POST each:")
        print(f"      {_stats(served['apply'])}")
        print("  for scale, /health over the same connection, 200 times:")
        print(f"      {_stats(served['floor'])}")

    command = find_taguette(args.taguette)
    print()
    if args.taguette_highlights <= 0:
        print("Taguette: skipped (--taguette-highlights 0).")
        return
    if command is None:
        print("Taguette: not installed, column skipped. Install it apart from Ovoz's environment:\n"
              "    python3 -m venv /tmp/taguette-venv && /tmp/taguette-venv/bin/pip install taguette\n"
              "then run this again (or pass --taguette /path/to/bin/taguette).")
        return
    count = min(args.taguette_highlights, args.codings)
    tag = measure_taguette(command, text, spans, count)
    per = statistics.mean(tag["highlights"])
    print(f"Taguette {tag['version']} (its own server, SQLite, same transcript uploaded as HTML):")
    print(f"  upload the document: {tag['upload']:.2f} s")
    print(f"  store {count:,} highlights, one POST each: {_stats(tag['highlights'])}")
    if count < args.codings:
        print(f"  -> {args.codings:,} highlights EXTRAPOLATED from those {count}: about {per * args.codings:,.0f} s")
    print(f"  export the highlights as CSV: {tag['export']:.2f} s ({tag['export_bytes']:,} bytes)")
    print()
    ovoz_total = sum(ovoz["apply"])
    taguette_total = per * args.codings
    label = "extrapolated" if count < args.codings else "measured"
    print(f"{'':38}{'Ovoz':>12}{'Taguette':>16}")
    print(f"{f'{args.codings:,} codings, one request each':38}{ovoz_total:>10.1f} s{taguette_total:>12.0f} s "
          f"({label})")
    if served is not None:
        label = f"the same, Ovoz served over HTTP ({len(served['apply']):,})"
        print(f"{label:38}{sum(served['apply']):>10.1f} s")
    print(f"{'per coding (median)':38}{statistics.median(ovoz['apply']) * 1000:>9.0f} ms"
          f"{statistics.median(tag['highlights']) * 1000:>13.0f} ms")
    print(f"{'open the coded transcript (median)':38}{statistics.median(ovoz['open']):>10.2f} s{'—':>14}")


if __name__ == "__main__":
    main()
