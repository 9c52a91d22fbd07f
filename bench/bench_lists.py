"""List-page benchmark: the evidence lists at the scale of the search corpus, through the Django test client.

    .venv/bin/python bench/bench_lists.py                     # SQLCipher; reuses the search benchmark's corpus
    OVOZ_DB_ENGINE=postgres OVOZ_DB_USER=postgres .venv/bin/python bench/bench_lists.py
    .venv/bin/python bench/bench_lists.py --rebuild --transcripts 5000   # a quick look on a fresh corpus

Each request is a whole GET as a browser makes it (session, middleware, access rules with consent, the page's
queries, the template) by a partnership's researcher or the programme's coordinator (who sees only what is
shared with her): the sources, participants and documented violations of a partnership, first page, a deep
page and with each kind of filter. It prints p50/p95/p99 per page and the number of SQL queries it makes.
The corpus is the one ``bench_search.py`` builds (same data dir, same PostgreSQL database): it is built here
only when missing or with ``--rebuild``. Target on the reference 2-core machine: p95 under 150 ms.
"""

import argparse
import datetime
import os
import platform
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_search import _percentile, _setup  # noqa: E402  (the benchmarks share their corpus and setup)

COLUMNS = [("page", 41), ("as", 11), ("runs", 4), ("p50 ms", 6), ("p95 ms", 6), ("p99 ms", 6), ("p95 CPU", 7),
           ("queries", 7)]
HEADER = ("| " + " | ".join(f"{name:<{width}}" for name, width in COLUMNS) + " |\n"
          + "|" + "|".join("-" * (width + 2) for _name, width in COLUMNS) + "|")


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transcripts", type=int, default=50_000, help="corpus size when one is built")
    parser.add_argument("--data-dir", default="/tmp/ovoz-bench-search")
    parser.add_argument("--rebuild", action="store_true", help="build the corpus again even if one exists")
    parser.add_argument("--rounds", type=int, default=20, help="times each page is requested")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    args.reuse = not args.rebuild
    return args


def _pages(partnership_id: int) -> list[tuple[str, str, str, dict]]:
    """(label, user, url name, query) for one partnership's lists."""
    from ovoz.evidence.models import Participant, Source, Term

    code = Participant.objects.filter(partnership_id=partnership_id, sources__isnull=False).values_list(
        "code", flat=True).first()
    word = Source.objects.filter(partnership_id=partnership_id).values_list("title", flat=True).first().split()[0]
    status = Term.objects.filter(vocabulary="migrant_status", code="returned").values_list("pk", flat=True).first()
    violation = Term.objects.filter(vocabulary="violation", code="wage_theft").values_list("pk", flat=True).first()
    pages = []
    for user in ("researcher0", "coordinator"):
        pages += [
            ("sources, first page", user, "evidence:source_list", {}),
            ("sources, page 100", user, "evidence:source_list", {"page": 100}),
            ("sources, filter: kind", user, "evidence:source_list", {"kind": "interview"}),
            ("sources, filter: language", user, "evidence:source_list", {"language": "ru"}),
            ("sources, filter: participant code", user, "evidence:source_list", {"participant": code}),
            ("sources, filter: words in the title", user, "evidence:source_list", {"q": word}),
            ("sources, filter: date range", user, "evidence:source_list",
             {"date_from": "2023-01-01", "date_to": "2023-06-30"}),
            ("participants, first page", user, "evidence:participant_list", {}),
            ("participants, page 20", user, "evidence:participant_list", {"page": 20}),
            ("participants, filter: migrant status", user, "evidence:participant_list", {"migrant_status": status}),
            ("participants, filter: consents to quotes", user, "evidence:participant_list", {"scope": "quotes"}),
            ("incidents, first page", user, "evidence:incident_list", {}),
            ("incidents, page 20", user, "evidence:incident_list", {"page": 20}),
            ("incidents, filter: type of act", user, "evidence:incident_list", {"violation": violation}),
            ("incidents, filter: date range", user, "evidence:incident_list",
             {"date_from": "2023-01-01", "date_to": "2023-06-30"}),
        ]
    return pages


def measure(args) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from ovoz.evidence.models import Incident, Participant, Source
    from ovoz.programmes.models import Membership

    users = {u.username: u for u in get_user_model().objects.filter(username__in=["researcher0", "coordinator"])}
    partnership_id = Membership.objects.filter(user=users["researcher0"]).values_list(
        "partnership_id", flat=True).first()
    clients = {}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    pages = _pages(partnership_id)
    queries = {}
    for label, user, name, params in pages:  # warm once, and count the queries of each page
        url = reverse(name, kwargs={"pk": partnership_id})
        with CaptureQueriesContext(connection) as ctx:
            response = clients[user].get(url, params)
        assert response.status_code == 200, (label, user, response.status_code)
        queries[(label, user)] = len(ctx.captured_queries)
    order = [page for page in pages for _ in range(args.rounds)]
    random.Random(args.seed).shuffle(order)
    times: dict[tuple[str, str], list[float]] = {}
    cpus: dict[tuple[str, str], list[float]] = {}
    for label, user, name, params in order:
        url = reverse(name, kwargs={"pk": partnership_id})
        began, cpu = time.perf_counter(), time.process_time()
        response = clients[user].get(url, params)
        times.setdefault((label, user), []).append(time.perf_counter() - began)
        cpus.setdefault((label, user), []).append(time.process_time() - cpu)
        assert response.status_code == 200
    engine = connection.display_name if connection.vendor == "sqlite" else "PostgreSQL"
    print()
    print(f"List pages on {engine}: {Source.objects.count():,} sources, {Participant.objects.count():,} participants, "
          f"{Incident.objects.count():,} incidents (one partnership: "
          f"{Source.objects.filter(partnership_id=partnership_id).count():,} sources); {args.rounds} runs of each "
          f"page in random order; load average {os.getloadavg()[0]:.1f} (2 cores: above 2, other work shares them)")
    print(HEADER)
    everything, everything_cpu = [], []
    for label, user, _name, _params in pages:
        ms = [t * 1000 for t in times[(label, user)]]
        cpu = [t * 1000 for t in cpus[(label, user)]]
        everything += ms
        everything_cpu += cpu
        print(f"| {label:<41} | {user:<11} | {len(ms):>4} | {_percentile(ms, 50):>6.1f} | {_percentile(ms, 95):>6.1f} "
              f"| {_percentile(ms, 99):>6.1f} | {_percentile(cpu, 95):>7.1f} | {queries[(label, user)]:>7} |")
    print(f"| {'**all pages**':<41} | {'':<11} | {len(everything):>4} | {_percentile(everything, 50):>6.1f} "
          f"| {_percentile(everything, 95):>6.1f} | {_percentile(everything, 99):>6.1f} "
          f"| {_percentile(everything_cpu, 95):>7.1f} |         |")


def _postgres_corpus_missing() -> bool:
    """True when the PostgreSQL database of the corpus does not exist yet (it is then created and built)."""
    if os.environ.get("OVOZ_DB_ENGINE", "sqlcipher").lower() not in {"postgres", "postgresql"}:
        return False
    import psycopg

    name = os.environ.get("OVOZ_DB_NAME") or "ovoz_bench_search"
    params = {"dbname": "postgres", "user": os.environ.get("OVOZ_DB_USER") or None,
              "host": os.environ.get("OVOZ_DB_HOST", "127.0.0.1"), "port": os.environ.get("OVOZ_DB_PORT", "5432"),
              "password": os.environ.get("OVOZ_DB_PASSWORD") or None}
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None


def main() -> None:
    args = _arguments()
    if _postgres_corpus_missing():
        args.reuse = False
    _setup(args)
    from ovoz.search.models import Entry

    print(f"{platform.node()}: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {datetime.datetime.now():%Y-%m-%d %H:%M}")
    if args.reuse and Entry.objects.exists():
        from django.db import connection

        print("Reusing the corpus already in the database (bench_search.py builds it).")
        with connection.cursor() as cursor:  # statistics for indexes that migrations may have added since
            for table in ("evidence_source", "evidence_incident", "evidence_participant"):
                cursor.execute(f"ANALYZE {table}")
    else:
        from corpus import build_corpus

        corpus = build_corpus(transcripts=args.transcripts, seed=args.seed,
                              progress=lambda m: print(f"  {m}", flush=True))
        print(f"Corpus: {corpus.sources:,} sources ({corpus.characters / 1e6:,.0f} M characters of text) in "
              f"{corpus.timings['write'] + corpus.timings['index']:.0f} s")
    measure(args)


if __name__ == "__main__":
    main()
