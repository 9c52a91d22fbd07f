"""Who sees the safety records.

* A partnership's risk register, incident log and its own support contacts: its mentor and researchers, and the
  programme's coordinators. Not its community co-researchers (the register names threats against the team and
  how the team protects itself; a co-researcher who is at risk tells the team, which records it), not viewers,
  not other partnerships.
* The programme's support contacts (no partnership): the coordinators and every team member of the programme,
  co-researchers included, since anyone on a team may need a lawyer or a helpline at night.
* The emergency lock: a coordinator of the programme, or the partnership's mentor.
Missing and forbidden both answer 404.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from ovoz.accounts.roles import Role
from ovoz.programmes.access import (
    coordinated_programme_ids,
    get_partnership_for_user,
    is_coordinator_of,
    memberships_of,
    one_or_404,
    partnership_role,
)
from ovoz.safety.models import FollowUp, Risk, SafetyIncident, SupportContact


def _superuser(user) -> bool:
    return bool(getattr(user, "is_superuser", False))


def _team_ids(user) -> set[int]:
    return {
        m.partnership_id for m in memberships_of(user)
        if m.partnership_id and m.role in (Role.MENTOR, Role.RESEARCHER)
    }


def _partnership_q(user, field: str = "partnership") -> Q:
    return Q(**{f"{field}__programme_id__in": coordinated_programme_ids(user)}) | Q(
        **{f"{field}_id__in": _team_ids(user)}
    )


def can_see_safety(user, partnership) -> bool:
    if _superuser(user) or is_coordinator_of(user, partnership.programme_id):
        return True
    return partnership.pk in _team_ids(user)


def get_safety_partnership_for_user(user, pk):
    """The partnership whose safety pages she opens; 404 unless she may see them."""
    partnership = get_partnership_for_user(user, pk)
    if not can_see_safety(user, partnership):
        raise Http404
    return partnership


def risks_visible_to(user) -> QuerySet[Risk]:
    qs = Risk.objects.select_related("partnership__organisation", "owner")
    return qs if _superuser(user) else qs.filter(_partnership_q(user))


def get_risk_for_user(user, pk) -> Risk:
    return one_or_404(risks_visible_to(user), pk)


def incidents_visible_to(user) -> QuerySet[SafetyIncident]:
    qs = SafetyIncident.objects.select_related("partnership__organisation", "risk", "reported_by")
    return qs if _superuser(user) else qs.filter(_partnership_q(user))


def get_incident_for_user(user, pk) -> SafetyIncident:
    return one_or_404(incidents_visible_to(user), pk)


def follow_ups_of(incident: SafetyIncident) -> QuerySet[FollowUp]:
    return incident.follow_ups.select_related("by")


def _team_programme_ids(user) -> set[int]:
    return {m.programme_id for m in memberships_of(user) if m.partnership_id and Role(m.role).needs_partnership()}


def contacts_visible_to(user) -> QuerySet[SupportContact]:
    qs = SupportContact.objects.select_related("partnership__organisation", "programme")
    if _superuser(user):
        return qs
    return qs.filter(
        Q(programme_id__in=coordinated_programme_ids(user))
        | Q(partnership_id__in=_team_ids(user))
        | Q(partnership__isnull=True, programme_id__in=_team_programme_ids(user))
    )


def can_see_programme_contacts(user, programme_id: int) -> bool:
    return _superuser(user) or programme_id in coordinated_programme_ids(user) or programme_id in _team_programme_ids(
        user
    )


def get_contact_for_user(user, pk, *, write: bool = False) -> SupportContact:
    contact = one_or_404(contacts_visible_to(user), pk)
    if write and not can_edit_contact(user, contact):
        raise Http404
    return contact


def can_edit_contact(user, contact: SupportContact) -> bool:
    if contact.partnership_id is None:
        return _superuser(user) or is_coordinator_of(user, contact.programme_id)
    return can_see_safety(user, contact.partnership)


def can_lock(user, partnership) -> bool:
    """A coordinator of the programme, or the partnership's own mentor."""
    if _superuser(user) or is_coordinator_of(user, partnership.programme_id):
        return True
    return partnership_role(user, partnership) == Role.MENTOR


def get_lockable_partnership_for_user(user, pk):
    partnership = get_partnership_for_user(user, pk)
    if not can_lock(user, partnership):
        raise Http404
    return partnership
