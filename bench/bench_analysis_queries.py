"""Analysis queries benchmark: a million codings, then the co-occurrence matrix, frequencies and the matrix.

    .venv/bin/python bench/bench_analysis_queries.py                     # 10,000 sources, 1,000,000 codings
    .venv/bin/python bench/bench_analysis_queries.py --codings 100000    # a quicker look
    .venv/bin/python bench/bench_analysis_queries.py --reuse             # measure the database already built
    OVOZ_DB_ENGINE=postgres OVOZ_DB_USER=postgres .venv/bin/python bench/bench_analysis_queries.py

The corpus is ``bench/corpus.py`` (fictional partnerships, participants with consent, some withdrawn or never
asked, transcripts of about 5 KB) without its search index, plus the seeded codebook grown to about 60 codes
(some of them sub-codes), a programme attribute on every participant, and codings written with ``bulk_create``:
``--codings`` of them on the sources an analyst who belongs to every partnership may analyse, and 100 more on
each source she may not (whose participants refused or withdrew analysis), which every query must leave out.
Codings are 30 to 400 characters long, placed at random, with a few codes used far more than others.

Each query is run as that analyst through the same functions the pages and the API call (access and consent
inside the query) and timed ``--rounds`` times; the table gives the median and the best. Nothing is asserted:
the numbers go to docs/analysis/QUERIES.md. The SQLCipher database is ``<data dir>/ovoz.db`` (``--data-dir``,
default /tmp/ovoz-bench-analysis-queries); on PostgreSQL the database ``OVOZ_DB_NAME`` (default
ovoz_bench_analysis) is dropped and created again.
"""

import argparse
import datetime
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BENCH_KEY = "be" * 32
CODES = 60


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=10_000)
    parser.add_argument("--codings", type=int, default=1_000_000)
    parser.add_argument("--data-dir", default="/tmp/ovoz-bench-analysis-queries")
    parser.add_argument("--reuse", action="store_true", help="measure an existing database, do not rebuild it")
    parser.add_argument("--rounds", type=int, default=5, help="times each query is run")
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
        os.environ.setdefault("OVOZ_DB_NAME", "ovoz_bench_analysis")
        if not args.reuse:
            _fresh_postgres(os.environ["OVOZ_DB_NAME"])
    elif not args.reuse and Path(args.data_dir).exists():
        shutil.rmtree(args.data_dir)
    Path(args.data_dir).mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


# --- the coded corpus ---------------------------------------------------------------------------------------


def _codebook(programme, coordinator, rng) -> list[int]:
    """The seeded codebook, grown to CODES codes with sub-codes under the first ones."""
    from ovoz.analysis.models import Code
    from ovoz.analysis.services.codes import code_create, codebook_seed

    codebook_seed(actor=coordinator, programme=programme)
    codes = list(Code.objects.filter(programme=programme).order_by("pk"))
    parents = [c for c in codes if c.parent_id is None][:8]
    i = 0
    while len(codes) < CODES:
        parent = parents[i % len(parents)] if i % 2 == 0 else None
        codes.append(code_create(actor=coordinator, programme=programme, parent=parent, name_en=f"Bench code {i}"))
        i += 1
    return [c.pk for c in codes]


def _attributes(programme, rng) -> None:
    from ovoz.evidence.models import AttributeDefinition, Participant

    AttributeDefinition.objects.create(programme=programme, key="children", label="Number of children",
                                       kind="choice", choices=["0", "1", "2", "3+"])
    people = list(Participant.objects.only("pk", "attributes"))
    for person in people:
        person.attributes = {"children": rng.choice(["0", "1", "2", "3+"])}
    Participant.objects.bulk_update(people, ["attributes"], batch_size=2000)


def _codings(source_rows, code_ids, per_source_total: int, rng, coder_id, progress) -> int:
    """``per_source_total`` codings spread over ``source_rows`` (id, transcript length), in batches."""
    from django.db import transaction

    from ovoz.analysis.models import Coding

    weights = [1 / (rank + 1) ** 0.7 for rank in range(len(code_ids))]  # some codes far more used
    written, batch = 0, []
    per_source = max(1, per_source_total // max(1, len(source_rows)))
    extra = per_source_total - per_source * len(source_rows)
    now = datetime.datetime.now(datetime.UTC)
    for index, (source_id, length) in enumerate(source_rows):
        n = per_source + (1 if index < extra else 0)
        codes = rng.choices(code_ids, weights, k=n)
        for code_id in codes:
            size = rng.randint(30, 400)
            start = rng.randint(0, max(0, length - size - 1))
            batch.append(Coding(source_id=source_id, code_id=code_id, start=start, end=min(length, start + size),
                                coder_id=coder_id, created_at=now))
        if len(batch) >= 20_000:
            with transaction.atomic():
                Coding.objects.bulk_create(batch, batch_size=5000)
            written += len(batch)
            batch = []
            progress(f"codings {written:,}")
    if batch:
        with transaction.atomic():
            Coding.objects.bulk_create(batch, batch_size=5000)
        written += len(batch)
    return written


def build(args) -> None:
    from django.db import connection, transaction
    from django.db.models.functions import Length

    from corpus import build_corpus
    from ovoz.accounts.models import User
    from ovoz.accounts.roles import Role
    from ovoz.analysis.access import analysable_sources_visible_to
    from ovoz.evidence.models import Source
    from ovoz.programmes.models import Membership, Partnership, Programme

    rng = random.Random(args.seed)
    began = time.perf_counter()
    corpus = build_corpus(transcripts=args.sources, seed=args.seed, index=False,
                          progress=lambda m: print(m, flush=True) if m.endswith("000") else None)
    programme = Programme.objects.get(pk=corpus.programme_id)
    coordinator = User.objects.get(username="coordinator")
    with transaction.atomic():
        analyst = User(username="analyst", email="analyst@bench.invalid", full_name="analyst", is_fictional=True)
        analyst.set_password("bench-password-2024")
        analyst.save()
        for partnership in Partnership.objects.filter(programme=programme):
            Membership.objects.create(user=analyst, programme=programme, partnership=partnership,
                                      role=Role.RESEARCHER)
        code_ids = _codebook(programme, coordinator, rng)
        _attributes(programme, rng)
    allowed = set(analysable_sources_visible_to(analyst).values_list("pk", flat=True))
    rows = list(Source.objects.annotate(n=Length("transcript")).order_by("pk").values_list("pk", "n"))
    visible = [r for r in rows if r[0] in allowed]
    hidden = [r for r in rows if r[0] not in allowed]
    written = _codings(visible, code_ids, args.codings, rng, analyst.pk, lambda m: print(m, flush=True))
    written += _codings(hidden, code_ids, 100 * len(hidden), rng, analyst.pk, lambda m: None)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"built {len(rows):,} sources ({len(hidden):,} not analysable), {len(code_ids)} codes, "
          f"{written:,} codings in {time.perf_counter() - began:.0f} s", flush=True)


# --- measuring ----------------------------------------------------------------------------------------------


def _time(fn, rounds: int) -> tuple[list[float], list[float], object]:
    result = fn()  # warm the caches once
    times, cpu = [], []
    for _ in range(rounds):
        began, began_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    return times, cpu, result


def measure(args) -> None:
    from django.db import connection

    from ovoz.accounts.models import User
    from ovoz.analysis.access import codings_visible_to
    from ovoz.analysis.models import Code, Coding
    from ovoz.analysis.queries.cooccurrence import cooccurrence
    from ovoz.analysis.queries.dimensions import dimensions_for, get_dimension
    from ovoz.analysis.queries.frequencies import frequencies
    from ovoz.analysis.queries.matrix import attribute_matrix
    from ovoz.analysis.queries.retrieval import SegmentQuery, retrieve

    analyst = User.objects.get(username="analyst")
    coordinator = User.objects.get(username="coordinator")
    dims = dimensions_for(analyst)
    dim = {key: get_dimension(dims, key) for key in ("partnership", "migrant_status", "attr.children")}
    top = list(Code.objects.filter(parent__isnull=True).order_by("pk")[:3])
    parent_with_children = Code.objects.filter(children__isnull=False).order_by("pk").first()
    total = Coding.objects.count()
    visible = codings_visible_to(analyst).count()

    def fresh(user):
        user.__dict__.pop("_ovoz_memberships", None)
        return user

    cases = [
        ("co-occurrence, numpy sweep (default)", lambda: cooccurrence(fresh(analyst), method="sweep")),
        ("co-occurrence, SQL self-join", lambda: cooccurrence(fresh(analyst), method="sql")),
        ("co-occurrence, coordinator (shared only)", lambda: cooccurrence(fresh(coordinator))),
        ("frequencies by partnership", lambda: frequencies(fresh(analyst), dim["partnership"])),
        ("frequencies by migrant status", lambda: frequencies(fresh(analyst), dim["migrant_status"])),
        ("frequencies by programme attribute", lambda: frequencies(fresh(analyst), dim["attr.children"])),
        ("frequencies, no attribute (totals)", lambda: frequencies(fresh(analyst), None)),
        ("code x migrant status matrix, sources", lambda: attribute_matrix(
            fresh(analyst), dim["migrant_status"], measure="sources")[0]),
        ("code x partnership matrix, segments", lambda: attribute_matrix(fresh(analyst), dim["partnership"])[0]),
        ("segments: one code, first page", lambda: retrieve(fresh(analyst), SegmentQuery(codes=[top[0]]), page=1)),
        ("segments: code with sub-codes, page 1", lambda: retrieve(
            fresh(analyst), SegmentQuery(codes=[parent_with_children], subcodes=True), page=1)),
        ("segments: A AND B, first page", lambda: retrieve(
            fresh(analyst), SegmentQuery(codes=top[:2], mode="all"), page=1)),
        ("segments: A NOT B, first page", lambda: retrieve(
            fresh(analyst), SegmentQuery(codes=top[:1], exclude=top[1:2]), page=1)),
    ]
    engine = connection.display_name if connection.vendor == "sqlite" else "PostgreSQL"
    print()
    print(f"Analysis queries on {engine}: {total:,} codings, {visible:,} of them visible to the analyst "
          f"(the rest on sources whose participants do not allow analysis); {args.rounds} runs each; "
          f"load average {os.getloadavg()[0]:.1f} (2-core machine)")
    print("(CPU: this process's own time; on SQLCipher the database works inside it, on PostgreSQL it does not)")
    print("| query                                    | median s |  best s | median CPU s | result"
          "                         |")
    print("|------------------------------------------|----------|---------|--------------|-------"
          "-------------------------|")
    for label, fn in cases:
        # The self-join is an order of magnitude slower: measured once.
        times, cpu, result = _time(fn, 1 if "self-join" in label else args.rounds)
        print(f"| {label:<40} | {statistics.median(times):>8.3f} | {min(times):>7.3f} | "
              f"{statistics.median(cpu):>12.3f} | {_describe(result):<30} |", flush=True)


def _describe(result) -> str:
    if hasattr(result, "pairs"):
        return f"{len(result.codes)} codes, {sum(result.pairs.values()):,} pairs"
    if hasattr(result, "rows") and hasattr(result, "values"):
        return f"{len(result.rows)} codes x {len(result.values)} values"
    if hasattr(result, "paginator"):
        return f"{result.paginator.count:,} segments"
    return ""


def main() -> None:
    args = _arguments()
    _setup(args)
    if not args.reuse:
        build(args)
    measure(args)


if __name__ == "__main__":
    main()
