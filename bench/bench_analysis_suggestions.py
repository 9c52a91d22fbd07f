"""Code suggestions benchmark: precision and recall on held-out sources against the keyword baseline, and the
time to train and to suggest, on a generated multilingual corpus.

    .venv/bin/python bench/bench_analysis_suggestions.py                  # 100, 400 and 1,600 interviews
    .venv/bin/python bench/bench_analysis_suggestions.py --sizes 200      # a quick look
    .venv/bin/python bench/bench_analysis_suggestions.py --db 400         # also end to end through the database

The interviews are built from ``corpus_words.py`` (the search benchmark's word lists): Russian, Kyrgyz, Uzbek
in Latin and in Cyrillic, Tajik and English; each has one or two of six topics (wages, contracts, police,
documents, child allowance, domestic violence), a topical sentence in about two, questions and small talk in
between, and one topical sentence in twenty left uncoded (coders miss some). A code per topic.

The measures are the ones the suggestions page shows: ``ovoz.analysis.suggest.train.evaluate``, three folds by
source (no sentence of a measured interview is trained on), micro-averaged over every (sentence, code) pair at
the threshold 0.5. ``--db`` writes the corpus into a fresh database (SQLCipher in ``--data-dir``) as coded
sources and then times ``suggestions_train`` (reading the codings through the access rules, measuring,
fitting, storing the encrypted model) and ``suggestions_run`` on new interviews. Nothing is asserted; the
numbers go to docs/analysis/SUGGESTIONS.md.
"""

import argparse
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
sys.path.insert(0, str(HERE.parent / "src"))

from corpus_words import LANGUAGES, TOPICS, uz_cyrillic  # noqa: E402

BENCH_KEY = "be" * 32
SCRIPTS = ["ru", "ky", "uz", "uz-Cyrl", "tg", "en"]


def _sentence(rng, script: str, topic: str | None) -> str:
    words = LANGUAGES["uz" if script == "uz-Cyrl" else script]
    if topic is None:
        if rng.random() < 0.4:
            text = rng.choice(words["questions"])
        else:
            syl = words["syllables"]
            made = ["".join(rng.choice(syl) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 8))]
            text = " ".join([rng.choice(words["subjects"]), *made, rng.choice(words["places"])]) + "."
    else:
        parts = [rng.choice(words["subjects"]), rng.choice(words["topics"][topic])]
        if rng.random() < 0.6:
            parts.insert(0, rng.choice(words["times"]))
        if rng.random() < 0.5:
            parts.insert(-1, rng.choice(words["places"]))
        text = " ".join(parts)
        text = text[0].upper() + text[1:] + rng.choice([".", ".", "!", "…"])
    return uz_cyrillic(text) if script == "uz-Cyrl" else text


def interview(rng, sentences: int = 20) -> tuple[str, list[tuple[int, int, str]]]:
    script = rng.choice(SCRIPTS)
    focus = rng.sample(TOPICS, rng.choice([1, 2]))
    speakers = LANGUAGES["uz" if script == "uz-Cyrl" else script]["speakers"]
    parts, spans, pos = [], [], 0
    for i in range(sentences):
        topic = rng.choice(focus) if rng.random() < 0.5 else None
        prefix = f"{speakers[i % 2]}: " if rng.random() < 0.3 else ""
        body = _sentence(rng, script, topic)
        start = pos + len(prefix)
        text = prefix + body
        if topic and rng.random() > 0.05:
            spans.append((start, start + len(body), topic))
        sep = "\n" if prefix or rng.random() < 0.2 else " "
        parts.append(text + sep)
        pos += len(text) + len(sep)
    return "".join(parts).rstrip(), spans


def corpus(n: int, seed: int = 7):
    rng = random.Random(seed)
    return [interview(rng) for _ in range(n)]


def examples_of(docs, codes):
    from ovoz.analysis.suggest import sentences
    from ovoz.analysis.suggest.train import Example

    out = []
    for sid, (text, spans) in enumerate(docs):
        parts = sentences.split(text)
        labels = sentences.labels(parts, [(codes[t], a, b) for a, b, t in spans])
        out += [Example(sid, s.start, s.end, s.text, frozenset(lab)) for s, lab in zip(parts, labels, strict=True)]
    return out


def measure_core(sizes: list[int]) -> None:
    from ovoz.analysis.suggest import predict, train

    codes = {t: i + 1 for i, t in enumerate(TOPICS)}
    fresh = [s for text, _ in corpus(50, seed=99) for s in text.split("\n")]
    print(f"{'interviews':>10} {'sentences':>9} {'model P':>8} {'R':>6} {'F1':>6} {'baseline P':>11} {'R':>6} "
          f"{'F1':>6} {'measure s':>9} {'fit s':>6} {'suggest/1k s':>12} {'model MB':>8}")
    for n in sizes:
        ex = examples_of(corpus(n), codes)
        t0 = time.perf_counter()
        m = train.evaluate(ex, sorted(codes.values()), threshold=0.5)
        t1 = time.perf_counter()
        model = train.fit(ex, sorted(codes.values()))
        t2 = time.perf_counter()
        texts = (fresh * (1000 // len(fresh) + 1))[:1000]
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            model.proba(texts)
            runs.append(time.perf_counter() - t)
        size = len(predict.dump(model)) / 1e6
        mo, ba = m["model"], m["baseline"]
        print(f"{n:>10} {len(ex):>9} {mo['precision']:>8.3f} {mo['recall']:>6.3f} {mo['f1']:>6.3f} "
              f"{ba['precision']:>11.3f} {ba['recall']:>6.3f} {ba['f1']:>6.3f} {t1 - t0:>9.1f} {t2 - t1:>6.1f} "
              f"{statistics.median(runs):>12.3f} {size:>8.2f}")
        per = m["model"]["per_code"]
        base = m["baseline"]["per_code"]
        print("           per code F1 (model / baseline): " + ", ".join(
            f"{t} {per[str(c)]['f1']:.2f}/{base[str(c)]['f1']:.2f}" for t, c in codes.items()))


def measure_db(n: int, data_dir: str) -> None:
    os.environ["OVOZ_DATA_DIR"] = data_dir
    os.environ.setdefault("OVOZ_MASTER_KEY", BENCH_KEY)
    os.environ["DJANGO_SETTINGS_MODULE"] = "ovoz.settings"
    os.environ.pop("OVOZ_DB_NAME", None)
    if Path(data_dir).exists():
        shutil.rmtree(data_dir)
    Path(data_dir).mkdir(parents=True)
    import django

    django.setup()
    import datetime

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from ovoz.accounts.models import Organisation, User
    from ovoz.accounts.roles import Role
    from ovoz.analysis.models import Code, Coding
    from ovoz.analysis.services.suggestions import suggestions_run, suggestions_train
    from ovoz.evidence.models import Source
    from ovoz.evidence.services.consent import ALL_SCOPES, consent_record
    from ovoz.evidence.services.participants import participant_create
    from ovoz.programmes.models import Membership, Partnership, Programme

    lead = Organisation.objects.create(name="Secretariat (bench)", kind=Organisation.Kind.SECRETARIAT)
    programme = Programme.objects.create(title="Suggestions bench", lead_organisation=lead,
                                         starts_on=datetime.date(2023, 1, 1), ends_on=datetime.date(2024, 12, 31))
    partnership = Partnership.objects.create(programme=programme, country="KG",
                                             organisation=Organisation.objects.create(name="Partner (bench)"))
    researcher = User.objects.create_user(username="bench_researcher", password="bench-password-2024")
    Membership.objects.create(user=researcher, programme=programme, partnership=partnership, role=Role.RESEARCHER)
    woman = participant_create(actor=researcher, partnership=partnership)
    consent_record(actor=researcher, participant=woman, date=datetime.date(2023, 3, 1), method="oral",
                   language="ru", scopes=ALL_SCOPES)
    codes = {t: Code.objects.create(programme=programme, name_en=t) for t in TOPICS}
    t0 = time.perf_counter()
    docs = corpus(n)
    sources = Source.objects.bulk_create([
        Source(partnership=partnership, kind="interview", title=f"Bench {i}", transcript=text)
        for i, (text, _) in enumerate(docs)])
    Source.participants.through.objects.bulk_create(
        [Source.participants.through(source_id=s.pk, participant_id=woman.pk) for s in sources])
    Coding.objects.bulk_create([Coding(source=s, code=codes[t], start=a, end=b, coder=researcher)
                                for s, (_, spans) in zip(sources, docs, strict=True) for a, b, t in spans])
    print(f"\n{n} coded interviews, {Coding.objects.count()} codings written in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    run = suggestions_train(actor=researcher, programme=programme, partnership=partnership)
    total = time.perf_counter() - t0
    m = run.metrics
    print(f"suggestions_train: {total:.1f} s in all (measure {m['seconds_measure']} s, fit {m['seconds_fit']} s, "
          f"{m['examples']} sentences); held out: P {m['model']['precision']:.3f} R {m['model']['recall']:.3f} "
          f"F1 {m['model']['f1']:.3f}; baseline F1 {m['baseline']['f1']:.3f}")
    fresh = Source.objects.bulk_create([
        Source(partnership=partnership, kind="interview", title=f"New {i}", transcript=text)
        for i, (text, _) in enumerate(corpus(20, seed=123))])
    Source.participants.through.objects.bulk_create(
        [Source.participants.through(source_id=s.pk, participant_id=woman.pk) for s in fresh])
    times, made = [], 0
    for source in fresh:
        t = time.perf_counter()
        made += len(suggestions_run(actor=researcher, source=Source.objects.get(pk=source.pk)))
        times.append(time.perf_counter() - t)
    print(f"suggestions_run on a new 20-sentence interview: median {statistics.median(times) * 1000:.0f} ms, "
          f"first (loads the model) {times[0] * 1000:.0f} ms; {made / len(fresh):.1f} suggestions each")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1600], help="Interviews per run")
    parser.add_argument("--db", type=int, metavar="N", help="Also end to end through the database with N interviews")
    parser.add_argument("--data-dir", default="/tmp/ovoz-bench-suggestions")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    measure_core(args.sizes)
    if args.db:
        measure_db(args.db, args.data_dir)


if __name__ == "__main__":
    main()
