"""Who is invited, who confirmed, who came: the coordinator's tick list, and her own answer for an invitee."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.events import access
from ovoz.events.forms import InviteForm, StatusForm
from ovoz.events.models import Invitation
from ovoz.events.results import attendance_counts
from ovoz.events.services import (
    invitation_respond,
    invitation_set_status,
    invitation_withdraw,
    invitations_create,
    invitations_create_mentors_and_researchers,
)


def _not_invited(event):
    invited = set(event.invitations.values_list("user_id", flat=True))
    seen = set()
    out = []
    for m in access.invitable_memberships(event):
        if m.user_id not in invited and m.user_id not in seen:
            seen.add(m.user_id)
            out.append(m)
    return out


def _show_errors(request, exc: ValidationError):
    for msg in exc.messages:
        messages.error(request, msg)


@login_required
def invitations_view(request, pk: int):
    event = access.get_event_for_user(request.user, pk, write=True)
    invitations = event.invitations.select_related("user", "partnership__organisation").order_by(
        "partnership__organisation__name", "role", "user__username"
    )
    return render(
        request,
        "events/invitations.html",
        {
            "event": event,
            "invitations": invitations,
            "form": InviteForm(memberships=_not_invited(event)),
            "counts": attendance_counts(event),
            "statuses": Invitation.Status.choices,
        },
    )


@login_required
@require_POST
def invite_view(request, pk: int):
    event = access.get_event_for_user(request.user, pk, write=True)
    try:
        if request.POST.get("all"):
            created = invitations_create_mentors_and_researchers(actor=request.user, event=event)
        else:
            form = InviteForm(request.POST, memberships=_not_invited(event))
            if not form.is_valid():
                messages.error(request, _("Choose the people to invite."))
                return redirect("events:invitations", pk=event.pk)
            created = invitations_create(actor=request.user, event=event, users=form.chosen())
    except ValidationError as exc:
        _show_errors(request, exc)
    else:
        messages.success(request, _("%(n)d people invited.") % {"n": len(created)})
    return redirect("events:invitations", pk=event.pk)


@login_required
@require_POST
def invitation_status_view(request, pk: int):
    """Record one person's status; with htmx the row is swapped in place (the quick tick list)."""
    invitation = access.get_invitation_for_user(request.user, pk, write=True)
    form = StatusForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            invitation_set_status(actor=request.user, invitation=invitation, status=form.cleaned_data["status"])
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = _("Unknown status.")
    if request.htmx:
        return render(
            request,
            "events/_invitation_row.html",
            {"i": invitation, "statuses": Invitation.Status.choices, "error": error},
        )
    if error:
        messages.error(request, error)
    return redirect("events:invitations", pk=invitation.event_id)


@login_required
@require_POST
def invitation_withdraw_view(request, pk: int):
    invitation = access.get_invitation_for_user(request.user, pk, write=True)
    event_id = invitation.event_id
    try:
        invitation_withdraw(actor=request.user, invitation=invitation)
    except ValidationError as exc:
        _show_errors(request, exc)
    else:
        messages.success(request, _("The invitation is withdrawn."))
    return redirect("events:invitations", pk=event_id)


@login_required
@require_POST
def respond_view(request, pk: int):
    """The invited person says she will come (or no longer can)."""
    event = access.get_event_for_user(request.user, pk)
    invitation = access.own_invitation(request.user, event)
    if invitation is None:
        raise Http404
    try:
        invitation_respond(actor=request.user, invitation=invitation, attending=request.POST.get("attending") == "1")
    except ValidationError as exc:
        _show_errors(request, exc)
    else:
        messages.success(request, _("Your answer is saved."))
    return redirect("events:detail", pk=event.pk)
