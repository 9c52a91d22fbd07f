"""Interval arithmetic on half-open stretches ``(start, end)`` of a transcript, in code points.

Character-level agreement is counted from the lengths of overlaps, never character by character, so a 1 MB
transcript costs no more than its number of codings.
"""

import re
from collections.abc import Iterable

Interval = tuple[int, int]
_NOT_SPACE = re.compile(r"\S")


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, disjoint union; overlapping and touching stretches become one (a code applied twice to the
    same words is applied once)."""
    out: list[list[int]] = []
    for start, end in sorted(intervals):
        if end <= start:
            continue
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def length(intervals: Iterable[Interval]) -> int:
    return sum(e - s for s, e in intervals)


def intersect(a: list[Interval], b: list[Interval]) -> list[Interval]:
    """Overlaps of two merged lists (a two-pointer walk)."""
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            out.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def subtract(a: list[Interval], b: list[Interval]) -> list[Interval]:
    """Stretches of merged ``a`` not covered by merged ``b``."""
    out, j = [], 0
    for start, end in a:
        cursor = start
        while j < len(b) and b[j][1] <= cursor:
            j += 1
        k = j
        while k < len(b) and b[k][0] < end:
            if b[k][0] > cursor:
                out.append((cursor, b[k][0]))
            cursor = max(cursor, b[k][1])
            k += 1
        if cursor < end:
            out.append((cursor, end))
    return out


def segments(text: str, a: list[Interval], b: list[Interval]) -> list[tuple[int, int, bool, bool]]:
    """The segment-level units for one code: the transcript cut at every edge of either coder's (merged)
    stretches, each piece with whether coder A and coder B applied the code to it. Pieces holding only
    whitespace are left out: an edge placed before or after a space must not make a unit of its own.

    Returns ``(start, end, in_a, in_b)`` tuples in text order."""
    n = len(text)
    edges = sorted({0, n, *(x for iv in a for x in iv), *(x for iv in b for x in iv)})
    out = []
    i = j = 0
    for start, end in zip(edges, edges[1:], strict=False):
        if start >= end:
            continue
        while i < len(a) and a[i][1] <= start:
            i += 1
        while j < len(b) and b[j][1] <= start:
            j += 1
        in_a = i < len(a) and a[i][0] <= start
        in_b = j < len(b) and b[j][0] <= start
        found = _NOT_SPACE.search(text, start, end)
        if found is None:
            continue
        out.append((start, end, in_a, in_b))
    return out
