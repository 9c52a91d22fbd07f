"""The deliverable state machine: which state may follow which, and who may move it.

    not started ─┐
    draft ───────┼─(team: save a version)──▶ draft
    changes req. ┘─(team: submit)─────────▶ submitted ─(team: withdraw)──▶ draft
                                            submitted ─(reviewer)─────────▶ changes requested | accepted

"Team" is the partnership's researcher or mentor; "reviewer" is the partnership's mentor or a
coordinator of the programme. An accepted deliverable is final. Everything else is refused with a
sentence that says why.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from ovoz.deliverables.models import Deliverable, DeliverableState
from ovoz.programmes.access import is_coordinator_of, partnership_role

S = DeliverableState
TEAM = "team"
REVIEWER = "reviewer"

# (from, to) -> who may make it
TRANSITIONS: dict[tuple[str, str], str] = {
    (S.NOT_STARTED, S.DRAFT): TEAM,
    (S.DRAFT, S.DRAFT): TEAM,
    (S.CHANGES_REQUESTED, S.DRAFT): TEAM,
    (S.NOT_STARTED, S.SUBMITTED): TEAM,
    (S.DRAFT, S.SUBMITTED): TEAM,
    (S.CHANGES_REQUESTED, S.SUBMITTED): TEAM,
    (S.SUBMITTED, S.DRAFT): TEAM,
    (S.SUBMITTED, S.CHANGES_REQUESTED): REVIEWER,
    (S.SUBMITTED, S.ACCEPTED): REVIEWER,
}


class TransitionRefused(ValidationError):
    """That state cannot follow the current one."""


class NotYours(PermissionDenied):
    """The state may follow, but not by this person's hand."""


def is_team(user, deliverable: Deliverable) -> bool:
    """The partnership's researcher or mentor: they draft and submit."""
    if user is None:
        return True  # the system (demo loader, imports)
    role = partnership_role(user, deliverable.partnership)
    # The roles that work on a partnership's research are the ones that submit it.
    return role is not None and role.can_edit_evidence()


def is_reviewer(user, deliverable: Deliverable) -> bool:
    """The partnership's mentor or a coordinator of its programme."""
    if user is None:
        return True
    if is_coordinator_of(user, deliverable.partnership.programme_id):
        return True
    role = partnership_role(user, deliverable.partnership)
    return role is not None and role.can_review_deliverables()


def may(user, deliverable: Deliverable, to_state: str) -> bool:
    who = TRANSITIONS.get((deliverable.state, to_state))
    if who == TEAM:
        return is_team(user, deliverable)
    if who == REVIEWER:
        return is_reviewer(user, deliverable)
    return False


def check(user, deliverable: Deliverable, to_state: str) -> None:
    """Raise ``TransitionRefused`` or ``NotYours`` unless ``user`` may move ``deliverable`` to ``to_state``."""
    try:
        target = DeliverableState(to_state)
    except ValueError:
        raise TransitionRefused(
            _("%(state)s is not a state of a deliverable.") % {"state": to_state}
        ) from None
    current = deliverable.state_enum
    who = TRANSITIONS.get((current, target))
    if who is None:
        if current == S.ACCEPTED:
            raise TransitionRefused(_("This deliverable is accepted: it cannot change any more."))
        raise TransitionRefused(
            _("A deliverable that is “%(current)s” cannot become “%(target)s”.")
            % {"current": current.label, "target": target.label}
        )
    if who == TEAM and not is_team(user, deliverable):
        raise NotYours(_("Only the partnership's researcher or mentor can draft, submit or withdraw it."))
    if who == REVIEWER and not is_reviewer(user, deliverable):
        raise NotYours(_("Only the partnership's mentor or a programme coordinator can review it."))


def allowed_targets(user, deliverable: Deliverable) -> list[DeliverableState]:
    return [S(to) for (frm, to) in TRANSITIONS if frm == deliverable.state and may(user, deliverable, to)]
