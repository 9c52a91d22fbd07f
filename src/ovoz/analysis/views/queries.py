"""Segment retrieval: the segments for a code or a boolean of codes, filtered by attributes, and their export.

Open to everyone signed in: each sees only segments of sources she may analyse (``codings_visible_to``), so a
viewer or an outsider gets an empty page, never someone else's evidence.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.analysis.access import analysable_sources_visible_to
from ovoz.analysis.queries.dimensions import dimensions_for, filter_choices
from ovoz.analysis.queries.exports import FORMATS, segments_export
from ovoz.analysis.queries.params import segment_query_from
from ovoz.analysis.queries.retrieval import ALL, ANY, code_tree, retrieve
from ovoz.evidence.views.sources import query_without_page

PER_PAGE = 25


def code_options(tree) -> list[tuple[object, str]]:
    """The codes in codebook order, each with dashes for its depth under its parents (indented choices)."""
    codes, children = tree
    roots = [c for c in codes.values() if c.parent_id is None or c.parent_id not in codes]
    out = []

    def walk(code, depth):
        out.append((code, "— " * depth))
        for pk in children.get(code.pk, ()):
            walk(codes[pk], depth + 1)

    for root in roots:
        walk(root, 0)
    return out


def query_form_context(request, tree, dimensions, query) -> dict:
    user = request.user
    return {
        "code_options": code_options(tree),
        "chosen": {c.pk for c in query.codes},
        "excluded": {c.pk for c in query.exclude},
        "query": query,
        "modes": [(ANY, _("any of these codes (OR)")), (ALL, _("all of these codes on the same stretch (AND)"))],
        "filter_choices": filter_choices(user, dimensions, analysable_sources_visible_to(user)),
        "filter_values": {d.key: v for d, v in query.filters.items()},
    }


@login_required
def segments(request):
    user = request.user
    tree = code_tree(user)
    dimensions = dimensions_for(user)
    query = segment_query_from(request.GET, user, tree=tree, dimensions=dimensions)
    page = None if query.is_empty else retrieve(user, query, page=request.GET.get("page"), per_page=PER_PAGE)
    context = query_form_context(request, tree, dimensions, query)
    context.update({
        "page": page,
        "query_string": query_without_page(request),
        "formats": FORMATS,
    })
    return render(request, "analysis/query_segments.html", context)


@login_required
@require_POST
def segments_export_view(request):
    """Download the segments of the query posted in ``query`` (the page's query string)."""
    user = request.user
    params = QueryDict(request.POST.get("query", ""))
    back = f"{reverse('analysis:query_segments')}?{params.urlencode()}"
    tree = code_tree(user)
    query = segment_query_from(params, user, tree=tree)
    try:
        content, kind, name = segments_export(actor=user, query=query, fmt=request.POST.get("format", ""),
                                              language=translation.get_language() or "en", tree=tree)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(back)
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
