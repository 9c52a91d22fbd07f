"""The code co-occurrence matrix.

Definition: two codings co-occur when they are on the same source and their stretches overlap (share at least
one character: ``a.start < b.end`` and ``b.start < a.end``); codings of the same code never pair. The count
for a pair of codes is the number of such pairs of codings, so a long passage coded X that overlaps three
separate passages coded Y counts 3. Each pair of codings is counted once: the one that starts first (or, on
equal starts, has the smaller id) is ``a``, and ``b`` starts inside it. The diagonal holds each code's number
of codings.

Two ways give the same counts, both with the access and consent filter inside the query (``source_id IN`` the
sources the person may analyse): one SQL self-join over the index on (source_id, start), grouped by pair of
codes; and a sweep over the codings sorted by source and start, read in one query through the covering index
``coding_overlap_idx`` and counted with numpy. The benchmark measured both (docs/analysis/QUERIES.md): over a
million codings the join takes over 15 s of CPU on SQLCipher, the sweep about one, so the sweep is the default.
"""

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count

from ovoz.analysis.access import analysable_sources_visible_to, codings_visible_to
from ovoz.analysis.models import Code, Coding
from ovoz.analysis.queries.compact import integer_columns
from ovoz.analysis.queries.dimensions import Dimension, restrict_sources


@dataclass
class CooccurrenceMatrix:
    codes: list[Code]
    pairs: dict[tuple[int, int], int]  # (smaller code id, larger code id) -> overlapping coding pairs
    totals: dict[int, int] = field(default_factory=dict)  # code id -> codings

    def count(self, a: int, b: int) -> int:
        if a == b:
            return self.totals.get(a, 0)
        return self.pairs.get((a, b) if a < b else (b, a), 0)

    @property
    def largest(self) -> int:
        return max(self.pairs.values(), default=0)

    def rows(self):
        """(code, [(other code, count), ...]) for a table."""
        for code in self.codes:
            yield code, [(other, self.count(code.pk, other.pk)) for other in self.codes]

    def top_pairs(self, n: int = 20) -> list[tuple[Code, Code, int]]:
        by_id = {c.pk: c for c in self.codes}
        best = sorted(self.pairs.items(), key=lambda item: (-item[1], item[0]))[:n]
        return [(by_id[a], by_id[b], count) for (a, b), count in best if a in by_id and b in by_id]


def _visible_sources(user, filters):
    return restrict_sources(analysable_sources_visible_to(user), filters or {}).order_by().values("pk")


def _codings(user, filters):
    """The codings counted: visible, outside double-coding rounds, on sources matching the filters."""
    qs = codings_visible_to(user)
    if filters:
        qs = qs.filter(source_id__in=_visible_sources(user, filters))
    return qs


def pair_counts_sql(user, filters: dict[Dimension, str] | None = None, code_ids=None) -> dict[tuple[int, int], int]:
    """Overlapping coding pairs per pair of codes, counted in the database."""
    try:
        sources_sql, params = _visible_sources(user, filters).query.sql_with_params()
    except EmptyResultSet:  # nothing the person may analyse
        return {}
    q = connection.ops.quote_name
    table, end = q(Coding._meta.db_table), q("end")
    only_codes = ""
    code_params: list[int] = []
    if code_ids is not None:
        marks = ", ".join(["%s"] * len(code_ids)) or "NULL"
        only_codes = f" AND a.code_id IN ({marks}) AND b.code_id IN ({marks})"
        code_params = [*code_ids, *code_ids]
    sql = (
        f"SELECT a.code_id, b.code_id, COUNT(*) FROM {table} a "
        f"JOIN {table} b ON b.source_id = a.source_id AND b.start >= a.start AND b.start < a.{end} "
        f"AND (b.start > a.start OR b.id > a.id) "
        f"WHERE a.source_id IN ({sources_sql}) AND a.double_coding_id IS NULL AND b.double_coding_id IS NULL "
        f"AND a.code_id <> b.code_id{only_codes} "
        f"GROUP BY a.code_id, b.code_id"
    )
    pairs: Counter = Counter()
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *code_params])
        for a, b, n in cursor.fetchall():
            pairs[(a, b) if a < b else (b, a)] += n
    return dict(pairs)


# Source and offset in one integer, so that one sorted array orders every coding by (source, start): offsets are
# below 2**32, so a stretch's end never reaches the next source's keys.
SHIFT = 1 << 32


def _compact(user, filters, code_ids) -> np.ndarray:
    """(source key + start, source key + end, code) of every counted coding (``codings_visible_to``)."""
    codings = _codings(user, filters)
    if code_ids is not None:
        codings = codings.filter(code_id__in=code_ids)
    rows = integer_columns(codings, ["source_id", "start", "end", "code_id"])
    key = rows[:, 0] * SHIFT
    return np.stack([key + rows[:, 1], key + rows[:, 2], rows[:, 3]], axis=1)


def _totals(user, filters, code_ids) -> dict[int, int]:
    qs = _codings(user, filters)
    if code_ids is not None:
        qs = qs.filter(code_id__in=code_ids)
    return dict(qs.order_by().values_list("code_id").annotate(n=Count("pk")).values_list("code_id", "n"))


def counts_sql(user, filters=None, code_ids=None) -> tuple[dict[tuple[int, int], int], dict[int, int]]:
    return pair_counts_sql(user, filters, code_ids), _totals(user, filters, code_ids)


def counts_sweep(user, filters=None, code_ids=None) -> tuple[dict[tuple[int, int], int], dict[int, int]]:
    """The same counts by a sweep over the codings sorted by (source, start), vectorised with numpy.

    After sorting, the codings that start inside coding ``i`` (same source, start before its end) are the ones
    right after it, up to ``j[i]`` (a binary search). Pairs (i, i + d) are then counted for d = 1, 2, … over
    the codings that still have a d-th follower, so no list of all pairs is ever built."""
    rows = _compact(user, filters, code_ids)
    if not len(rows):
        return {}, {}
    rows = rows[np.argsort(rows[:, 0], kind="stable")]
    key, end, code = rows[:, 0], rows[:, 1], rows[:, 2]
    ids, dense = np.unique(code, return_inverse=True)
    width = len(ids)
    dense = dense.astype(np.int64).ravel()
    followers = np.searchsorted(key, end, side="left") - np.arange(len(key)) - 1
    counts = np.zeros(width * width, dtype=np.int64)
    open_rows, d = np.flatnonzero(followers > 0), 1
    while open_rows.size:
        a, b = dense[open_rows], dense[open_rows + d]
        counts += np.bincount(np.minimum(a, b) * width + np.maximum(a, b), minlength=width * width)
        d += 1
        open_rows = open_rows[followers[open_rows] >= d]
    matrix = counts.reshape(width, width)
    low, high = np.nonzero(np.triu(matrix, k=1))
    pairs = {(int(ids[x]), int(ids[y])): int(matrix[x, y]) for x, y in zip(low, high, strict=True)}
    totals = {int(pk): int(n) for pk, n in zip(ids, np.bincount(dense, minlength=width), strict=True)}
    return pairs, totals


def cooccurrence(user, *, filters: dict[Dimension, str] | None = None, codes=None,
                 method: str = "sweep") -> CooccurrenceMatrix:
    """The matrix over the codes used on what the person may analyse (or only ``codes``)."""
    code_ids = [c.pk for c in codes] if codes is not None else None
    pairs, totals = (counts_sql if method == "sql" else counts_sweep)(user, filters, code_ids)
    used = set(totals)
    matrix_codes = list(codes) if codes is not None else list(
        Code.objects.filter(pk__in=used).select_related("parent").order_by("order", "name_en", "pk")
    )
    return CooccurrenceMatrix(codes=matrix_codes, pairs=pairs, totals=totals)
