"""Two coders' codings of one transcript compared: agreement per code and pooled, at two kinds of unit, and
the stretches where they disagree.

Units (stated on the page and in docs/analysis/AGREEMENT.md):

* character level: every character (code point) of the transcript, spaces included, is a unit; for each code a
  coder's judgement on a character is "applied" or "not applied";
* segment level: for each code, the transcript is cut at every start and end of either coder's stretches of
  that code (overlapping or touching stretches of one coder merged first); each piece that holds more than
  whitespace is one unit, whatever its length, and is "applied" by a coder if it lies inside her stretches.

The pooled figure adds the per-code tables of every code either coder used: its units are (unit, code) pairs.
"""

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from ovoz.analysis.agreement import units
from ovoz.analysis.agreement.alpha import krippendorff_alpha_nominal
from ovoz.analysis.agreement.kappa import cohen_kappa, expected, observed

Coding = tuple[int, int, int]  # (code id, start, end)


@dataclass(frozen=True)
class Stats:
    """A 2×2 table (rows: A applied / not; columns: B applied / not) and the figures drawn from it."""

    both: int = 0
    only_a: int = 0
    only_b: int = 0
    neither: int = 0

    @property
    def table(self) -> list[list[int]]:
        return [[self.both, self.only_a], [self.only_b, self.neither]]

    @property
    def units(self) -> int:
        return self.both + self.only_a + self.only_b + self.neither

    @property
    def percent(self) -> Fraction | None:
        p = observed(self.table)
        return None if p is None else p * 100

    @property
    def expected(self) -> Fraction | None:
        return expected(self.table)

    @property
    def kappa(self) -> Fraction | None:
        return cohen_kappa(self.table)

    @property
    def alpha(self) -> Fraction | None:
        return krippendorff_alpha_nominal(self.table)

    def __add__(self, other: "Stats") -> "Stats":
        return Stats(self.both + other.both, self.only_a + other.only_a, self.only_b + other.only_b,
                     self.neither + other.neither)


@dataclass(frozen=True)
class CodeAgreement:
    code_id: int | None  # None for the pooled row
    characters: Stats
    segments: Stats


@dataclass(frozen=True)
class Disagreement:
    """A stretch to which one coder applied ``code_id`` and the other did not."""

    code_id: int
    start: int
    end: int
    coder: str  # "a" or "b": who applied the code
    text: str
    other_codes: list[int] = field(default_factory=list)  # the other coder's codes touching the stretch

    @property
    def key(self) -> str:
        return f"{self.code_id}-{self.start}-{self.end}"


def _by_code(codings) -> dict[int, list[units.Interval]]:
    grouped = defaultdict(list)
    for code_id, start, end in codings:
        grouped[code_id].append((start, end))
    return {code: units.merge(ivs) for code, ivs in grouped.items()}


def agreement(text: str, codings_a, codings_b) -> tuple[list[CodeAgreement], CodeAgreement]:
    """Per code (in code id order) and pooled."""
    n = len(text)
    a, b = _by_code(codings_a), _by_code(codings_b)
    rows = []
    for code in sorted(set(a) | set(b)):
        ia, ib = a.get(code, []), b.get(code, [])
        both = units.length(units.intersect(ia, ib))
        la, lb = units.length(ia), units.length(ib)
        chars = Stats(both, la - both, lb - both, n - la - lb + both)
        counts = [0, 0, 0, 0]
        for _s, _e, in_a, in_b in units.segments(text, ia, ib):
            counts[(0 if in_a else 2) + (0 if in_b else 1)] += 1
        rows.append(CodeAgreement(code, chars, Stats(*counts)))
    pooled = CodeAgreement(None, sum((r.characters for r in rows), Stats()), sum((r.segments for r in rows), Stats()))
    return rows, pooled


class _Index:
    """One coder's codings cut into pieces at every edge, each piece with the codes over it, so that the codes
    touching any stretch are found by bisection (not by scanning every coding for every disagreement)."""

    def __init__(self, by_code: dict[int, list[units.Interval]]):
        events = sorted((x, code, +1 if k == 0 else -1) for code, ivs in by_code.items() for iv in ivs
                        for k, x in enumerate(iv))
        self.starts, self.ends, self.codes = [], [], []
        active: dict[int, int] = {}
        for i, (at, code, step) in enumerate(events):
            active[code] = active.get(code, 0) + step
            if not active[code]:
                del active[code]
            following = events[i + 1][0] if i + 1 < len(events) else at
            if active and following > at:
                self.starts.append(at)
                self.ends.append(following)
                self.codes.append(tuple(active))

    def codes_over(self, start: int, end: int) -> list[int]:
        found = set()
        i = bisect_right(self.ends, start)  # the first piece ending after ``start``
        while i < len(self.starts) and self.starts[i] < end:
            found.update(self.codes[i])
            i += 1
        return sorted(found)


def disagreements(text: str, codings_a, codings_b) -> list[Disagreement]:
    """Every stretch where exactly one coder applied a code, in text order."""
    a, b = _by_code(codings_a), _by_code(codings_b)
    index_a, index_b = _Index(a), _Index(b)
    out = []
    for code in set(a) | set(b):
        ia, ib = a.get(code, []), b.get(code, [])
        for s, e in units.subtract(ia, ib):
            out.append(Disagreement(code, s, e, "a", text[s:e], index_b.codes_over(s, e)))
        for s, e in units.subtract(ib, ia):
            out.append(Disagreement(code, s, e, "b", text[s:e], index_a.codes_over(s, e)))
    out.sort(key=lambda d: (d.start, d.end, d.code_id))
    return out


def reconciled(codings_a, codings_b, keep: set[str]) -> dict[int, list[units.Interval]]:
    """The agreed codings: per code, the stretches both coders applied plus the disagreements kept (by key),
    joined where they meet."""
    a, b = _by_code(codings_a), _by_code(codings_b)
    out = {}
    for code in set(a) | set(b):
        ia, ib = a.get(code, []), b.get(code, [])
        stretches = units.intersect(ia, ib)
        for s, e in units.subtract(ia, ib) + units.subtract(ib, ia):
            if f"{code}-{s}-{e}" in keep:
                stretches.append((s, e))
        merged = units.merge(stretches)
        if merged:
            out[code] = merged
    return out
