"""How often each code is used, overall and by the values of an attribute.

Three counts per code (and per code and value): **segments** (codings), **sources** (distinct sources with at
least one such coding) and **participants** (distinct participants of those sources). By a participant-level
attribute, a segment counts under the value of each participant of its source, so a focus group of women with
different statuses counts under each status; the row's total counts it once. Everything is counted in the
database, grouped by code (and value), over the codings ``codings_visible_to`` lets through.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from ovoz.analysis.access import analysable_sources_visible_to, codings_visible_to
from ovoz.analysis.models import Code
from ovoz.analysis.queries.dimensions import (
    SOURCE,
    Dimension,
    restrict_sources,
    sort_values,
    value_key,
    value_labels,
)

MEASURES = ("segments", "sources", "participants")


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


def frequencies(user, dimension: Dimension | None, *, filters: dict[Dimension, str] | None = None,
                codes: list[Code] | None = None) -> FrequencyTable:
    base = counted_codings(user, filters)
    if codes is not None:
        base = base.filter(code_id__in=[c.pk for c in codes])
    totals: dict[int, Counts] = {}
    for code_id, segments, sources in (base.values("code_id").annotate(n=Count("pk"), s=Count("source_id",
                                       distinct=True)).values_list("code_id", "n", "s")):
        totals[code_id] = Counts(segments, sources)
    for code_id, participants in (base.values("code_id").annotate(p=Count("source__participants", distinct=True))
                                  .values_list("code_id", "p")):
        if code_id in totals:
            totals[code_id].participants = participants

    cells: dict[int, dict[str, Counts]] = {}
    if dimension is not None:
        grouped = base.annotate(v=dimension.coding_expression()).values("code_id", "v")
        if dimension.level == SOURCE:
            for code_id, value, segments, sources in grouped.annotate(
                    n=Count("pk"), s=Count("source_id", distinct=True)).values_list("code_id", "v", "n", "s"):
                cells.setdefault(code_id, {})[value_key(value)] = Counts(segments, sources)
            for code_id, value, participants in grouped.annotate(
                    p=Count("source__participants", distinct=True)).values_list("code_id", "v", "p"):
                cell = cells.setdefault(code_id, {}).setdefault(value_key(value), Counts())
                cell.participants = participants
        else:
            for code_id, value, segments, sources, participants in grouped.annotate(
                    n=Count("pk", distinct=True), s=Count("source_id", distinct=True),
                    p=Count("source__participants", distinct=True)).values_list("code_id", "v", "n", "s", "p"):
                if value is None and participants == 0:
                    continue  # sources without participants have no participant attributes
                cells.setdefault(code_id, {})[value_key(value)] = Counts(segments, sources, participants)

    code_objects = codes if codes is not None else list(
        Code.objects.filter(pk__in=list(totals)).select_related("parent").order_by("order", "name_en", "pk")
    )
    rows = [FrequencyRow(code, totals.get(code.pk) or Counts(), cells.get(code.pk, {})) for code in code_objects
            if code.pk in totals or codes is not None]
    values_seen = {v for row in rows for v in row.cells}
    labels = value_labels(dimension, values_seen) if dimension is not None else {}
    values = sort_values(dimension, labels) if dimension is not None else []
    return FrequencyTable(dimension, values, labels, rows)
