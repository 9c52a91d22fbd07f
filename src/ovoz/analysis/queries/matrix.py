"""The code × attribute matrix: codes in rows, the values of one attribute in columns, one count per cell.

The counts are those of ``frequencies`` (segments, sources or participants). Each cell links to the segments
behind it: the retrieval page filtered by the code and by the attribute's value (and by the filters already
chosen), so the cell's segment count is the number of segments that page lists.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from ovoz.analysis.models import Code
from ovoz.analysis.queries.charts import ink, shade
from ovoz.analysis.queries.dimensions import Dimension
from ovoz.analysis.queries.frequencies import MEASURES, FrequencyTable, frequencies


@dataclass
class Cell:
    value: str
    count: int
    url: str
    background: str
    colour: str


def drilldown_url(code: Code, dimension: Dimension, value: str, filters: dict[Dimension, str]) -> str:
    params = [("code", code.pk)]
    params += [(d.key, v) for d, v in filters.items() if d.key != dimension.key]
    params.append((dimension.key, value))
    return f"{reverse('analysis:query_segments')}?{urlencode(params)}"


def attribute_matrix(user, dimension: Dimension, *, measure: str = "segments",
                     filters: dict[Dimension, str] | None = None) -> tuple[FrequencyTable, list]:
    """The table and, per code, its cells in column order with their drill-down links and shades."""
    if measure not in MEASURES:
        measure = "segments"
    filters = filters or {}
    table = frequencies(user, dimension, filters=filters)
    largest = table.largest(measure)
    rows = []
    for row in table.rows:
        cells = []
        for value, counts in row.ordered(table.values):
            n = counts.get(measure)
            cells.append(Cell(value, n, drilldown_url(row.code, dimension, value, filters) if n else "",
                              shade(n, largest), ink(n, largest)))
        rows.append((row, cells))
    return table, rows
