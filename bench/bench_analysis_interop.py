"""REFI-QDA interop benchmark: a .qdpx export of 100,000 codings, its validation, and importing it back.

    .venv/bin/python bench/bench_analysis_interop.py                    # 100,000 codings on 200 transcripts
    .venv/bin/python bench/bench_analysis_interop.py --codings 10000    # a quicker look
    OVOZ_DB_ENGINE=postgres OVOZ_DB_USER=postgres .venv/bin/python bench/bench_analysis_interop.py

A fictional partnership gets ``--sources`` transcripts of about 20 KB (Cyrillic, Uzbek Latin with apostrophes,
emoji), each with a consenting participant, the seeded codebook and ``--codings`` codings spread over them.
Timed, through the same service the export button, the API and ``ovoz qda export`` call: the export (access
and consent filtering, streamed XML, zip with the transcripts), then checking project.qde against the
REFI-QDA schema, then the import of that file into a fresh partnership (dry run, real run) and the same import
again (nothing created). Target on the reference 2-core machine: the export under 10 s. Nothing is asserted:
the numbers go to docs/analysis/INTEROP.md.
"""

import argparse
import datetime
import io
import os
import platform
import random
import shutil
import time
import zipfile
from pathlib import Path

BENCH_KEY = "bd" * 32
SENTENCES = [
    "Работодатель забрал паспорт и не вернул. ", "Зарплату не платили три месяца 😔. ",
    "Oʻgʻil bolalar maktabga bormadi, ish haqi g'alla bilan to'landi. ", "Мен тигүү цехинде келишимсиз иштедим. ",
    "Музди меҳнатро се моҳ надоданд 🙏. ", "We lived twelve to a room in the dormitory. ",
]


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codings", type=int, default=100_000)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--data-dir", default="/tmp/ovoz-bench-analysis-interop")
    parser.add_argument("--seed", type=int, default=2024)
    return parser.parse_args()


def _postgres() -> bool:
    return os.environ.get("OVOZ_DB_ENGINE", "sqlcipher").lower() in {"postgres", "postgresql"}


def _setup(args) -> None:
    os.environ["OVOZ_DATA_DIR"] = args.data_dir
    os.environ.setdefault("OVOZ_MASTER_KEY", BENCH_KEY)
    os.environ["DJANGO_SETTINGS_MODULE"] = "ovoz.settings"
    if Path(args.data_dir).exists():
        shutil.rmtree(args.data_dir)
    Path(args.data_dir).mkdir(parents=True, exist_ok=True)
    if _postgres():
        import psycopg

        os.environ.setdefault("OVOZ_DB_NAME", "ovoz_bench_interop")
        params = {"dbname": "postgres", "user": os.environ.get("OVOZ_DB_USER") or None,
                  "host": os.environ.get("OVOZ_DB_HOST", "127.0.0.1"),
                  "port": os.environ.get("OVOZ_DB_PORT", "5432"), "password": os.environ.get("OVOZ_DB_PASSWORD")}
        with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{os.environ["OVOZ_DB_NAME"]}"')
            conn.execute(f'CREATE DATABASE "{os.environ["OVOZ_DB_NAME"]}"')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _build(args):
    from ovoz.accounts.models import Organisation, User
    from ovoz.accounts.roles import Role
    from ovoz.analysis.models import Code, Coding
    from ovoz.analysis.services.codes import codebook_seed
    from ovoz.evidence.models import Source
    from ovoz.evidence.services.consent import ALL_SCOPES, consent_record
    from ovoz.evidence.services.participants import participant_create
    from ovoz.programmes.models import Membership, Partnership, Programme

    rng = random.Random(args.seed)
    lead = Organisation.objects.create(name="Bench secretariat (fictional)", kind=Organisation.Kind.SECRETARIAT)
    programme = Programme.objects.create(title="Bench programme (fictional)", lead_organisation=lead,
                                         starts_on=datetime.date(2024, 1, 1), ends_on=datetime.date(2025, 1, 1))
    partnerships = []
    for name in ("Bench partner A (fictional)", "Bench partner B (fictional)"):
        org = Organisation.objects.create(name=name, country="KG")
        partnerships.append(Partnership.objects.create(programme=programme, organisation=org, country="KG"))
    analyst = User.objects.create(username="bench_researcher")
    for p in partnerships:
        Membership.objects.create(user=analyst, programme=programme, partnership=p, role=Role.RESEARCHER)
    codebook_seed(actor=analyst, programme=programme)
    codes = list(Code.objects.filter(programme=programme))
    a = partnerships[0]
    sources = []
    for i in range(args.sources):
        participant = participant_create(actor=analyst, partnership=a, is_fictional=True)
        consent_record(actor=analyst, participant=participant, date=datetime.date(2024, 3, 1), method="oral",
                       language="ru", scopes=ALL_SCOPES)
        text = "".join(rng.choice(SENTENCES) for _ in range(400))
        source = Source.objects.create(partnership=a, kind="interview", title=f"Bench interview {i}",
                                       transcript=text, is_fictional=True)
        source.participants.add(participant)
        sources.append(source)
    per_source = args.codings // len(sources)
    rows = []
    for source in sources:
        length = len(source.transcript)
        for _ in range(per_source):
            start = rng.randrange(0, length - 401)
            rows.append(Coding(source=source, code=rng.choice(codes), start=start,
                               end=start + rng.randint(30, 400), coder=analyst))
    Coding.objects.bulk_create(rows, batch_size=5000)
    return programme, partnerships, analyst, len(rows)


def _timed(fn):
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def main():
    args = _arguments()
    _setup(args)
    from ovoz.analysis.interop.validate import schema_errors
    from ovoz.analysis.services.interop import project_export, qda_import

    started = time.perf_counter()
    programme, (a, b), analyst, n = _build(args)
    build = time.perf_counter() - started

    seconds, (content, counts) = _timed(lambda: project_export(actor=analyst, programme=programme, partnership=a))
    qde = zipfile.ZipFile(io.BytesIO(content)).read("project.qde")
    check, errors = _timed(lambda: schema_errors(qde))
    dry, report = _timed(lambda: qda_import(actor=analyst, programme=programme, partnership=b, content=content))
    real, report = _timed(lambda: qda_import(actor=analyst, programme=programme, partnership=b, content=content,
                                             dry_run=False))
    again, second = _timed(lambda: qda_import(actor=analyst, programme=programme, partnership=b, content=content,
                                              dry_run=False))
    engine = "PostgreSQL" if _postgres() else "SQLCipher"
    print(f"REFI-QDA interop, {engine}, Python {platform.python_version()}, {os.cpu_count()} cores; "
          f"corpus built in {build:.0f} s")
    print(f"{'step':<48} {'seconds':>8}  notes")
    print(f"{'export .qdpx (' + format(counts['codings'], ',') + ' codings)':<48} {seconds:8.2f}  "
          f"{len(content) / 1e6:.1f} MB zip, project.qde {len(qde) / 1e6:.1f} MB, {counts['sources']} sources")
    print(f"{'validate project.qde against Project.xsd':<48} {check:8.2f}  "
          f"{'valid' if not errors else f'{len(errors)} errors'}")
    print(f"{'import into a fresh partnership: dry run':<48} {dry:8.2f}  {report.codings_created:,} codings")
    print(f"{'import into a fresh partnership: real run':<48} {real:8.2f}  "
          f"{report.codings_created:,} codings, {len(report.sources_created)} sources, {len(report.problems)} problems")
    print(f"{'the same import again (nothing new)':<48} {again:8.2f}  "
          f"{second.codings_created} created, {second.codings_existing:,} recognised")
    print(f"target: export of {n:,} codings under 10 s — {'met' if seconds < 10 else 'NOT met'}")


if __name__ == "__main__":
    main()
