"""The demo's money as of mid-2024: five research grants within the cap, reports and proposals.
Loading it twice adds nothing."""

from decimal import Decimal

import pytest

from ovoz.accounts.models import User
from ovoz.audit.models import AuditEntry
from ovoz.demo import data
from ovoz.demo.load import demo_load as load_foundation
from ovoz.grants.demo import demo_load
from ovoz.grants.models import (
    AdvocacyProposal,
    BudgetLine,
    FinancialReport,
    Grant,
    GrantKind,
    ProposalStatus,
    ReportStatus,
    Tranche,
)
from ovoz.grants.money import grant_totals, report_summary
from ovoz.grants.overview import money_overview
from ovoz.programmes.models import Partnership, Programme


@pytest.fixture
def demo(db):
    load_foundation()
    programme = Programme.objects.get(title=data.PROGRAMME["title"])
    partnerships = {
        key: Partnership.objects.get(programme=programme, organisation__name=org)
        for key, org, *_ in data.PARTNERS
    }
    kwargs = {"programme": programme, "partnerships": partnerships,
              "coordinator": User.objects.get(username=data.COORDINATOR[0])}
    demo_load(**kwargs)
    return kwargs


def counts():
    return [m.objects.count() for m in (Grant, BudgetLine, Tranche, FinancialReport, AdvocacyProposal)] + [
        AuditEntry.objects.count()
    ]


def test_loading_the_demo_twice_creates_nothing_new(demo):
    before = counts()
    demo_load(**demo)
    assert counts() == before


def test_each_partner_has_a_research_grant_within_the_cap_with_a_full_budget(demo):
    grants = Grant.objects.filter(kind=GrantKind.RESEARCH)
    assert grants.count() == 5
    for grant in grants:
        totals = grant_totals(grant)
        assert Decimal("12500") <= grant.amount <= Decimal("14000") and grant.currency == "USD"
        assert totals.budgeted == grant.amount
        assert totals.warnings == []
        assert 0 < totals.paid < grant.amount
        categories = list(grant.budget_lines.values_list("category", flat=True))
        assert categories == ["salary", "consultations", "translation", "travel", "communication"]
        interim = grant.reports.get(template="interim")
        final = grant.reports.get(template="final")
        assert (interim.status, final.status) == (ReportStatus.ACCEPTED, ReportStatus.SUBMITTED)
        summary = report_summary(final)
        assert summary.to_date <= grant.amount
        assert summary.earlier == report_summary(interim).actual


def test_three_partners_proposed_advocacy_and_two_were_approved(demo):
    proposals = AdvocacyProposal.objects.all()
    assert proposals.count() == 3
    assert proposals.filter(status=ProposalStatus.APPROVED).count() == 2
    assert proposals.filter(status=ProposalStatus.SUBMITTED).count() == 1
    advocacy = Grant.objects.filter(kind=GrantKind.ADVOCACY)
    assert advocacy.count() == 2
    for grant in advocacy:
        assert grant.amount == sum(line.amount for line in grant.proposal.budget_lines.all())


def test_the_demo_money_overview_adds_up(demo):
    (usd,) = money_overview(demo["programme"]).totals
    assert usd.currency == "USD"
    assert usd.research == sum(g.amount for g in Grant.objects.filter(kind=GrantKind.RESEARCH))
    assert usd.paid > 0 and usd.reported > usd.accepted > 0


def test_the_demo_dates_its_reviews_in_the_programme_not_today(demo):
    interim = FinancialReport.objects.filter(template="interim").first()
    assert interim.submitted_at.year == 2023 and interim.reviewed_at.year == 2023
    assert interim.comments.get().created_at.year == 2023
    assert AdvocacyProposal.objects.filter(status=ProposalStatus.APPROVED).first().decided_at.year == 2024


def test_every_audit_action_the_demo_wrote_has_plain_words(demo):
    from ovoz.grants.audit_labels import ACTION_LABELS

    used = set(AuditEntry.objects.filter(object_type__startswith="grants.").values_list("action", flat=True))
    assert len(used) >= 10
    assert used <= set(ACTION_LABELS)
