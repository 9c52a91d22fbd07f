"""How often each code is used, overall and by the values of an attribute.

Three counts per code (and per code and value): **segments** (codings), **sources** (distinct sources with at
least one such coding) and **participants** (distinct participants of those sources). By a participant-level
attribute, a segment counts under the value of each participant of its source, so a focus group of women with
different statuses counts under each status; the row's total counts it once. Everything is counted in the
database, grouped by code (and value), over the codings ``codings_visible_to`` lets through.
"""

from dataclasses import dataclass, field

import numpy as np
from django.db.models import F, TextField
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from ovoz.analysis.access import analysable_sources_visible_to, codings_visible_to
from ovoz.analysis.models import Code
from ovoz.analysis.queries.compact import integer_columns
from ovoz.analysis.queries.dimensions import (
    NONE,
    SOURCE,
    Dimension,
    restrict_sources,
    sort_values,
    value_key,
    value_labels,
)
from ovoz.evidence.models import Participant, Source

MEASURES = ("segments", "sources", "participants")
SHIFT = 1 << 32


@dataclass
class Counts:
    segments: int = 0
    sources: int = 0
    participants: int = 0

    def get(self, measure: str) -> int:
        return getattr(self, measure)


@dataclass
class FrequencyRow:
    code: Code
    total: Counts
    cells: dict[str, Counts] = field(default_factory=dict)

    def cell(self, value: str) -> Counts:
        return self.cells.get(value) or Counts()

    def ordered(self, values: list[str]) -> list[tuple[str, Counts]]:
        return [(v, self.cell(v)) for v in values]


@dataclass
class FrequencyTable:
    dimension: Dimension | None
    values: list[str]
    labels: dict[str, str]
    rows: list[FrequencyRow]

    def largest(self, measure: str) -> int:
        cells = [c.get(measure) for r in self.rows for c in r.cells.values()]
        return max(cells, default=0)

    def value_totals(self, measure: str) -> dict[str, int]:
        """Column sums (segments only add up; distinct sources and participants are summed per code)."""
        return {v: sum(r.cell(v).get(measure) for r in self.rows) for v in self.values}


def counted_codings(user, filters: dict[Dimension, str] | None = None):
    qs = codings_visible_to(user)
    if filters:
        qs = qs.filter(source_id__in=restrict_sources(analysable_sources_visible_to(user), filters)
                       .order_by().values("pk"))
    return qs.order_by()


def _values_by(dimension: Dimension, user, filters, links) -> tuple[dict[int, str], str]:
    """Each source's value (source level) or each participant's value (participant level), as value keys."""
    sources = restrict_sources(analysable_sources_visible_to(user), filters or {}).order_by()
    if dimension.level == SOURCE:
        return {pk: value_key(v) for pk, v in sources.annotate(v=dimension.source_expression())
                .values_list("pk", "v")}, SOURCE
    people = Participant.objects.filter(pk__in={p for _s, p in links}).order_by()
    if dimension.json_key:
        rows = people.annotate(v=Cast(KeyTextTransform(dimension.json_key, "attributes"), TextField()))
    else:
        rows = people.annotate(v=F(dimension.path))
    return {pk: value_key(v) for pk, v in rows.values_list("pk", "v")}, "participant"


def _distinct_count(group: np.ndarray, member: np.ndarray, width: int) -> np.ndarray:
    """For each group index below ``width``, how many distinct members it has."""
    if not len(group):
        return np.zeros(width, np.int64)
    pairs = np.unique(group * (int(member.max()) + 1) + member)
    return np.bincount(pairs // (int(member.max()) + 1), minlength=width)


def frequencies(user, dimension: Dimension | None, *, filters: dict[Dimension, str] | None = None,
                codes: list[Code] | None = None) -> FrequencyTable:
    """Counted from the codings' (source, code) pairs, read in one query, and each source's participants and
    values, in numpy: a million codings cost about as much as reading them."""
    base = counted_codings(user, filters)
    if codes is not None:
        base = base.filter(code_id__in=[c.pk for c in codes])
    rows = integer_columns(base, ["source_id", "code_id"])
    visible_sources = restrict_sources(analysable_sources_visible_to(user), filters or {}).order_by().values("pk")
    links = list(Source.participants.through.objects.filter(source_id__in=visible_sources)
                 .values_list("source_id", "participant_id"))
    code_ids, code_index = np.unique(rows[:, 1], return_inverse=True)
    width = len(code_ids)
    code_index = code_index.ravel()
    # One row per (code, source) pair, with its number of codings.
    pair_key, per_pair = np.unique(code_index * SHIFT + rows[:, 0], return_counts=True)
    pair_code, pair_source = pair_key // SHIFT, pair_key % SHIFT
    # The participants of each pair's source, as (pair, participant) rows.
    link_arr = np.array(sorted(links), dtype=np.int64).reshape(-1, 2)
    lo = np.searchsorted(link_arr[:, 0], pair_source, side="left")
    hi = np.searchsorted(link_arr[:, 0], pair_source, side="right")
    reps = hi - lo
    exp_pair = np.repeat(np.arange(len(pair_key)), reps)
    exp_link = np.repeat(lo - np.cumsum(reps) + reps, reps) + np.arange(int(reps.sum()))
    exp_person = link_arr[exp_link, 1] if len(exp_link) else np.zeros(0, np.int64)

    segments = np.bincount(pair_code, weights=per_pair, minlength=width).astype(np.int64)
    sources = np.bincount(pair_code, minlength=width)
    participants = _distinct_count(pair_code[exp_pair], exp_person, width)
    totals = {int(code_ids[i]): Counts(int(segments[i]), int(sources[i]), int(participants[i]))
              for i in range(width)}

    cells: dict[int, dict[str, Counts]] = {}
    if dimension is not None and width:
        values_of, level = _values_by(dimension, user, filters, links)
        keys = sorted(set(values_of.values()) | {NONE})
        number = {k: i for i, k in enumerate(keys)}
        known = np.array(sorted(values_of), dtype=np.int64)
        known_value = np.array([number[values_of[int(pk)]] for pk in known], dtype=np.int64)

        def value_of(ids: np.ndarray) -> np.ndarray:
            """The value index of each id (source or participant); "not known" for an id without a row."""
            if not len(known):
                return np.full(len(ids), number[NONE], np.int64)
            at = np.minimum(np.searchsorted(known, ids), len(known) - 1)
            return np.where(known[at] == ids, known_value[at], number[NONE])

        if level == SOURCE:
            # One value per source: each pair has one cell.
            cell_pair = np.arange(len(pair_key))
            cell_value = value_of(pair_source)
            cell_person_pair, cell_person_value = exp_pair, cell_value[exp_pair]
        else:
            # One cell per distinct value among the source's participants.
            person_value = value_of(exp_person)
            both = np.unique(exp_pair * (len(keys) + 1) + person_value)
            cell_pair, cell_value = both // (len(keys) + 1), both % (len(keys) + 1)
            cell_person_pair, cell_person_value = exp_pair, person_value
        n_values = len(keys) + 1
        flat = pair_code[cell_pair] * n_values + cell_value
        seg_cells = np.bincount(flat, weights=per_pair[cell_pair], minlength=width * n_values).astype(np.int64)
        src_cells = np.bincount(flat, minlength=width * n_values)
        people_cells = _distinct_count(pair_code[cell_person_pair] * n_values + cell_person_value, exp_person,
                                       width * n_values)
        for flat_index in np.flatnonzero(src_cells):
            i, v = divmod(int(flat_index), n_values)
            cells.setdefault(int(code_ids[i]), {})[keys[v]] = Counts(
                int(seg_cells[flat_index]), int(src_cells[flat_index]), int(people_cells[flat_index]))

    code_objects = codes if codes is not None else list(
        Code.objects.filter(pk__in=list(totals)).select_related("parent").order_by("order", "name_en", "pk")
    )
    rows_out = [FrequencyRow(code, totals.get(code.pk) or Counts(), cells.get(code.pk, {})) for code in code_objects
                if code.pk in totals or codes is not None]
    values_seen = {v for row in rows_out for v in row.cells}
    labels = value_labels(dimension, values_seen) if dimension is not None else {}
    values = sort_values(dimension, labels) if dimension is not None else []
    return FrequencyTable(dimension, values, labels, rows_out)
