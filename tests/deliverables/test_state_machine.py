"""Who may move a deliverable from which state to which: every pair of states, for every role."""

import itertools

import pytest

from ovoz.audit.models import AuditEntry
from ovoz.deliverables.models import DeliverableState
from ovoz.deliverables.rules import NotYours, TransitionRefused
from ovoz.deliverables.services import (
    deliverable_accept,
    deliverable_change_state,
    deliverable_request_changes,
    deliverable_save_draft,
    deliverable_submit,
    deliverable_withdraw,
)
from tests.deliverables.conftest import put_in_state

STATES = [s.value for s in DeliverableState]
TEAM = {"mentor_a", "researcher_a"}
REVIEWERS = {"mentor_a", "coordinator"}
# Stated here on purpose rather than read from the code: this is the rule of the programme.
ALLOWED = {
    ("not_started", "draft"): TEAM,
    ("draft", "draft"): TEAM,
    ("changes_requested", "draft"): TEAM,
    ("not_started", "submitted"): TEAM,
    ("draft", "submitted"): TEAM,
    ("changes_requested", "submitted"): TEAM,
    ("submitted", "draft"): TEAM,  # withdrawn before review
    ("submitted", "changes_requested"): REVIEWERS,
    ("submitted", "accepted"): REVIEWERS,
}
ACTORS = ["coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"]


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("from_state, to_state", list(itertools.product(STATES, STATES)))
def test_each_role_may_make_exactly_the_allowed_changes(work, from_state, to_state, actor):
    deliverable = put_in_state(work.design_a, from_state)
    allowed = actor in ALLOWED.get((from_state, to_state), set())
    call = dict(actor=getattr(work, actor), deliverable=deliverable, state=to_state,
                comment="Please add the consultation plan.", text="A new version of the design.")
    if allowed:
        deliverable_change_state(**call)
        deliverable.refresh_from_db()
        assert deliverable.state == to_state
    else:
        expected = NotYours if (from_state, to_state) in ALLOWED else TransitionRefused
        with pytest.raises(expected):
            deliverable_change_state(**call)
        deliverable.refresh_from_db()
        assert deliverable.state == from_state


def test_a_refused_change_says_why(work):
    accepted = put_in_state(work.design_a, "accepted")
    with pytest.raises(TransitionRefused, match="accepted: it cannot change"):
        deliverable_submit(actor=work.researcher_a, deliverable=accepted, text="more")
    draft = put_in_state(work.design_b, "draft")
    with pytest.raises(TransitionRefused, match="“Draft” cannot become “Accepted”"):
        deliverable_accept(actor=work.coordinator, deliverable=draft)
    submitted = put_in_state(work.report_a, "submitted")
    with pytest.raises(NotYours, match="mentor or a programme coordinator"):
        deliverable_accept(actor=work.researcher_a, deliverable=submitted)
    with pytest.raises(NotYours, match="researcher or mentor"):
        deliverable_withdraw(actor=work.coordinator, deliverable=submitted)


def test_changes_cannot_be_requested_without_saying_what(work):
    submitted = put_in_state(work.design_a, "submitted")
    with pytest.raises(Exception, match="comment is required"):
        deliverable_request_changes(actor=work.mentor_a, deliverable=submitted, comment="  ")
    submitted.refresh_from_db()
    assert submitted.state == "submitted"


def test_a_submitted_deliverable_is_withdrawn_before_it_is_changed(work):
    submitted = put_in_state(work.design_a, "submitted")
    with pytest.raises(TransitionRefused, match="withdraw it first"):
        deliverable_save_draft(actor=work.researcher_a, deliverable=submitted, text="edit")


def test_resubmitting_after_changes_needs_a_new_version(work):
    d = put_in_state(work.design_a, "changes_requested")
    with pytest.raises(Exception, match="save a new version"):
        deliverable_submit(actor=work.researcher_a, deliverable=d)
    deliverable_submit(actor=work.researcher_a, deliverable=d, text="Revised design")
    assert d.state == "submitted"


def test_every_change_is_audited_with_the_old_and_the_new_state(work):
    d = work.design_a
    deliverable_save_draft(actor=work.researcher_a, deliverable=d, text="Draft")
    deliverable_submit(actor=work.researcher_a, deliverable=d)
    deliverable_request_changes(actor=work.mentor_a, deliverable=d, comment="Say who the co-researchers are.")
    deliverable_submit(actor=work.researcher_a, deliverable=d, text="Revised")
    deliverable_accept(actor=work.coordinator, deliverable=d, comment="Thank you.")
    rows = AuditEntry.objects.filter(object_type="deliverables.deliverable", object_id=str(d.pk)).order_by("at", "pk")
    trail = [(r.actor_label, r.action, r.changes.get("state")) for r in rows]
    assert trail == [
        ("coordinator", "deliverable.create", {"old": None, "new": "not_started"}),
        ("researcher_a", "deliverable.save_draft", {"old": "not_started", "new": "draft"}),
        ("researcher_a", "deliverable.submit", {"old": "draft", "new": "submitted"}),
        ("mentor_a", "deliverable.request_changes", {"old": "submitted", "new": "changes_requested"}),
        ("researcher_a", "deliverable.submit", {"old": "changes_requested", "new": "submitted"}),
        ("coordinator", "deliverable.accept", {"old": "submitted", "new": "accepted"}),
    ]
    assert all(r.partnership_id == work.a.pk and r.programme_id == work.programme.pk for r in rows)
