"""Search benchmark: build the corpus in a fresh database, then time ``search()`` as people would use it.

    .venv/bin/python bench/bench_search.py                      # 50,000 transcripts, SQLCipher
    .venv/bin/python bench/bench_search.py --transcripts 5000   # a quicker look
    OVOZ_DB_ENGINE=postgres OVOZ_DB_USER=postgres .venv/bin/python bench/bench_search.py

Every query goes through ``ovoz.search.engine.search`` (access rules and consent inside the query, the page of
20 hits read back through the evidence access rules, snippets marked on the original text) as a real user of
the corpus: a partnership's researcher or mentor, or the coordinator. It prints p50/p95/p99 per kind of query
and overall, the raw full-text match alone for comparison, and list pages through the Django test client.
Nothing here is asserted: the numbers go to docs/PERFORMANCE.md.

The SQLCipher database is ``<data dir>/ovoz.db`` (``--data-dir``, default /tmp/ovoz-bench-search); on
PostgreSQL the database ``OVOZ_DB_NAME`` (default ovoz_bench_search) is dropped and created again.
``--reuse`` keeps an existing corpus and only measures.
"""

import argparse
import datetime
import os
import platform
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BENCH_KEY = "be" * 32


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transcripts", type=int, default=50_000)
    parser.add_argument("--data-dir", default="/tmp/ovoz-bench-search")
    parser.add_argument("--reuse", action="store_true", help="measure an existing corpus, do not rebuild it")
    parser.add_argument("--rounds", type=int, default=20, help="times each query is run")
    parser.add_argument("--seed", type=int, default=2024)
    return parser.parse_args()


def _postgres() -> bool:
    return os.environ.get("OVOZ_DB_ENGINE", "sqlcipher").lower() in {"postgres", "postgresql"}


def _fresh_postgres(name: str) -> None:
    import psycopg

    params = {"dbname": "postgres", "user": os.environ.get("OVOZ_DB_USER") or None,
              "host": os.environ.get("OVOZ_DB_HOST", "127.0.0.1"), "port": os.environ.get("OVOZ_DB_PORT", "5432"),
              "password": os.environ.get("OVOZ_DB_PASSWORD") or None}
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _setup(args) -> None:
    os.environ["OVOZ_DATA_DIR"] = args.data_dir
    os.environ.setdefault("OVOZ_MASTER_KEY", BENCH_KEY)
    os.environ["OVOZ_REQUIRE_2FA"] = "false"
    os.environ["DJANGO_SETTINGS_MODULE"] = "ovoz.settings"
    if _postgres():
        os.environ.setdefault("OVOZ_DB_NAME", "ovoz_bench_search")
        if not args.reuse:
            _fresh_postgres(os.environ["OVOZ_DB_NAME"])
        Path(args.data_dir).mkdir(parents=True, exist_ok=True)
    else:
        os.environ.pop("OVOZ_DB_NAME", None)
        if not args.reuse and Path(args.data_dir).exists():
            shutil.rmtree(args.data_dir)
        Path(args.data_dir).mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def _row(label: str, times: list[float], extra: str = "", cpu: list[float] | None = None) -> str:
    ms = [t * 1000 for t in times]
    cpu_ms = f"{_percentile([t * 1000 for t in cpu], 95):>7.1f}" if cpu else "      –"
    return (f"| {label:<40} | {len(ms):>4} | {_percentile(ms, 50):>6.1f} | {_percentile(ms, 95):>6.1f} "
            f"| {_percentile(ms, 99):>6.1f} | {cpu_ms} | {extra:>7} |")


HEADER = ("| what                                     | runs | p50 ms | p95 ms | p99 ms | p95 CPU |    hits |\n"
          "|------------------------------------------|------|--------|--------|--------|---------|---------|")


def _queries(corpus_info) -> list[tuple[str, str, str, dict, int]]:
    """(class, query, user, filters, page)."""
    ms, vt = corpus_info["migrant_status"], corpus_info["violation"]
    return [
        ("one word, Russian", "зарплату", "researcher0", {}, 1),
        ("one word, Russian", "паспорт", "researcher0", {}, 1),
        ("one word, Kyrgyz", "жөлөкпул", "researcher4", {}, 1),
        ("one word, Tajik", "шиносномаамро", "researcher2", {}, 1),
        ("one word, English", "passport", "researcher3", {}, 1),
        ("one word, Uzbek Latin", "shartnomasiz", "researcher1", {}, 1),
        ("one word, Uzbek Cyrillic", "шартномасиз", "researcher1", {}, 1),
        ("two words, Uzbek Latin", "ish haqi", "researcher1", {}, 1),
        ("two words, Uzbek Cyrillic", "иш ҳақи", "researcher1", {}, 1),
        ("phrase, Uzbek Latin", '"ish haqi"', "researcher1", {}, 1),
        ("phrase, Uzbek Cyrillic", '"иш ҳақи"', "researcher1", {}, 1),
        ("phrase, Russian", '"без договора"', "researcher0", {}, 1),
        ("phrase, Kyrgyz", '"эмгек акымды"', "researcher4", {}, 1),
        ("phrase, Tajik", '"музди меҳнат"', "researcher3", {}, 1),
        ("phrase, English", '"domestic violence"', "mentor3", {}, 1),
        ("prefix", "зарплат*", "researcher0", {}, 1),
        ("prefix", "hujjat*", "researcher1", {}, 1),
        ("rare word", corpus_info["rare"][0], corpus_info["rare_user"][0], {}, 1),
        ("rare word", corpus_info["rare"][1], corpus_info["rare_user"][1], {}, 1),
        ("coordinator (shared material only)", "милиция", "coordinator", {}, 1),
        ("coordinator (shared material only)", '"иш ҳақи"', "coordinator", {}, 1),
        ("filter: language", "паспорт", "researcher0", {"language": "ky"}, 1),
        ("filter: migrant status", "зарплату", "researcher0", {"migrant_status": [ms["returned"]]}, 1),
        ("filter: violation type", "паспорт", "researcher0", {"violation_type": [vt["documents"]]}, 1),
        ("filter: date range", "ish haqi", "researcher1",
         {"date_from": datetime.date(2023, 1, 1), "date_to": datetime.date(2023, 6, 30)}, 1),
        ("filter: kind", "милиция", "researcher4", {"kind": "incident"}, 1),
        ("page 10", "паспорт", "researcher0", {}, 10),
    ]


def _corpus_info(rng):
    from ovoz.evidence.models import Source, Term
    from ovoz.programmes.models import Membership
    from ovoz.search.fold import tokenize

    info = {
        "migrant_status": dict(Term.objects.filter(vocabulary="migrant_status").values_list("code", "pk")),
        "violation": {},
        "rare": [], "rare_user": [],
    }
    codes = dict(Term.objects.filter(vocabulary="violation").values_list("code", "pk"))
    info["violation"] = {"documents": codes.get("document_confiscation"), "wages": codes.get("wage_theft")}
    researcher_of = {m.partnership_id: m.user.username for m in Membership.objects.select_related("user")
                     .filter(role="researcher")}
    ids = list(Source.objects.values_list("pk", flat=True)[:2000])
    while len(info["rare"]) < 2:
        source = Source.objects.get(pk=rng.choice(ids))
        words = [w for w in source.transcript.split() if len(w) > 7 and w.isalpha() and len(tokenize(w)) == 1]
        if words:
            info["rare"].append(rng.choice(words))
            info["rare_user"].append(researcher_of[source.partnership_id])
    return info


def measure(args) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection

    from ovoz.search.engine import search
    from ovoz.search.models import Entry
    from ovoz.search.query import parse

    rng = random.Random(args.seed)
    users = {u.username: u for u in get_user_model().objects.all()}
    info = _corpus_info(rng)
    queries = _queries(info)
    by_class: dict[str, list[float]] = {}
    cpu_by_class: dict[str, list[float]] = {}
    hits: dict[str, list[int]] = {}
    everything: list[float] = []
    everything_cpu: list[float] = []
    for q, username, filters, page in [(q, u, f, p) for _c, q, u, f, p in queries]:
        search(users[username], q, filters, page)  # warm the caches once
    order = [q for q in queries for _ in range(args.rounds)]
    rng.shuffle(order)
    for label, q, username, filters, page in order:
        user = users[username]
        for attr in ("_ovoz_memberships",):  # a fresh request: memberships read again
            user.__dict__.pop(attr, None)
        began, cpu = time.perf_counter(), time.process_time()
        results = search(user, q, filters, page)
        elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
        by_class.setdefault(label, []).append(elapsed)
        cpu_by_class.setdefault(label, []).append(cpu)
        hits.setdefault(label, []).append(results.count)
        everything.append(elapsed)
        everything_cpu.append(cpu)

    engine = connection.display_name if connection.vendor == "sqlite" else "PostgreSQL"
    print()
    print(f"search() on {engine}: {Entry.objects.count():,} index entries; {args.rounds} runs of each query; "
          f"load average {os.getloadavg()[0]:.1f} (2-core machine: above 2, other work shares the CPU)")
    print(HEADER)
    for label in dict.fromkeys(c for c, *_ in queries):
        print(_row(label, by_class[label], f"{int(statistics.median(hits[label])):,}", cpu_by_class[label]))
    print(_row("all queries", everything, cpu=everything_cpu))

    raw, raw_cpu = [], []
    backend_match = __import__("ovoz.search.backends", fromlist=["get_backend"]).get_backend()
    for _c, q, *_rest in queries * 5:
        m = backend_match.match(parse(q), [])
        began, cpu = time.perf_counter(), time.process_time()
        with backend_match.searching(), connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {m.from_sql} WHERE {m.where_sql}", m.params)
            cursor.fetchone()
        raw.append(time.perf_counter() - began)
        raw_cpu.append(time.process_time() - cpu)
    print()
    print("The full-text match alone (counting every match, no access rules, no page):")
    print(HEADER)
    print(_row("raw match, all queries", raw, cpu=raw_cpu))
    _list_pages(args, users, rng)


def _list_pages(args, users, rng) -> None:
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from ovoz.programmes.models import Membership

    membership = Membership.objects.filter(user=users["researcher0"]).first()
    pages = [("search page /search/?q=паспорт", "search:search", {}, {"q": "паспорт"})]
    for name in ("evidence:source_list", "evidence:participant_list"):
        pages.append((f"{name} (first page)", name, {"pk": membership.partnership_id}, {}))
    client = Client()
    client.force_login(users["researcher0"])
    rows = []
    for label, name, kwargs, params in pages:
        try:
            url = reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
        if client.get(url, params).status_code != 200:
            continue
        times, cpus = [], []
        for _ in range(args.rounds):
            began, cpu = time.perf_counter(), time.process_time()
            response = client.get(url, params)
            times.append(time.perf_counter() - began)
            cpus.append(time.process_time() - cpu)
            assert response.status_code == 200
        rows.append(_row(label, times, cpu=cpus))
    if rows:
        print()
        print("Pages through the Django test client, as researcher0 (whole request: middleware, query, template):")
        print(HEADER)
        print("\n".join(rows))


def main() -> None:
    args = _arguments()
    _setup(args)
    from django.db import connection

    from ovoz.search.models import Entry

    print(f"{platform.node()}: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {datetime.datetime.now():%Y-%m-%d %H:%M}")
    if args.reuse and Entry.objects.exists():
        print("Reusing the corpus already in the database.")
    else:
        from corpus import build_corpus

        corpus = build_corpus(transcripts=args.transcripts, seed=args.seed,
                              progress=lambda m: print(f"  {m}", flush=True))
        print(f"Corpus: {corpus.sources:,} sources ({corpus.characters / 1e6:,.0f} M characters of text), "
              f"{corpus.participants:,} participants, {corpus.incidents:,} incidents, "
              f"{corpus.attachments:,} attachments; written in {corpus.timings['write']:.0f} s, "
              f"indexed in {corpus.timings['index']:.0f} s")
    if connection.vendor == "sqlite":
        size = sum(f.stat().st_size for f in Path(args.data_dir).glob("ovoz.db*"))
        print(f"Database file: {size / 1e6:,.0f} MB (SQLCipher, encrypted)")
    measure(args)


if __name__ == "__main__":
    main()
