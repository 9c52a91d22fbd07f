"""The search page: one box, filters, results with the matched words marked, pages.

Only the people whose evidence search can reach anything have the page (a partnership's mentor and
researchers, the programme's coordinators); everyone else gets 404, as for any page that is not theirs.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode

from ovoz.search.access import can_search
from ovoz.search.engine import AUTO, NEWEST, PER_PAGE, RANK_LIMIT, search
from ovoz.search.forms import SearchForm


def _query_without_page(request) -> str:
    return urlencode([(k, v) for k in request.GET for v in request.GET.getlist(k) if k != "page" and v])


@login_required
def search_view(request):
    if not can_search(request.user):
        raise Http404
    form = SearchForm(request.GET or None, user=request.user)
    results = None
    if form.is_bound and form.is_valid() and form.cleaned_data.get("q"):
        results = search(request.user, form.cleaned_data["q"], form.filters(), request.GET.get("page"),
                         per_page=PER_PAGE, order=form.chosen_order())
    context = {
        "form": form,
        "results": results,
        "page": results.page if results else None,
        "query": _query_without_page(request),
        "nothing_typed": form.is_bound and form.is_valid() and not form.cleaned_data.get("q"),
        "unreadable": results is not None and not results.query,
        "filters_open": form.is_bound and form.is_valid() and form.has_filters(),
        "newest_instead": results is not None and results.order == NEWEST and form.chosen_order() == AUTO,
        "rank_limit": RANK_LIMIT,
    }
    template = "search/_results.html" if request.htmx and request.htmx.target == "results" else "search/search.html"
    return render(request, template, context)
