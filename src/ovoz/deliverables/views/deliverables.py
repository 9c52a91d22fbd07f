"""Deliverables: the lists, one deliverable with its versions and reviews, and the acts on it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.audit.models import AuditEntry
from ovoz.deliverables import access, deadlines, gantt, rules
from ovoz.deliverables.forms import DeliverableFilterForm, DueForm, ReviewForm, VersionForm
from ovoz.deliverables.grants_work import grants_work
from ovoz.deliverables.models import DeliverableState
from ovoz.deliverables.services import (
    deliverable_accept,
    deliverable_comment,
    deliverable_request_changes,
    deliverable_save_draft,
    deliverable_set_due,
    deliverable_submit,
    deliverable_withdraw,
)
from ovoz.deliverables.views._common import form_errors, report_refusal
from ovoz.programmes.access import is_coordinator_of, partnerships_visible_to, programmes_visible_to
from ovoz.web.pagination import paginate

S = DeliverableState


@login_required
def deliverable_list_view(request):
    """Every deliverable she may see, with filters; overdue ones flagged."""
    user = request.user
    qs = access.deliverables_visible_to(user)
    partnerships = [p for p in partnerships_visible_to(user) if access.can_see_deliverables_of(user, p)]
    programmes = programmes_visible_to(user).filter(pk__in={p.programme_id for p in partnerships})
    form = DeliverableFilterForm(request.GET or None, programmes=programmes, partnerships=partnerships)
    today = deadlines.today()
    if form.is_valid():
        d = form.cleaned_data
        if d["q"]:
            qs = qs.filter(template__title__icontains=d["q"].strip())
        if d["programme"]:
            qs = qs.filter(partnership__programme_id=d["programme"])
        if d["partnership"]:
            qs = qs.filter(partnership_id=d["partnership"])
        if d["state"]:
            qs = qs.filter(state=d["state"])
        if d["overdue"]:
            qs = qs.filter(deadlines.overdue_q(today))
    qs = qs.order_by("due_on", "partnership__organisation__name", "pk")
    page = paginate(request, qs, per_page=50)
    readable = {p.pk for p in partnerships if access.can_read_contents_of(user, p)}
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "deliverables/deliverable_list.html",
        {"page": page, "form": form, "readable": readable, "today": today, "query": query.urlencode()},
    )


@login_required
def partnership_deliverables_view(request, pk: int):
    """A partnership's deliverables with due dates and states, and the programme's timeline."""
    partnership = access.get_partnership_deliverables_for_user(request.user, pk)
    today = deadlines.today()
    deliverables = list(
        partnership.deliverables.select_related("template").annotate(n_versions=Count("versions"))
    )
    items = list(access.timeline_items_visible_to(request.user).filter(programme_id=partnership.programme_id))
    due_rows = [
        gantt.Row(kind="due", label=f"{d.template.title} · {d.get_state_display()}", start=d.due_on, state=d.state,
                  overdue=d.is_overdue(today))
        for d in deliverables
    ]
    programme = partnership.programme
    chart = gantt.layout(
        gantt.programme_rows(items, due_rows), today=today, start=programme.starts_on, end=programme.ends_on
    )
    return render(
        request,
        "deliverables/partnership_deliverables.html",
        {
            "partnership": partnership,
            "deliverables": deliverables,
            "can_read": access.can_read_contents_of(request.user, partnership),
            "is_coordinator": is_coordinator_of(request.user, partnership.programme_id),
            "chart": chart,
            "items": items,
            "today": today,
        },
    )


def _state_change(change) -> str:
    if not isinstance(change, dict):
        return ""
    labels = dict(DeliverableState.choices)
    old, new = change.get("old"), change.get("new")
    return f"{labels.get(old, '—')} → {labels.get(new, new)}"


@login_required
def deliverable_detail_view(request, pk: int):
    deliverable = access.get_deliverable_for_user(request.user, pk)
    user = request.user
    mode = deliverable.template.submission_mode
    targets = rules.allowed_targets(user, deliverable)
    can_write = deliverable.state != S.SUBMITTED and (S.DRAFT in targets or S.SUBMITTED in targets)
    versions = list(deliverable.versions.select_related("created_by"))
    # A revision starts from the latest text rather than from an empty box.
    initial = {"text": versions[0].text} if versions and mode.takes_text() else {}
    history = [
        (entry, entry.action_label, _state_change(entry.changes.get("state")))
        for entry in AuditEntry.objects.filter(
            object_type=deliverable._meta.label_lower, object_id=str(deliverable.pk)
        ).order_by("-at", "-pk")[:50]
    ]
    return render(
        request,
        "deliverables/deliverable_detail.html",
        {
            "d": deliverable,
            "partnership": deliverable.partnership,
            "versions": versions,
            "reviews": deliverable.reviews.select_related("reviewer", "version"),
            "version_form": VersionForm(mode=mode, initial=initial) if can_write else None,
            "can_withdraw": deliverable.state == S.SUBMITTED and S.DRAFT in targets,
            "can_decide": S.ACCEPTED in targets,
            "can_comment": rules.is_reviewer(user, deliverable),
            "review_form": ReviewForm(),
            "due_form": DueForm(initial={"due_on": deliverable.due_on})
            if is_coordinator_of(user, deliverable.partnership.programme_id)
            else None,
            "history": history,
            "today": deadlines.today(),
            "grants_work": grants_work(user, deliverable),
        },
    )


@login_required
@require_POST
def version_create_view(request, pk: int):
    """Save a new version as a draft, or submit (a new version, or the latest draft as it is)."""
    deliverable = access.get_deliverable_for_user(request.user, pk)
    form = VersionForm(request.POST, request.FILES, mode=deliverable.template.submission_mode)
    submit = request.POST.get("action") == "submit"
    if not form.is_valid():
        form_errors(request, form)
        return redirect("deliverables:detail", pk=deliverable.pk)
    d = form.cleaned_data
    service = deliverable_submit if submit else deliverable_save_draft
    try:
        version = service(
            actor=request.user, deliverable=deliverable, text=d.get("text", ""), file=d.get("file"), note=d["note"]
        )
    except (ValidationError, PermissionDenied) as exc:
        report_refusal(request, exc)
    else:
        if submit:
            messages.success(request, _("Version %(n)s is submitted for review.") % {"n": version.number})
        else:
            messages.success(request, _("Version %(n)s is saved as a draft.") % {"n": version.number})
    return redirect("deliverables:detail", pk=deliverable.pk)


@login_required
@require_POST
def withdraw_view(request, pk: int):
    deliverable = access.get_deliverable_for_user(request.user, pk)
    try:
        deliverable_withdraw(actor=request.user, deliverable=deliverable)
    except (ValidationError, PermissionDenied) as exc:
        report_refusal(request, exc)
    else:
        messages.success(request, _("The submission is withdrawn; it is a draft again."))
    return redirect("deliverables:detail", pk=deliverable.pk)


@login_required
@require_POST
def review_view(request, pk: int):
    deliverable = access.get_deliverable_for_user(request.user, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to accept, request changes or comment."))
        return redirect("deliverables:detail", pk=deliverable.pk)
    decision, comment = form.cleaned_data["decision"], form.cleaned_data["comment"]
    try:
        if decision == "accepted":
            deliverable_accept(actor=request.user, deliverable=deliverable, comment=comment)
            messages.success(request, _("The deliverable is accepted."))
        elif decision == "changes_requested":
            deliverable_request_changes(actor=request.user, deliverable=deliverable, comment=comment)
            messages.success(request, _("Changes are requested; the team sees your comment."))
        else:
            deliverable_comment(actor=request.user, deliverable=deliverable, comment=comment)
            messages.success(request, _("Your comment is added."))
    except (ValidationError, PermissionDenied) as exc:
        report_refusal(request, exc)
    return redirect("deliverables:detail", pk=deliverable.pk)


@login_required
@require_POST
def set_due_view(request, pk: int):
    deliverable = access.get_deliverable_for_user(request.user, pk)
    form = DueForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("deliverables:detail", pk=deliverable.pk)
    try:
        deliverable_set_due(actor=request.user, deliverable=deliverable, due_on=form.cleaned_data["due_on"])
    except (ValidationError, PermissionDenied) as exc:
        report_refusal(request, exc)
    else:
        messages.success(request, _("The due date is changed for this partnership."))
    return redirect("deliverables:detail", pk=deliverable.pk)


@login_required
def version_file_view(request, pk: int):
    version = access.get_version_for_user(request.user, pk)
    if not version.file:
        raise Http404
    return FileResponse(
        version.file.open("rb"),
        as_attachment=True,
        filename=version.file_name or f"version-{version.number}",
        content_type=version.content_type or "application/octet-stream",
    )
