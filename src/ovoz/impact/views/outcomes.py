"""Outcomes and reflections of a programme: lists with filters, one outcome, recording and deleting."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ovoz.events.models import Event
from ovoz.impact import access
from ovoz.impact.forms import OutcomeForm, ReflectionForm
from ovoz.impact.models import ChangeLevel, Outcome, Reflection
from ovoz.impact.report_data import concern_choices
from ovoz.impact.services.outcomes import (
    outcome_create,
    outcome_delete,
    outcome_update,
    reflection_create,
    reflection_delete,
    reflection_update,
)
from ovoz.impact.views._common import (
    impact_programme,
    int_or_none,
    partnership_filter,
    writable_partnerships,
    write_target,
)
from ovoz.programmes.access import is_coordinator_of
from ovoz.web.pagination import paginate


def _linkable_stories(user, programme, partnership):
    qs = access.stories_visible_to(user, scope="analysis").filter(partnership__programme=programme)
    return qs.filter(partnership=partnership) if partnership is not None else qs


# --- outcomes ---------------------------------------------------------------------------------------------------


@login_required
def outcome_list_view(request, programme_id: int):
    programme = impact_programme(request.user, programme_id)
    visible_stories = access.stories_visible_to(request.user)
    qs = access.outcomes_visible_to(request.user).filter(programme=programme).annotate(
        n_stories=Count("stories", filter=Q(stories__in=visible_stories), distinct=True)
    ).order_by(F("happened_on").desc(nulls_last=True), "-pk")
    qs, chosen, partnerships = partnership_filter(request, request.user, programme, qs)
    filters = {"partnership": chosen, "level": request.GET.get("level", ""),
               "concerns": request.GET.get("concerns", "").strip()}
    if filters["level"] in ChangeLevel.values:
        qs = qs.filter(level=filters["level"])
    else:
        filters["level"] = ""
    if filters["concerns"]:
        qs = qs.filter(concerns__icontains=filters["concerns"])
    return render(request, "impact/outcome_list.html", {
        "programme": programme, "page": paginate(request, qs, per_page=20), "filters": filters,
        "query": urlencode({k: v for k, v in filters.items() if v}), "levels": ChangeLevel.choices,
        "partnerships": partnerships if len(partnerships) > 1 else [],
        "can_add_programme": is_coordinator_of(request.user, programme.pk),
        "own": writable_partnerships(request.user, programme),
    })


@login_required
def outcome_create_view(request, programme_id: int):
    programme = impact_programme(request.user, programme_id)
    partnership = write_target(request, programme)
    form = OutcomeForm(request.POST or None, stories=_linkable_stories(request.user, programme, partnership),
                       **concern_choices(programme, partnership))
    if request.method == "POST" and form.is_valid():
        try:
            outcome = outcome_create(actor=request.user, programme=programme, partnership=partnership,
                                     **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The outcome is recorded."))
            return redirect("impact:outcome_detail", pk=outcome.pk)
    return render(request, "impact/form.html", {
        "form": form, "programme": programme, "title": _("New outcome"), "subtitle": partnership,
        "hidden": {"partnership": partnership.pk} if partnership else {},
    })


@login_required
def outcome_detail_view(request, pk: int):
    outcome = access.get_outcome_for_user(request.user, pk)
    return render(request, "impact/outcome_detail.html", {
        "outcome": outcome, "programme": outcome.programme, "can_edit": access.can_write(request.user, outcome),
        "stories": access.stories_visible_to(request.user).filter(outcomes=outcome),
    })


@login_required
def outcome_edit_view(request, pk: int):
    outcome = access.get_outcome_for_user(request.user, pk, write=True)
    linkable = _linkable_stories(request.user, outcome.programme, outcome.partnership)
    form = OutcomeForm(request.POST or None, instance=outcome, stories=linkable,
                       **concern_choices(outcome.programme, outcome.partnership))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        # Stories she cannot see stay linked: she only changes the links she can see.
        hidden = list(Outcome.objects.get(pk=outcome.pk).stories.exclude(pk__in=linkable.values("pk")))
        data["stories"] = list(data["stories"]) + hidden
        try:
            outcome_update(actor=request.user, outcome=Outcome.objects.get(pk=outcome.pk), **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The outcome is saved."))
            return redirect("impact:outcome_detail", pk=outcome.pk)
    return render(request, "impact/form.html", {"form": form, "programme": outcome.programme,
                                                "title": _("Edit outcome"), "subtitle": outcome})


@login_required
def outcome_delete_view(request, pk: int):
    outcome = access.get_outcome_for_user(request.user, pk, write=True)
    if request.method == "POST":
        programme_id = outcome.programme_id
        outcome_delete(actor=request.user, outcome=outcome)
        messages.success(request, _("The outcome is deleted."))
        return redirect("impact:outcome_list", programme_id=programme_id)
    return render(request, "impact/confirm.html", {
        "title": _("Delete this outcome?"), "name": str(outcome), "programme": outcome.programme,
        "text": _("The linked stories stay."), "cancel": reverse("impact:outcome_detail", args=[outcome.pk]),
    })


# --- reflections ------------------------------------------------------------------------------------------------


@login_required
def reflection_list_view(request, programme_id: int):
    programme = impact_programme(request.user, programme_id)
    qs = access.reflections_visible_to(request.user).filter(programme=programme)
    qs, chosen, partnerships = partnership_filter(request, request.user, programme, qs)
    events = list(Event.objects.filter(programme=programme))
    filters = {"partnership": chosen, "kind": request.GET.get("kind", ""), "event": ""}
    if filters["kind"] in Reflection.Kind.values:
        qs = qs.filter(kind=filters["kind"])
    else:
        filters["kind"] = ""
    event_id = int_or_none(request.GET.get("event"))
    if event_id in {e.pk for e in events}:
        qs = qs.filter(event_id=event_id)
        filters["event"] = str(event_id)
    page = paginate(request, qs, per_page=20)
    return render(request, "impact/reflection_list.html", {
        "programme": programme, "page": page, "filters": filters,
        "query": urlencode({k: v for k, v in filters.items() if v}), "kinds": Reflection.Kind.choices,
        "events": events, "partnerships": partnerships if len(partnerships) > 1 else [],
        "can_add_programme": is_coordinator_of(request.user, programme.pk),
        "own": writable_partnerships(request.user, programme),
        "writable": {r.pk for r in page if access.can_write(request.user, r)},
    })


@login_required
def reflection_create_view(request, programme_id: int):
    programme = impact_programme(request.user, programme_id)
    partnership = write_target(request, programme)
    form = ReflectionForm(request.POST or None, programme=programme,
                          initial={"event": request.GET.get("event"), "kind": request.GET.get("kind")})
    if request.method == "POST" and form.is_valid():
        try:
            reflection_create(actor=request.user, programme=programme, partnership=partnership, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The reflection is recorded."))
            return redirect("impact:reflection_list", programme_id=programme.pk)
    return render(request, "impact/form.html", {
        "form": form, "programme": programme, "title": _("New reflection"), "subtitle": partnership,
        "hidden": {"partnership": partnership.pk} if partnership else {},
    })


@login_required
def reflection_edit_view(request, pk: int):
    reflection = access.get_reflection_for_user(request.user, pk, write=True)
    form = ReflectionForm(request.POST or None, instance=reflection, programme=reflection.programme)
    if request.method == "POST" and form.is_valid():
        try:
            reflection_update(actor=request.user, reflection=Reflection.objects.get(pk=reflection.pk),
                              **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The reflection is saved."))
            return redirect("impact:reflection_list", programme_id=reflection.programme_id)
    return render(request, "impact/form.html", {"form": form, "programme": reflection.programme,
                                                "title": _("Edit reflection"), "subtitle": reflection})


@login_required
def reflection_delete_view(request, pk: int):
    reflection = access.get_reflection_for_user(request.user, pk, write=True)
    if request.method == "POST":
        programme_id = reflection.programme_id
        reflection_delete(actor=request.user, reflection=reflection)
        messages.success(request, _("The reflection is deleted."))
        return redirect("impact:reflection_list", programme_id=programme_id)
    return render(request, "impact/confirm.html", {
        "title": _("Delete this reflection?"), "name": reflection.title, "programme": reflection.programme,
        "text": _("This cannot be undone."),
        "cancel": reverse("impact:reflection_list", args=[reflection.programme_id]),
    })
