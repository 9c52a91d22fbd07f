"""Financial reports and advocacy proposals are written in the grants app and are deliverables on the programme
timeline: each page links to the other, through each app's access rules."""

import pytest
from django.urls import reverse

from ovoz.deliverables.models import Deliverable, DeliverableKind, SubmissionMode
from ovoz.deliverables.services import deliverable_template_create
from ovoz.grants.services.proposals import proposal_create
from ovoz.grants.services.reports import report_create
from tests.grants.conftest import D


@pytest.fixture
def timeline(cast, grant_a):
    def template(title, kind, due):
        made = deliverable_template_create(actor=cast.coordinator, programme=cast.programme, title=title, kind=kind,
                                           due_on=due, submission=SubmissionMode.FILE_OR_TEXT)
        return Deliverable.objects.get(partnership=cast.a, template=made)

    cast.finance_a = template("Interim financial report", DeliverableKind.FINANCIAL_REPORT, D(2023, 2, 28))
    cast.proposal_a = template("Advocacy proposal and budget", DeliverableKind.ADVOCACY_PROPOSAL, D(2024, 2, 29))
    cast.interim = report_create(actor=cast.researcher_a, grant=grant_a, template="interim",
                                 period_start=D(2022, 11, 1), period_end=D(2023, 2, 28))
    cast.proposal = proposal_create(actor=cast.researcher_a, partnership=cast.a, title="Hearing in Bishkek",
                                    starts_on=D(2024, 3, 1), ends_on=D(2024, 8, 31), currency="USD")
    return cast


def test_the_financial_report_deliverable_lists_the_partnerships_reports_and_lets_her_start_one(timeline, as_user):
    c = timeline
    body = as_user(c.researcher_a).get(reverse("deliverables:detail", args=[c.finance_a.pk])).content.decode()
    assert 'id="grants-work"' in body
    assert reverse("grants:report_detail", args=[c.interim.pk]) in body and "2022-11-01" in body
    assert reverse("grants:report_create", args=[c.interim.grant_id]) in body


def test_a_coordinator_sees_the_reports_from_the_deliverable_but_is_not_offered_to_write_one(timeline, as_user):
    c = timeline
    body = as_user(c.coordinator).get(reverse("deliverables:detail", args=[c.finance_a.pk])).content.decode()
    assert reverse("grants:report_detail", args=[c.interim.pk]) in body
    assert reverse("grants:report_create", args=[c.interim.grant_id]) not in body


def test_the_proposal_deliverable_lists_the_partnerships_proposals(timeline, as_user):
    c = timeline
    body = as_user(c.researcher_a).get(reverse("deliverables:detail", args=[c.proposal_a.pk])).content.decode()
    assert "Hearing in Bishkek" in body and reverse("grants:proposal_detail", args=[c.proposal.pk]) in body
    assert reverse("grants:proposal_create", args=[c.a.pk]) in body


def test_other_deliverables_have_no_grants_panel(timeline, as_user):
    c = timeline
    other = deliverable_template_create(actor=c.coordinator, programme=c.programme, title="Research design",
                                        kind=DeliverableKind.RESEARCH_DESIGN_DRAFT, due_on=D(2023, 1, 1),
                                        submission=SubmissionMode.TEXT)
    mine = Deliverable.objects.get(partnership=c.a, template=other)
    assert 'id="grants-work"' not in as_user(c.researcher_a).get(
        reverse("deliverables:detail", args=[mine.pk])).content.decode()


def test_the_report_and_the_proposal_link_back_to_their_deliverables(timeline, as_user):
    c = timeline
    client = as_user(c.researcher_a)
    report = client.get(reverse("grants:report_detail", args=[c.interim.pk])).content.decode()
    assert reverse("deliverables:detail", args=[c.finance_a.pk]) in report
    assert reverse("deliverables:detail", args=[c.proposal_a.pk]) not in report
    proposal = client.get(reverse("grants:proposal_detail", args=[c.proposal.pk])).content.decode()
    assert reverse("deliverables:detail", args=[c.proposal_a.pk]) in proposal


def test_partner_b_reaches_neither_side(timeline, as_user):
    c = timeline
    client = as_user(c.researcher_b)
    assert client.get(reverse("deliverables:detail", args=[c.finance_a.pk])).status_code == 404
    assert client.get(reverse("grants:report_detail", args=[c.interim.pk])).status_code == 404
