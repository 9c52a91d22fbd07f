"""`make demo` as a newcomer meets it: `ovoz demo`, then `ovoz serve`, in real processes.

In a fresh data folder the demo creates its master key and encrypted database, prints a login for
every role, and serves pages a coordinator can sign in to through the real login form. Running the
demo again must not duplicate anyone.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.utils import translation

from ovoz.accounts.roles import Role
from ovoz.demo import data

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        (os.environ.get("OVOZ_DB_ENGINE") or "sqlcipher").lower().startswith("postgres"),
        reason="the demo runs on the embedded database; this smoke test runs in `make test`",
    ),
]

STARTUP_SECONDS = 60
COMMAND_SECONDS = 180


def ovoz_command() -> list[str]:
    """The `ovoz` console script of this environment, as `make demo` runs it."""
    script = Path(sys.executable).with_name("ovoz")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ovoz.cli"]


def child_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of `make demo`: none of the test suite's OVOZ_* settings (tests/settings.py sets
    a fixed OVOZ_MASTER_KEY and data folder, the PostgreSQL run sets OVOZ_DB_*), only a data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OVOZ_")}
    env.update(DJANGO_SETTINGS_MODULE="ovoz.settings", OVOZ_DATA_DIR=str(data_dir), OVOZ_DEMO="true", **extra)
    return env


def run_ovoz(*args: str, env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(
        [*ovoz_command(), *args],
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=COMMAND_SECONDS,
    )
    assert done.returncode == 0, f"ovoz {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def printed_logins(output: str) -> dict[str, str]:
    """The username → role lines `ovoz demo` prints between its header and the password line."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if "Demo logins" in line)
    logins = {}
    for line in lines[start + 1 :]:
        if line.startswith("Password for every demo login"):
            break
        username, _, role = line.strip().partition("  ")
        logins[username] = role.strip()
    return logins


def account_lines(user_list_output: str) -> list[str]:
    """The account rows of `ovoz user list` (id, username, roles), without the programme summary."""
    return [line for line in user_list_output.splitlines() if re.match(r"^\s*\d+\s+\S", line)]


class Browser:
    """Just enough of a browser: cookies kept, redirects followed, the CSRF token read from forms."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str) -> tuple[str, str]:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.geturl(), response.read().decode("utf-8")

    def post(self, path: str, fields: dict[str, str]) -> tuple[str, str]:
        body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        with self.opener.open(request, timeout=30) as response:
            return response.geturl(), response.read().decode("utf-8")


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "the page has no CSRF token in its form"
    return match.group(1)


def wait_for_health(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"`ovoz serve` exited with {server.returncode} before answering /health")
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                if response.status == 200 and b'"ok"' in response.read():
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"`ovoz serve` did not answer /health within {STARTUP_SECONDS} s")


def stop(server: subprocess.Popen) -> str:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
    return server.stdout.read() if server.stdout else ""


def test_make_demo_serves_the_programme_and_loads_only_once(tmp_path):
    data_dir = tmp_path / "var"
    env = child_env(data_dir)

    # 1. `ovoz demo` in a fresh data folder: a master key, an encrypted database, a login per role.
    first = run_ovoz("demo", env=env, cwd=tmp_path)
    assert (data_dir / "keys" / "master.key").exists()
    assert (data_dir / "ovoz.db").exists()
    assert not (data_dir / "ovoz.db").read_bytes()[:16].startswith(b"SQLite format 3"), "database not encrypted"
    logins = printed_logins(first)
    with translation.override("en"):  # `ovoz demo` prints in English, whatever an earlier test activated
        labels = {role: str(role.label) for role in Role}
    assert logins.get(data.COORDINATOR[0]) == labels[Role.COORDINATOR]
    for label in labels.values():
        assert any(r == label or r.startswith(f"{label} – ") for r in logins.values()), (
            f"no demo login printed for the role {label}: {logins}"
        )
    assert f"Password for every demo login: {data.PASSWORD}" in first
    users_after_first = run_ovoz("user", "list", env=env, cwd=tmp_path)
    listed = "\n".join(account_lines(users_after_first))
    assert all(f" {username} " in listed for username in logins)

    # 2. `ovoz serve` on a free port, as `make demo` runs it.
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*ovoz_command(), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=child_env(data_dir, OVOZ_REQUIRE_2FA="false"),
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_health(base, server)

        # 3. The coordinator signs in through the real form and sees the five partner organisations.
        browser = Browser(base)
        url, page = browser.get("/")
        assert urllib.parse.urlparse(url).path == "/auth/login/", "the dashboard did not ask to sign in"
        url, page = browser.post(
            "/auth/login/",
            {
                "csrfmiddlewaretoken": csrf_token(page),
                "username": data.COORDINATOR[0],
                "password": data.PASSWORD,
                "next": "",
            },
        )
        assert urllib.parse.urlparse(url).path == "/", f"signing in led to {url}, not the dashboard"
        assert "Partnerships you coordinate" in page
        assert "Demonstration" in page, "the demo banner is missing"
        for _key, organisation, *_rest in data.PARTNERS:
            assert organisation in page, f"{organisation} is not on the coordinator's dashboard"
        assert page.count("/partnerships/") >= len(data.PARTNERS)
    finally:
        served = stop(server)
    assert f"serving on {base}/" in served

    # 4. The demo again: same logins, nobody new.
    second = run_ovoz("demo", env=env, cwd=tmp_path)
    assert printed_logins(second) == logins
    users_after_second = run_ovoz("user", "list", env=env, cwd=tmp_path)
    assert account_lines(users_after_second) == account_lines(users_after_first)
    assert users_after_second.count("partnership ") == users_after_first.count("partnership ")
