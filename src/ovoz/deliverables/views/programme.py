"""The coordinator's programme pages: dashboard (matrix and timeline), the timeline and the templates."""

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ovoz.accounts.security import reauth_redirect
from ovoz.deliverables import access, deadlines, gantt
from ovoz.deliverables.forms import TemplateForm, TimelineItemForm
from ovoz.deliverables.models import Deliverable, DeliverableState, DeliverableTemplate, TimelineItem
from ovoz.deliverables.services import (
    deliverable_template_create,
    deliverable_template_delete,
    deliverable_template_update,
    timeline_item_create,
    timeline_item_delete,
    timeline_item_update,
)
from ovoz.deliverables.views._common import form_errors, report_refusal
from ovoz.grants.overview import money_overview
from ovoz.programmes.access import partnerships_visible_to


@login_required
def programme_dashboard_view(request, programme_id: int):
    """Partners by deliverables, with states and due dates, and the programme's timeline."""
    programme = access.get_programme_to_manage(request.user, programme_id)
    today = deadlines.today()
    templates = list(DeliverableTemplate.objects.filter(programme=programme))
    partnerships = list(partnerships_visible_to(request.user).filter(programme=programme))
    cells = {
        (d.partnership_id, d.template_id): d
        for d in Deliverable.objects.filter(partnership__programme=programme)
    }
    by_pk = {t.pk: t for t in templates}
    for d in cells.values():  # the templates are in memory already: no query per cell
        d.template = by_pk[d.template_id]
    rows = [(p, [cells.get((p.pk, t.pk)) for t in templates]) for p in partnerships]
    counts = Counter(d.state for d in cells.values())
    overdue = sum(1 for d in cells.values() if d.is_overdue(today))
    items = list(TimelineItem.objects.filter(programme=programme))
    due_rows = [gantt.Row(kind="due", label=t.title, start=t.due_on) for t in templates]
    chart = gantt.layout(
        gantt.programme_rows(items, due_rows), today=today, start=programme.starts_on, end=programme.ends_on
    )
    return render(
        request,
        "deliverables/programme_dashboard.html",
        {
            "programme": programme,
            # The money side of the same programme, from the grants app (a pure function, four queries).
            "overview": money_overview(programme),
            "templates": templates,
            "rows": rows,
            "today": today,
            "chart": chart,
            "items": items,
            "summary": [(s, counts.get(s.value, 0)) for s in DeliverableState],
            "overdue": overdue,
        },
    )


@login_required
def timeline_manage_view(request, programme_id: int):
    programme = access.get_programme_to_manage(request.user, programme_id)
    form = TimelineItemForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                timeline_item_create(actor=request.user, programme=programme, **form.cleaned_data)
            except ValidationError as exc:
                report_refusal(request, exc)
            else:
                messages.success(request, _("Added to the timeline."))
                return redirect("deliverables:timeline_manage", programme_id=programme.pk)
        else:
            form_errors(request, form)
    items = TimelineItem.objects.filter(programme=programme)
    return render(request, "deliverables/timeline_manage.html", {"programme": programme, "items": items, "form": form})


@login_required
def timeline_item_edit_view(request, pk: int):
    item = access.get_timeline_item_for_user(request.user, pk, write=True)
    initial = {f: getattr(item, f) for f in ("kind", "title", "starts_on", "ends_on", "description")}
    form = TimelineItemForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                timeline_item_update(actor=request.user, item=item, **form.cleaned_data)
            except ValidationError as exc:
                report_refusal(request, exc)
            else:
                messages.success(request, _("The timeline is changed."))
                return redirect("deliverables:timeline_manage", programme_id=item.programme_id)
        else:
            form_errors(request, form)
    return render(request, "deliverables/timeline_item_edit.html", {"item": item, "form": form})


@login_required
def timeline_item_delete_view(request, pk: int):
    item = access.get_timeline_item_for_user(request.user, pk, write=True)
    if confirm := reauth_redirect(request):
        return confirm
    if request.method == "POST":
        programme_id = item.programme_id
        timeline_item_delete(actor=request.user, item=item)
        messages.success(request, _("Removed from the timeline."))
        return redirect("deliverables:timeline_manage", programme_id=programme_id)
    return render(request, "deliverables/timeline_item_delete.html", {"item": item})


@login_required
def template_manage_view(request, programme_id: int):
    programme = access.get_programme_to_manage(request.user, programme_id)
    form = TemplateForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                deliverable_template_create(actor=request.user, programme=programme, **form.cleaned_data)
            except ValidationError as exc:
                report_refusal(request, exc)
            else:
                messages.success(request, _("The deliverable is added for every partnership."))
                return redirect("deliverables:template_manage", programme_id=programme.pk)
        else:
            form_errors(request, form)
    templates = DeliverableTemplate.objects.filter(programme=programme)
    return render(
        request, "deliverables/template_manage.html", {"programme": programme, "templates": templates, "form": form}
    )


@login_required
def template_edit_view(request, pk: int):
    template = access.get_template_for_user(request.user, pk)
    initial = {f: getattr(template, f) for f in ("title", "kind", "due_on", "submission", "description")}
    form = TemplateForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                deliverable_template_update(actor=request.user, template=template, **form.cleaned_data)
            except ValidationError as exc:
                report_refusal(request, exc)
            else:
                messages.success(request, _("The deliverable is changed."))
                return redirect("deliverables:template_manage", programme_id=template.programme_id)
        else:
            form_errors(request, form)
    return render(request, "deliverables/template_edit.html", {"template": template, "form": form})


@login_required
def template_delete_view(request, pk: int):
    template = access.get_template_for_user(request.user, pk)
    if confirm := reauth_redirect(request):
        return confirm
    if request.method == "POST":
        programme_id = template.programme_id
        try:
            deliverable_template_delete(actor=request.user, template=template)
        except ValidationError as exc:
            report_refusal(request, exc)
        else:
            messages.success(request, _("The deliverable is removed from the programme."))
        return redirect("deliverables:template_manage", programme_id=programme_id)
    return render(request, "deliverables/template_delete.html", {"template": template})
