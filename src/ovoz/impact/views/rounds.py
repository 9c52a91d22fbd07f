"""Most Significant Change selection rounds: list, one round with its choices, and changing them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.impact import access
from ovoz.impact.forms import RoundForm, SelectionForm
from ovoz.impact.models import SelectionRound
from ovoz.impact.services.rounds import round_create, round_delete, round_update, selection_add, selection_remove
from ovoz.impact.views._common import impact_programme, partnership_filter, writable_partnerships, write_target
from ovoz.programmes.access import is_coordinator_of
from ovoz.web.pagination import paginate


@login_required
def round_list_view(request, programme_id: int):
    programme = impact_programme(request.user, programme_id)
    qs = access.rounds_visible_to(request.user).filter(programme=programme)
    qs, chosen, partnerships = partnership_filter(request, request.user, programme, qs)
    return render(request, "impact/round_list.html", {
        "programme": programme, "page": paginate(request, qs, per_page=20),
        "filters": {"partnership": chosen}, "query": f"partnership={chosen}" if chosen else "",
        "partnerships": partnerships if len(partnerships) > 1 else [],
        "can_add_programme": is_coordinator_of(request.user, programme.pk),
        "own": writable_partnerships(request.user, programme),
    })


@login_required
def round_create_view(request, programme_id: int):
    programme = impact_programme(request.user, programme_id)
    partnership = write_target(request, programme)
    form = RoundForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            selection_round = round_create(actor=request.user, programme=programme, partnership=partnership,
                                           **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The round is created. Now record the stories the group chose."))
            return redirect("impact:round_detail", pk=selection_round.pk)
    return render(request, "impact/form.html", {
        "form": form, "programme": programme, "title": _("New selection round"), "subtitle": partnership,
        "hidden": {"partnership": partnership.pk} if partnership else {},
    })


@login_required
def round_detail_view(request, pk: int):
    selection_round = access.get_round_for_user(request.user, pk)
    can_edit = access.can_write(request.user, selection_round)
    return render(request, "impact/round_detail.html", {
        "round": selection_round, "programme": selection_round.programme, "can_edit": can_edit,
        "selections": access.selections_visible_to(request.user, selection_round),
        "form": SelectionForm(stories=access.candidate_stories(request.user, selection_round)) if can_edit else None,
    })


@login_required
def round_edit_view(request, pk: int):
    selection_round = access.get_round_for_user(request.user, pk, write=True)
    form = RoundForm(request.POST or None, instance=selection_round, programme=selection_round.programme)
    if request.method == "POST" and form.is_valid():
        try:
            round_update(actor=request.user, selection_round=SelectionRound.objects.get(pk=selection_round.pk),
                         **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The round is saved."))
            return redirect("impact:round_detail", pk=selection_round.pk)
    return render(request, "impact/form.html", {"form": form, "programme": selection_round.programme,
                                                "title": _("Edit selection round"), "subtitle": selection_round})


@login_required
def round_delete_view(request, pk: int):
    selection_round = access.get_round_for_user(request.user, pk, write=True)
    if request.method == "POST":
        programme_id = selection_round.programme_id
        round_delete(actor=request.user, selection_round=selection_round)
        messages.success(request, _("The round is deleted."))
        return redirect("impact:round_list", programme_id=programme_id)
    return render(request, "impact/confirm.html", {
        "title": _("Delete this selection round?"), "name": selection_round.title,
        "programme": selection_round.programme,
        "text": _("The group's choices and reasons are deleted with it; the stories stay."),
        "cancel": reverse("impact:round_detail", args=[selection_round.pk]),
    })


@login_required
@require_POST
def selection_add_view(request, pk: int):
    selection_round = access.get_round_for_user(request.user, pk, write=True)
    form = SelectionForm(request.POST, stories=access.candidate_stories(request.user, selection_round))
    if form.is_valid():
        try:
            selection_add(actor=request.user, selection_round=selection_round, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The choice is recorded."))
    else:
        messages.error(request, _("Choose a story and a domain, and write the group's reasons."))
    return redirect("impact:round_detail", pk=selection_round.pk)


@login_required
@require_POST
def selection_remove_view(request, pk: int):
    selection = access.get_selection_for_user(request.user, pk, write=True)
    selection_round = selection.round
    selection_remove(actor=request.user, selection=selection)
    messages.success(request, _("The story is removed from the round's choices."))
    return redirect("impact:round_detail", pk=selection_round.pk)
