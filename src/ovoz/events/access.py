"""Who may see and change events.

* A programme's coordinators see and manage all of its events.
* The members of its partnerships (mentors, researchers, co-researchers) see its events, their own
  invitations, the materials and the report (counts and averages only).
* Viewers and outsiders see nothing here. Missing and forbidden both answer 404.
* Nobody sees another person's evaluation answers: the report shows averages and unnamed comments.
"""

import hashlib
import hmac

from django.db.models import Q, QuerySet
from django.http import Http404

from ovoz import keys
from ovoz.accounts.roles import Role
from ovoz.events.models import EvaluationResponse, Event, Invitation, Material
from ovoz.programmes.access import coordinated_programme_ids, is_coordinator_of, memberships_of, one_or_404
from ovoz.programmes.models import Membership


def _member_programme_ids(user) -> set[int]:
    """Programmes in which she belongs to a partnership's team."""
    return {m.programme_id for m in memberships_of(user) if Role(m.role).needs_partnership()}


def event_programme_ids(user) -> set[int] | None:
    """Programmes whose events she may see; None means all of them (a site administrator)."""
    if getattr(user, "is_superuser", False):
        return None
    return coordinated_programme_ids(user) | _member_programme_ids(user)


def can_see_programme_events(user, programme_id: int) -> bool:
    ids = event_programme_ids(user)
    return ids is None or programme_id in ids


def can_manage_event(user, event: Event) -> bool:
    return is_coordinator_of(user, event.programme_id)


def events_visible_to(user) -> QuerySet[Event]:
    qs = Event.objects.select_related("programme")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    ids = event_programme_ids(user)
    return qs if ids is None else qs.filter(programme_id__in=ids)


def get_event_for_user(user, pk, *, write: bool = False) -> Event:
    event = one_or_404(events_visible_to(user), pk)
    if write and not can_manage_event(user, event):
        raise Http404
    return event


def materials_visible_to(user) -> QuerySet[Material]:
    return Material.objects.select_related("event").filter(event__in=events_visible_to(user))


def get_material_for_user(user, pk, *, write: bool = False) -> Material:
    material = one_or_404(materials_visible_to(user), pk)
    if write and not can_manage_event(user, material.event):
        raise Http404
    return material


def invitations_visible_to(user) -> QuerySet[Invitation]:
    """Coordinators see every invitation of their programmes' events; everyone else her own."""
    qs = Invitation.objects.select_related("event", "user", "partnership__organisation")
    if getattr(user, "is_superuser", False):
        return qs
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    return qs.filter(Q(event__programme_id__in=coordinated_programme_ids(user)) | Q(user=user))


def get_invitation_for_user(user, pk, *, write: bool = False) -> Invitation:
    invitation = one_or_404(invitations_visible_to(user), pk)
    if write and not can_manage_event(user, invitation.event):
        raise Http404
    return invitation


def own_invitation(user, event: Event) -> Invitation | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Invitation.objects.filter(event=event, user=user).first()


def can_answer_evaluation(user, event: Event) -> bool:
    """Participants who attended answer; the form exists for nobody else."""
    invitation = own_invitation(user, event)
    return invitation is not None and invitation.status == Invitation.Status.ATTENDED


def get_evaluation_event_for_user(user, pk) -> Event:
    event = get_event_for_user(user, pk)
    if not can_answer_evaluation(user, event):
        raise Http404
    return event


def invitable_memberships(event: Event) -> QuerySet[Membership]:
    """The team members of the event's programme: the people a coordinator may invite."""
    roles = [r.value for r in Role if r.needs_partnership()]
    return (
        Membership.objects.filter(programme_id=event.programme_id, partnership__isnull=False, role__in=roles)
        .select_related("user", "partnership__organisation")
        .order_by("partnership__organisation__name", "role", "user__username")
    )


def respondent_key(event: Event, user) -> str:
    """A keyed fingerprint of (event, person): it tells one answer from another without naming anyone."""
    message = f"{event.pk}:{user.pk}".encode()
    return hmac.new(keys.derived_key("events-evaluation-respondent"), message, hashlib.sha256).hexdigest()


def own_response(user, event: Event):
    """Her own answers, to show back in her form while the evaluation is open; nobody else's."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        EvaluationResponse.objects.filter(event=event, respondent_key=respondent_key(event, user))
        .prefetch_related("scores")
        .first()
    )
