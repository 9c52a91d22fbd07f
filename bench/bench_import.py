"""Import benchmark: a KoBoToolbox JSON export of 10,000 submissions (repeat groups, select_multiple answers,
answers in five languages) imported into a fresh database, as a researcher would from the web or ``ovoz import``.

    .venv/bin/python bench/bench_import.py                       # 10,000 submissions, SQLCipher
    .venv/bin/python bench/bench_import.py --submissions 1000    # a quicker look
    OVOZ_DB_ENGINE=postgres OVOZ_DB_USER=postgres .venv/bin/python bench/bench_import.py

It times, through the same services as the pages: reading and checking the file (the dry run), the real run
(which checks again, then writes participants, consents, sources, incidents, acts, labour claims, their audit
rows and the search index in one transaction), and importing the same file again (everything skipped).
Target on the reference 2-core machine: the real run under 30 s. Nothing is asserted: the numbers go to
docs/PERFORMANCE.md.
"""

import argparse
import datetime
import io
import json
import os
import platform
import random
import shutil
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH_KEY = "bf" * 32

STATUSES = ["internal", "returned", "abroad", "potential", "family"]
REGIONS = ["chuy", "osh", "naryn", "batken", "sughd", "khatlon", "fergana", "andijan"]
SCOPES = ["analysis", "quotes", "statistics", "coordinators", "un_authorities"]
ACTS = ["unpaid", "nocontract", "hours", "docs", "dismissal", "police", "violence"]
STORIES = {
    "ru": ["Я работала на швейной фабрике без договора.", "Хозяин не заплатил за три месяца.",
           "В общежитии было холодно и тесно.", "Паспорт забрал посредник и не вернул."],
    "ky": ["Мен тигүү цехинде келишимсиз иштедим.", "Кожоюн үч айдын акысын бербей койду.",
           "Жатаканада суук жана тар болчу."],
    "uz": ["Men tikuv sexida shartnomasiz ishladim.", "Ish haqi uch oy toʻlanmadi.",
           "Пасспортимни воситачи олиб қўйди."],
    "tg": ["Ман дар коргоҳи дӯзандагӣ бе шартнома кор кардам.", "Музди меҳнатро се моҳ надоданд."],
    "en": ["I worked in a garment workshop without a contract.", "The employer did not pay for three months."],
}


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=10_000)
    parser.add_argument("--data-dir", default="/tmp/ovoz-bench-import")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--profile", type=int, metavar="N", default=0,
                        help="profile the real run and print its N most costly functions (cumulative time)")
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
    os.environ["DJANGO_SETTINGS_MODULE"] = "ovoz.settings"
    if Path(args.data_dir).exists():
        shutil.rmtree(args.data_dir)
    Path(args.data_dir).mkdir(parents=True, exist_ok=True)
    if _postgres():
        os.environ.setdefault("OVOZ_DB_NAME", "ovoz_bench_import")
        _fresh_postgres(os.environ["OVOZ_DB_NAME"])
    else:
        os.environ.pop("OVOZ_DB_NAME", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


# --- material -----------------------------------------------------------------------------------------------------


def xlsform() -> bytes:
    import openpyxl

    survey = [
        ["type", "name", "label::English (en)", "label::Russian (ru)"],
        ["begin_group", "respondent", "Respondent", "Респондентка"],
        ["select_one status", "migrant_status", "Migrant status", "Статус"],
        ["integer", "age", "Age", "Возраст"],
        ["select_one region", "region", "Region of origin", "Регион"],
        ["text", "destination", "Where did you work?", "Где вы работали?"],
        ["end_group", "", "", ""],
        ["select_one lang", "language", "Language of the interview", "Язык интервью"],
        ["select_multiple scopes", "consent", "Consent given for", "Согласие на"],
        ["text", "story", "Tell us about your work", "Расскажите о работе"],
        ["text", "needs", "What do you need?", "Что вам нужно?"],
        ["begin_repeat", "incidents", "Incidents", "Случаи"],
        ["select_multiple acts", "act_types", "What happened", "Что случилось"],
        ["date", "incident_date", "When", "Когда"],
        ["text", "narrative", "Describe it", "Опишите"],
        ["decimal", "wages", "Wages owed", "Долг по зарплате"],
        ["select_one currency", "currency", "Currency", "Валюта"],
        ["end_repeat", "", "", ""],
    ]
    choices = [["list_name", "name", "label::English (en)", "label::Russian (ru)"]]
    choices += [["status", s, s, s] for s in STATUSES] + [["region", r, r, r] for r in REGIONS]
    choices += [["lang", code, code, code] for code in STORIES] + [["scopes", s, s, s] for s in SCOPES]
    choices += [["acts", a, a, a] for a in ACTS] + [["currency", c, c, c] for c in ("KGS", "RUB", "KZT")]
    book = openpyxl.Workbook()
    for title, rows in (("survey", survey), ("choices", choices),
                        ("settings", [["form_title", "form_id", "version"], ["Bench survey", "bench_survey", "1"]])):
        sheet = book.active if title == "survey" else book.create_sheet(title)
        sheet.title = title
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


MAPPING = {
    "participant": {
        "migrant_status": {"field": "respondent/migrant_status", "values": {
            "abroad": "cross-border", "family": "family-left-behind"}},
        "age_band": "respondent/age",
        "region_of_origin": {"field": "respondent/region", "values": {
            "chuy": "kg-chuy", "osh": "kg-osh-region", "naryn": "kg-naryn", "batken": "kg-batken",
            "sughd": "tj-sughd", "khatlon": "tj-khatlon", "fergana": "uz-fergana", "andijan": "uz-andijan"}},
        "destination": "respondent/destination",
        "consent_scopes": "consent",
    },
    "source": {"language": "language", "transcript": ["story", "needs"]},
    "incidents": {
        "repeat": "incidents",
        "act_types": {"field": "incidents/act_types", "values": {
            "unpaid": "unpaid-wages", "nocontract": "no-contract", "hours": "excessive-hours",
            "docs": "confiscated-documents", "dismissal": "unfair-dismissal", "police": "police-extortion",
            "violence": "psychological-abuse"}},
        "date": "incidents/incident_date",
        "narrative": ["incidents/narrative"],
        "wages_owed": "incidents/wages",
        "currency": "incidents/currency",
        "perpetrator_type": {"value": "employer"},
    },
}


def submissions(n: int, rng: random.Random) -> list[dict]:
    out = []
    start = datetime.datetime(2023, 9, 1, 9, 0)
    for i in range(n):
        language = rng.choice(list(STORIES))
        uuid = f"{rng.getrandbits(32):08x}-{i:04x}-4{rng.getrandbits(12):03x}-a{rng.getrandbits(12):03x}-" \
               f"{rng.getrandbits(48):012x}"
        when = start + datetime.timedelta(minutes=37 * i)
        sub = {
            "_id": 100000 + i, "_uuid": uuid, "meta/instanceID": f"uuid:{uuid}", "formhub/uuid": "bench",
            "_submission_time": when.isoformat(), "start": when.isoformat(), "end": when.isoformat(),
            "respondent/migrant_status": rng.choice(STATUSES), "respondent/age": rng.randint(17, 64),
            "respondent/region": rng.choice(REGIONS),
            "respondent/destination": rng.choice(["Bishkek", "Moscow", "Almaty", "Tashkent", "Istanbul"]),
            "language": language,
            "consent": " ".join(sorted(rng.sample(SCOPES, rng.randint(1, len(SCOPES))))),
            "story": " ".join(rng.choices(STORIES[language], k=rng.randint(2, 6))),
            "needs": " ".join(rng.choices(STORIES[language], k=rng.randint(1, 3))),
            "_status": "submitted_via_web", "_attachments": [], "_tags": [], "_notes": [],
        }
        items = []
        for _n in range(rng.choice([0, 1, 1, 1, 2, 2, 3])):
            day = datetime.date(2022, 1, 1) + datetime.timedelta(days=rng.randint(0, 600))
            item = {"incidents/act_types": " ".join(rng.sample(ACTS, rng.randint(1, 3))),
                    "incidents/incident_date": day.isoformat(),
                    "incidents/narrative": " ".join(rng.choices(STORIES[language], k=rng.randint(1, 3)))}
            if rng.random() < 0.6:
                item["incidents/wages"] = str(rng.randint(3, 90) * 1000)
                item["incidents/currency"] = rng.choice(["KGS", "RUB", "KZT"])
            items.append(item)
        if items:
            sub["incidents"] = items
        out.append(sub)
    return out


# --- measuring ----------------------------------------------------------------------------------------------------


def main() -> None:
    args = _arguments()
    _setup(args)
    from django.db import connection

    from ovoz.accounts.models import Organisation, User
    from ovoz.accounts.roles import Role
    from ovoz.evidence.models import Act, Incident, Participant, Source
    from ovoz.imports import services
    from ovoz.programmes.models import Membership, Partnership, Programme

    rng = random.Random(args.seed)
    secretariat = Organisation.objects.create(name="Bench secretariat", kind=Organisation.Kind.SECRETARIAT)
    org = Organisation.objects.create(name="Bench partner", short_name="BP", country="KG")
    programme = Programme.objects.create(title="Bench programme", lead_organisation=secretariat,
                                         starts_on=datetime.date(2022, 1, 1), ends_on=datetime.date(2025, 1, 1))
    partnership = Partnership.objects.create(programme=programme, organisation=org, country="KG")
    researcher = User.objects.create(username="bench-researcher")
    Membership.objects.create(user=researcher, programme=programme, partnership=partnership, role=Role.RESEARCHER)

    version, _created = services.instrument_upload(actor=researcher, partnership=partnership, content=xlsform(),
                                                   name="bench.xlsx")
    mapping = services.mapping_create(actor=researcher, partnership=partnership, instrument=version.instrument,
                                      name="Bench", spec=MAPPING)
    steps: dict[str, float] = {}
    real_write = services.write_plan

    def write_and_time(**kwargs):  # the writer's own breakdown of the real run
        counts = real_write(**kwargs)
        steps.update(kwargs["plan"].timings)
        return counts

    services.write_plan = write_and_time
    t0 = time.perf_counter()
    content = json.dumps(submissions(args.submissions, rng), ensure_ascii=False).encode("utf-8")
    generated = time.perf_counter() - t0
    rows = []
    load = os.getloadavg()

    def timed(label, fn):
        started, cpu = time.perf_counter(), time.process_time()
        result = fn()
        rows.append((label, time.perf_counter() - started, time.process_time() - cpu))
        return result

    job = timed("upload (store the encrypted file)", lambda: services.import_job_create(
        actor=researcher, partnership=partnership, kind="submissions", content=content, name="bench.json",
        mapping=mapping, version=version))
    timed("dry run (read, check, count)", lambda: services.import_job_check(job=job))
    assert job.error_count == 0 and not job.error, job.problems[:5] or job.error
    job = services.import_job_start(actor=researcher, job=job)
    run = lambda: services.import_job_run(actor=researcher, job=job)  # noqa: E731
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        timed("import (check again, write, audit, index)", lambda: profiler.runcall(run))
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    else:
        timed("import (check again, write, audit, index)", run)
    job.refresh_from_db()
    assert job.status == "done", job.error
    counts = dict(job.counts)
    again = services.import_job_create(actor=researcher, partnership=partnership, kind="submissions",
                                       content=content, name="bench.json", mapping=mapping, version=version)
    timed("re-import of the same file (dry run)", lambda: services.import_job_check(job=again))
    skipped = again.counts["skipped"]

    engine = "PostgreSQL" if _postgres() else "SQLCipher"
    print(f"\nImport benchmark — {args.submissions:,} KoBo submissions "
          f"({len(content) / 1e6:.1f} MB JSON, generated in {generated:.1f} s), {engine}, "
          f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs")
    print(f"load average before: {load[0]:.2f} (1 min), {load[1]:.2f} (5 min); CPU s = this process's CPU time")
    print(f"{'step':<46} {'wall s':>8} {'CPU s':>8}")
    print("-" * 64)
    for label, seconds, cpu in rows:
        print(f"{label:<46} {seconds:>8.2f} {cpu:>8.2f}")
        if label.startswith("import ("):
            for step, step_seconds in steps.items():
                print(f"{'    writing ' + step:<46} {step_seconds:>8.2f}")
    print("-" * 64)
    order = ["participants", "consents", "sources", "incidents", "acts", "labour_claims"]
    print("created: " + ", ".join(f"{k.replace('_', ' ')} {counts.get(k, 0):,}" for k in order))
    print(f"in the database: {Participant.objects.count():,} participants, {Source.objects.count():,} sources, "
          f"{Incident.objects.count():,} incidents, {Act.objects.count():,} acts; re-import skipped {skipped:,}")
    connection.close()


if __name__ == "__main__":
    main()
