"""Code frequencies, the co-occurrence matrix and the code × attribute matrix, with their SVG charts.

Open to everyone signed in; each person's numbers count only the codings on sources she may analyse.
``?format=svg`` downloads the chart alone.
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from ovoz.analysis.access import analysable_sources_visible_to
from ovoz.analysis.queries.charts import cooccurrence_heatmap, frequency_chart, ink, shade
from ovoz.analysis.queries.cooccurrence import cooccurrence
from ovoz.analysis.queries.dimensions import dimensions_for, filter_choices, filters_from, get_dimension
from ovoz.analysis.queries.frequencies import MEASURES, frequencies
from ovoz.analysis.queries.matrix import attribute_matrix
from ovoz.analysis.queries.params import _ids
from ovoz.analysis.queries.retrieval import code_tree
from ovoz.analysis.views.queries import code_options


def _measure(request) -> str:
    measure = request.GET.get("measure") or "segments"
    return measure if measure in MEASURES else "segments"


def _svg(svg: str, name: str) -> HttpResponse:
    response = HttpResponse(f'<?xml version="1.0" encoding="UTF-8"?>\n{svg}', content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="{name}.svg"'
    return response


def _svg_query(request) -> str:
    return urlencode([(k, v) for k, vs in request.GET.lists() for v in vs if k != "format"] + [("format", "svg")])


def _common(request):
    user = request.user
    dimensions = dimensions_for(user)
    filters = filters_from(request.GET, dimensions)
    return dimensions, filters, {
        "dimensions": dimensions,
        "filter_choices": filter_choices(user, dimensions, analysable_sources_visible_to(user)),
        "filter_values": {d.key: v for d, v in filters.items()},
        "measures": MEASURES,
    }


@login_required
def frequencies_view(request):
    dimensions, filters, context = _common(request)
    by = get_dimension(dimensions, request.GET.get("by"))
    measure = _measure(request)
    table = frequencies(request.user, by, filters=filters)
    chart = frequency_chart(table, measure)
    if request.GET.get("format") == "svg":
        return _svg(chart, "code-frequencies")
    rows = [(row, [counts.get(measure) for _v, counts in row.ordered(table.values)]) for row in table.rows]
    context.update({"table": table, "rows": rows, "by": by, "measure": measure, "chart": chart,
                    "columns": [(v, table.labels[v]) for v in table.values],
                    "svg_query": _svg_query(request)})
    return render(request, "analysis/query_frequencies.html", context)


@login_required
def cooccurrence_view(request):
    dimensions, filters, context = _common(request)
    tree = code_tree(request.user)
    chosen = [tree[0][pk] for pk in _ids(request.GET.getlist("code")) if pk in tree[0]]
    matrix = cooccurrence(request.user, filters=filters, codes=chosen or None)
    chart = cooccurrence_heatmap(matrix)
    if request.GET.get("format") == "svg":
        return _svg(chart, "code-cooccurrence")
    largest = matrix.largest
    base = reverse("analysis:query_segments")
    extra = [(d.key, v) for d, v in filters.items()]
    rows = []
    for code, counts in matrix.rows():
        cells = []
        for other, n in counts:
            same = other.pk == code.pk
            url = "" if same or not n else \
                f"{base}?{urlencode([('code', code.pk), ('code', other.pk), ('mode', 'all'), *extra])}"
            cells.append({"count": n, "same": same, "url": url, "background": "" if same else shade(n, largest),
                          "colour": ink(n, largest)})
        rows.append((code, cells))
    context.update({"matrix": matrix, "rows": rows, "chart": chart, "code_options": code_options(tree),
                    "chosen": {c.pk for c in chosen}, "top_pairs": matrix.top_pairs(15),
                    "svg_query": _svg_query(request)})
    return render(request, "analysis/query_cooccurrence.html", context)


@login_required
def matrix_view(request):
    dimensions, filters, context = _common(request)
    by = get_dimension(dimensions, request.GET.get("by")) or dimensions[0]
    measure = _measure(request)
    table, rows = attribute_matrix(request.user, by, measure=measure, filters=filters)
    context.update({"table": table, "rows": rows, "by": by, "measure": measure,
                    "columns": [(v, table.labels[v]) for v in table.values]})
    return render(request, "analysis/query_matrix.html", context)
