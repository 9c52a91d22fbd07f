"""Reviewing a transcript's suggested codes: each sentence with its codes and confidence, accepted or rejected
one by one (htmx swaps the row) or in bulk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ovoz.analysis.access import get_analysable_source_for_user
from ovoz.analysis.models import Suggestion
from ovoz.analysis.services import suggestions as service
from ovoz.analysis.suggest import access
from ovoz.analysis.views.suggestions_runs import describe
from ovoz.web.pagination import paginate

STATUSES = [("pending", Suggestion.Status.PENDING.label), ("accepted", Suggestion.Status.ACCEPTED.label),
            ("rejected", Suggestion.Status.REJECTED.label), ("all", None)]


def _with_text(suggestions, transcript: str):
    for s in suggestions:
        s.text = transcript[s.start:s.end]
    return suggestions


@login_required
def source_view(request, pk: int):
    source = get_analysable_source_for_user(request.user, pk, write=True)
    status = request.GET.get("status") or "pending"
    qs = access.suggestions_visible_to(request.user).filter(source=source).select_related("code", "decided_by")
    if status in Suggestion.Status.values:
        qs = qs.filter(status=status)
    page = paginate(request, qs.order_by("start", "-confidence", "pk"), per_page=100)
    _with_text(page.object_list, source.transcript or "")
    run = service.run_for_source(source)
    counts = dict.fromkeys(Suggestion.Status.values, 0)
    counts.update(access.suggestions_visible_to(request.user).filter(source=source).order_by()
                  .values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return render(request, "analysis/suggestion_source.html", {
        "source": source, "page": page, "status": status, "query": f"status={status}", "latest": describe(run),
        "counts": counts,
        "statuses": [(v, label or _("All")) for v, label in STATUSES],
    })


@login_required
@require_POST
def source_run(request, pk: int):
    source = get_analysable_source_for_user(request.user, pk, write=True)
    try:
        made = service.suggestions_run(actor=request.user, source=source)
    except ValidationError as exc:
        for msg in exc.messages:
            messages.error(request, msg)
    else:
        messages.success(request, ngettext("%(n)s code suggested.", "%(n)s codes suggested.", len(made))
                         % {"n": len(made)})
    return redirect("analysis:suggestions_source", pk=source.pk)


@login_required
@require_POST
def source_bulk(request, pk: int):
    """Accept or reject the ticked suggestions, or every pending one from a confidence up."""
    source = get_analysable_source_for_user(request.user, pk, write=True)
    decision = request.POST.get("decision")
    pending = access.suggestions_visible_to(request.user).filter(source=source, status=Suggestion.Status.PENDING)
    ids = [i for i in request.POST.getlist("ids") if i.isdigit()]
    floor = request.POST.get("min_confidence") or ""
    if ids:
        chosen = pending.filter(pk__in=ids)
    elif floor.isdigit():
        chosen = pending.filter(confidence__gte=int(floor) / 100)
    else:
        chosen = pending.none()
    if decision not in ("accept", "reject"):
        messages.error(request, _("Choose to accept or to reject."))
    elif not chosen:
        messages.error(request, _("Tick the suggestions to decide, or give a confidence."))
    else:
        try:
            n = service.suggestions_decide(actor=request.user, suggestions=list(chosen.order_by("start")),
                                           accept=decision == "accept")
        except ValidationError as exc:
            for msg in exc.messages:
                messages.error(request, msg)
        else:
            text = (ngettext("%(n)s suggestion accepted.", "%(n)s suggestions accepted.", n) if decision == "accept"
                    else ngettext("%(n)s suggestion rejected.", "%(n)s suggestions rejected.", n))
            messages.success(request, text % {"n": n})
    return redirect("analysis:suggestions_source", pk=source.pk)


def _decide(request, pk: int, accept: bool):
    suggestion = access.get_suggestion_for_user(request.user, pk)
    error = None
    try:
        if accept:
            service.suggestion_accept(actor=request.user, suggestion=suggestion)
        else:
            service.suggestion_reject(actor=request.user, suggestion=suggestion)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    suggestion.refresh_from_db()
    if request.htmx:
        _with_text([suggestion], suggestion.source.transcript or "")
        return render(request, "analysis/suggestion_row.html", {"s": suggestion, "error": error})
    if error:
        messages.error(request, error)
    return redirect(reverse("analysis:suggestions_source", args=[suggestion.source_id]))


@login_required
@require_POST
def accept(request, pk: int):
    return _decide(request, pk, True)


@login_required
@require_POST
def reject(request, pk: int):
    return _decide(request, pk, False)
