"""Advocacy proposals: the team proposes a plan and budget; the coordinator approves (making the advocacy
grant with that budget) or returns it with comments."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from ovoz.audit.models import AuditEntry
from ovoz.grants.models import AdvocacyProposal, Grant, GrantKind, ProposalStatus
from ovoz.grants.services import grant_policy_set, proposal_approve, proposal_create, proposal_submit
from tests.grants.conftest import D


def proposal_data(**overrides) -> dict:
    data = {
        "title": "Registration without landlord consent",
        "summary": "Women ask the city for registration.",
        "objectives": "The city hears the women.",
        "activities": "Round table; policy brief.",
        "starts_on": "2024-03-01", "ends_on": "2024-08-31", "currency": "USD",
        "lines-TOTAL_FORMS": "3", "lines-INITIAL_FORMS": "0", "lines-MIN_NUM_FORMS": "0", "lines-MAX_NUM_FORMS": "40",
        "lines-0-category": "advocacy", "lines-0-description": "Round table", "lines-0-amount": "1200.50",
        "lines-1-category": "materials", "lines-1-description": "Policy brief", "lines-1-amount": "800",
        "lines-2-category": "", "lines-2-description": "", "lines-2-amount": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def proposal(cast, policy):
    return proposal_create(
        actor=cast.researcher_a, partnership=cast.a, title="Round table", starts_on=D(2024, 3, 1),
        ends_on=D(2024, 8, 31), currency="USD", summary="s", objectives="o", activities="a",
        lines=[("advocacy", "Round table", "1500"), ("communication", "Video", "500.25")],
    )


def test_the_researcher_drafts_a_proposal_with_its_budget(cast, as_user, policy):
    response = as_user(cast.researcher_a).post(f"/partnerships/{cast.a.pk}/advocacy-proposals/new/", proposal_data())
    proposal = AdvocacyProposal.objects.get()
    assert response["Location"] == f"/grants/proposals/{proposal.pk}/"
    assert proposal.status == ProposalStatus.DRAFT and proposal.partnership == cast.a
    assert [(b.category, b.amount) for b in proposal.budget_lines.all()] == [
        ("advocacy", Decimal("1200.50")), ("materials", Decimal("800.00"))
    ]
    entry = AuditEntry.objects.get(action="advocacy_proposal.create")
    assert entry.actor == cast.researcher_a and entry.partnership_id == cast.a.pk
    page = as_user(cast.researcher_a).get(f"/grants/proposals/{proposal.pk}/").content.decode()
    assert "2,000.50 USD" in page


def test_an_amount_without_a_category_is_refused(cast, as_user, policy):
    response = as_user(cast.mentor_a).post(
        f"/partnerships/{cast.a.pk}/advocacy-proposals/new/", proposal_data(**{"lines-0-category": ""})
    )
    assert "Choose a category for this amount." in response.content.decode()
    assert not AdvocacyProposal.objects.exists()


def test_a_proposal_without_a_budget_cannot_be_submitted(cast, as_user, policy):
    proposal = proposal_create(actor=None, partnership=cast.a, title="t", starts_on=D(2024, 3, 1),
                               ends_on=D(2024, 8, 31), currency="USD")
    response = as_user(cast.researcher_a).post(f"/grants/proposals/{proposal.pk}/submit/", follow=True)
    assert "Add the budget lines" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT


def test_the_coordinator_returns_it_with_comments_and_the_team_resubmits(cast, as_user, proposal):
    as_user(cast.researcher_a).post(f"/grants/proposals/{proposal.pk}/submit/")
    coordinator = as_user(cast.coordinator)
    response = coordinator.post(f"/grants/proposals/{proposal.pk}/review/", {"decision": "changes", "comment": ""},
                                follow=True)
    assert "a comment is required when returning a proposal" in response.content.decode()
    coordinator.post(f"/grants/proposals/{proposal.pk}/review/",
                     {"decision": "changes", "comment": "Add the media budget to communication."})
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CHANGES_REQUESTED
    page = as_user(cast.mentor_a).get(f"/grants/proposals/{proposal.pk}/").content.decode()
    assert "Add the media budget to communication." in page
    data = proposal_data(**{"lines-0-amount": "1000"})
    as_user(cast.mentor_a).post(f"/grants/proposals/{proposal.pk}/edit/", data)
    as_user(cast.mentor_a).post(f"/grants/proposals/{proposal.pk}/submit/")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    update = AuditEntry.objects.get(action="advocacy_proposal.update")
    assert update.changes["budget_lines"]["new"] == ["advocacy|Round table|1000.00", "materials|Policy brief|800.00"]


def test_approving_creates_the_advocacy_grant_with_the_proposals_budget(cast, as_user, proposal):
    proposal_submit(actor=None, proposal=proposal)
    response = as_user(cast.coordinator).post(f"/grants/proposals/{proposal.pk}/review/",
                                              {"decision": "accept", "comment": "Approved."})
    proposal.refresh_from_db()
    grant = proposal.grant
    assert response["Location"] == f"/grants/{grant.pk}/"
    assert proposal.status == ProposalStatus.APPROVED
    assert (grant.kind, grant.currency, grant.amount) == (GrantKind.ADVOCACY, "USD", Decimal("2000.25"))
    assert (grant.starts_on, grant.ends_on) == (D(2024, 3, 1), D(2024, 8, 31))
    assert [(b.category, b.description, b.amount) for b in grant.budget_lines.all()] == [
        ("advocacy", "Round table", Decimal("1500.00")), ("communication", "Video", Decimal("500.25"))
    ]
    assert AuditEntry.objects.filter(action="grant.create", actor=cast.coordinator, partnership=cast.a).exists()
    assert AuditEntry.objects.get(action="advocacy_proposal.approve").changes["grant"]["new"] == str(grant.pk)
    page = as_user(cast.researcher_a).get(f"/grants/{grant.pk}/").content.decode()
    assert "Advocacy sub-grant" in page and "2,000.25 USD" in page


def test_a_proposal_above_the_advocacy_cap_is_refused_at_submission(cast, proposal):
    grant_policy_set(actor=None, programme=cast.programme, currency="USD", research_cap="14000", advocacy_cap="2000")
    message = r"2,000.25 USD is above the programme's advocacy sub-grant cap \(2,000.00 USD\) by 0.25 USD"
    with pytest.raises(ValidationError, match=message):
        proposal_submit(actor=None, proposal=proposal)


def test_an_approved_proposal_cannot_be_approved_again_or_changed(cast, proposal):
    proposal_submit(actor=None, proposal=proposal)
    proposal_approve(actor=None, proposal=proposal)
    with pytest.raises(ValidationError, match="Only a submitted proposal"):
        proposal_approve(actor=None, proposal=proposal)
    assert Grant.objects.filter(kind=GrantKind.ADVOCACY).count() == 1


@pytest.mark.parametrize("name", ["coordinator", "coresearcher_a", "researcher_b", "viewer", "outsider"])
def test_only_the_team_proposes(cast, as_user, policy, name):
    response = as_user(getattr(cast, name)).post(f"/partnerships/{cast.a.pk}/advocacy-proposals/new/",
                                                 proposal_data())
    assert response.status_code == 404
    assert not AdvocacyProposal.objects.exists()


@pytest.mark.parametrize("name", ["mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"])
def test_only_the_coordinator_decides(cast, as_user, proposal, name):
    proposal_submit(actor=None, proposal=proposal)
    response = as_user(getattr(cast, name)).post(f"/grants/proposals/{proposal.pk}/review/",
                                                 {"decision": "accept", "comment": ""})
    assert response.status_code == 404
    assert not Grant.objects.exists()
