"""Inter-coder agreement benchmark: two coders' codings of a 1 MB transcript compared.

    .venv/bin/python bench/bench_analysis_agreement.py                    # 1 MB, 2 × 2,500 codings, 30 codes
    .venv/bin/python bench/bench_analysis_agreement.py --codings 10000    # per coder

The statistics are pure functions (``ovoz.analysis.agreement``), so no database is needed: the round's page adds
one query for the codings and one for the code names. The transcript is built from the benchmark word lists
(``bench/corpus_words.py``); coder A's codings are 30 to 400 characters long at random places, coder B's
are A's with shifted edges, some dropped and some added, so that there are agreements and disagreements of
every kind. Each function is timed ``--rounds`` times; the table gives the median and the best. For scale, the
character-level table of one code is also counted character by character, the way this must not be done.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--codings", type=int, default=2_500, help="per coder")
    parser.add_argument("--codes", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2024)
    return parser.parse_args()


def _words() -> list[str]:
    """Every phrase of the benchmark corpus, in every language."""
    from corpus_words import LANGUAGES  # noqa: PLC0415

    out = []

    def walk(value):
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)

    walk(LANGUAGES)
    return out


def _transcript(rng, size: int) -> str:
    words = _words()
    out, n = [], 0
    while n < size:
        w = rng.choice(words) + rng.choice([". ", ", ", " "])
        out.append(w)
        n += len(w)
    return "".join(out)[:size]


def _codings(rng, n_chars: int, n: int, n_codes: int):
    a = []
    for _ in range(n):
        start = rng.randrange(0, n_chars - 400)
        a.append((rng.randrange(n_codes), start, start + rng.randint(30, 400)))
    b = []
    for code, s, e in a:
        roll = rng.random()
        if roll < 0.15:
            continue  # B did not code it
        if roll < 0.25:
            code = (code + 1) % n_codes  # B chose another code
        s2 = max(0, s + rng.randint(-20, 20))
        b.append((code, s2, max(s2 + 1, e + rng.randint(-20, 20))))
    while len(b) < n:
        start = rng.randrange(0, n_chars - 400)
        b.append((rng.randrange(n_codes), start, start + rng.randint(30, 400)))
    return a, b


def _time(fn, rounds):
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), result


def main():
    args = _arguments()
    from ovoz.analysis.agreement import compare

    rng = random.Random(args.seed)
    text = _transcript(rng, args.chars)
    a, b = _codings(rng, len(text), args.codings, args.codes)

    def naive_one_code():
        code = a[0][0]
        in_a = [False] * len(text)
        in_b = [False] * len(text)
        for c, s, e in a:
            if c == code:
                in_a[s:e] = [True] * (e - s)
        for c, s, e in b:
            if c == code:
                in_b[s:e] = [True] * (e - s)
        return sum(x and y for x, y in zip(in_a, in_b, strict=True))

    rows = [
        ("agreement per code + pooled (both unit levels)", lambda: compare.agreement(text, a, b)),
        ("disagreements (with text and the other's codes)", lambda: compare.disagreements(text, a, b)),
        ("reconciled stretches (keep every disagreement)", lambda: compare.reconciled(
            a, b, {d.key for d in compare.disagreements(text, a, b)})),
        ("naive: one code, character by character", naive_one_code),
    ]
    print(f"transcript {len(text):,} characters; coder A {len(a):,} codings, coder B {len(b):,}; "
          f"{args.codes} codes; {args.rounds} rounds")
    print(f"{'operation':52} {'median ms':>10} {'best ms':>10}  result")
    for name, fn in rows:
        med, best, result = _time(fn, args.rounds)
        if isinstance(result, tuple):
            per_code, pooled = result
            k = pooled.characters.kappa
            summary = f"{len(per_code)} codes, pooled char kappa {float(k):.3f}" if k is not None else ""
        elif isinstance(result, list):
            summary = f"{len(result):,} disagreements"
        elif isinstance(result, dict):
            summary = f"{sum(len(v) for v in result.values()):,} codings"
        else:
            summary = f"{result:,} characters both"
        print(f"{name:52} {med * 1000:10.1f} {best * 1000:10.1f}  {summary}")


if __name__ == "__main__":
    main()
