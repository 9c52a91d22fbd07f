"""Financial reports: spending per budget line, variance in Decimal, warnings above the grant, states and
who may change them, every change audited."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from ovoz.audit.models import AuditEntry
from ovoz.grants.models import FinancialReport, GrantKind, ReportStatus
from ovoz.grants.money import report_summary, variance
from ovoz.grants.services import (
    grant_create,
    report_accept,
    report_create,
    report_request_changes,
    report_submit,
    report_update,
)
from tests.grants.conftest import D


@pytest.fixture
def interim(cast, grant_a):
    return report_create(actor=cast.researcher_a, grant=grant_a, template="interim",
                         period_start=D(2022, 11, 1), period_end=D(2023, 2, 28))


def edit_data(report, cast, salary: str, travel: str, **extra) -> dict:
    data = {
        "period_start": report.period_start.isoformat(), "period_end": report.period_end.isoformat(), "notes": "",
        f"actual_{cast.salary.pk}": salary, f"notes_{cast.salary.pk}": "",
        f"actual_{cast.travel.pk}": travel, f"notes_{cast.travel.pk}": "",
    }
    data.update(extra)
    return data


# --- arithmetic ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "actual, budget, absolute, pct",
    [
        ("1100.00", "1000.00", "100.00", "10.0"),
        ("900.00", "1000.00", "-100.00", "-10.0"),
        ("0.10", "0.30", "-0.20", "-66.7"),
        ("2000.01", "3000.00", "-999.99", "-33.3"),
        ("333.33", "1000.00", "-666.67", "-66.7"),
        ("1000.00", "1000.00", "0.00", "0.0"),
        ("50.00", "0.00", "50.00", None),
    ],
)
def test_variance_is_actual_minus_budget_in_exact_decimals(actual, budget, absolute, pct):
    got_abs, got_pct = variance(Decimal(actual), Decimal(budget))
    assert got_abs == Decimal(absolute) and isinstance(got_abs, Decimal)
    assert got_pct == (Decimal(pct) if pct is not None else None)


def test_variance_percent_rounds_half_up_not_to_even():
    assert variance(Decimal("1000.25"), Decimal("1000.00"))[1] == Decimal("0.0")
    assert variance(Decimal("1000.50"), Decimal("1000.00"))[1] == Decimal("0.1")  # 0.05 % rounds up
    assert variance(Decimal("1001.50"), Decimal("1000.00"))[1] == Decimal("0.2")  # 0.15 % rounds up


def test_a_report_counts_earlier_reports_towards_spending_to_date(cast, grant_a, interim):
    report_update(actor=None, report=interim, lines={cast.salary.pk: ("2000.10", ""), cast.travel.pk: ("0.20", "")})
    report_submit(actor=None, report=interim)
    final = report_create(actor=None, grant=grant_a, template="final", period_start=D(2023, 3, 1),
                          period_end=D(2024, 1, 31))
    report_update(actor=None, report=final, lines={cast.salary.pk: ("4000.00", ""), cast.travel.pk: ("3100.10", "")})
    s = report_summary(final)
    salary, travel = s.rows
    assert (salary.earlier, salary.actual, salary.to_date) == (Decimal("2000.10"), Decimal("4000.00"),
                                                               Decimal("6000.10"))
    assert (salary.variance, salary.variance_pct) == (Decimal("0.10"), Decimal("0.0"))
    assert (travel.to_date, travel.variance, travel.variance_pct) == (Decimal("3100.30"), Decimal("100.30"),
                                                                      Decimal("3.3"))
    assert s.budget == Decimal("9000.00") and s.to_date == Decimal("9100.40") and s.variance == Decimal("100.40")
    assert s.warnings == [
        "Over budget to date: Researcher salary and on-costs: Researcher (+0.10 USD); "
        "Travel to trainings (+100.30 USD)."
    ]


def test_a_draft_earlier_report_does_not_count_until_it_is_sent_in(cast, grant_a, interim):
    report_update(actor=None, report=interim, lines={cast.salary.pk: ("2000", "")})
    final = report_create(actor=None, grant=grant_a, template="final", period_start=D(2023, 3, 1),
                          period_end=D(2024, 1, 31))
    assert report_summary(final).earlier == Decimal("0.00")


# --- warnings ------------------------------------------------------------------------------------------------


def test_spending_above_the_grant_is_saved_and_shown_with_a_warning(cast, as_user, grant_a, interim):
    client = as_user(cast.researcher_a)
    response = client.post(f"/grants/reports/{interim.pk}/edit/", edit_data(interim, cast, "7000.00", "3000.01"),
                           follow=True)
    body = response.content.decode()
    assert "The report is saved." in body
    assert "Spending to date (10,000.01 USD) is more than the grant (10,000.00 USD) by 0.01 USD." in body
    assert 'role="alert"' in body
    assert report_summary(interim).to_date == Decimal("10000.01")
    # The coordinator sees the same warning when she reviews it.
    report_submit(actor=None, report=interim)
    page = as_user(cast.coordinator).get(f"/grants/reports/{interim.pk}/").content.decode()
    assert "is more than the grant (10,000.00 USD) by 0.01 USD" in page
    grant_page = as_user(cast.coordinator).get(f"/grants/{grant_a.pk}/").content.decode()
    assert "The reports declare 10,000.01 USD spent, more than the grant (10,000.00 USD)." in grant_page


def test_spending_within_the_grant_shows_no_warning(cast, as_user, interim):
    client = as_user(cast.researcher_a)
    response = client.post(f"/grants/reports/{interim.pk}/edit/", edit_data(interim, cast, "6000", "3000"),
                           follow=True)
    assert "Check these totals" not in response.content.decode()


def test_a_negative_or_malformed_amount_is_refused_and_nothing_is_saved(cast, as_user, interim):
    client = as_user(cast.researcher_a)
    response = client.post(f"/grants/reports/{interim.pk}/edit/", edit_data(interim, cast, "-5", "abc"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ensure this value is greater than or equal to 0." in body and "Enter a number." in body
    assert report_summary(interim).actual == Decimal("0.00")
    assert not AuditEntry.objects.filter(action="financial_report.update").exists()


# --- periods and templates ------------------------------------------------------------------------------------


def test_periods_of_one_grant_cannot_overlap(cast, grant_a, interim):
    with pytest.raises(ValidationError, match="overlaps the interim financial report"):
        report_create(actor=None, grant=grant_a, template="final", period_start=D(2023, 2, 28),
                      period_end=D(2024, 1, 31))


def test_a_period_outside_the_grant_is_refused(cast, grant_a):
    with pytest.raises(ValidationError, match="within the grant"):
        report_create(actor=None, grant=grant_a, template="interim", period_start=D(2022, 10, 1),
                      period_end=D(2023, 1, 31))


def test_a_research_grant_is_reported_on_the_interim_and_final_templates_only(cast, grant_a):
    with pytest.raises(ValidationError, match="reported with"):
        report_create(actor=None, grant=grant_a, template="advocacy", period_start=D(2023, 1, 1),
                      period_end=D(2023, 1, 31))


def test_an_advocacy_grant_has_one_advocacy_report(cast, policy):
    from ovoz.grants.services import budget_line_add

    grant = grant_create(actor=None, partnership=cast.a, kind=GrantKind.ADVOCACY, currency="USD", amount="3000",
                         starts_on=D(2024, 3, 1), ends_on=D(2024, 8, 31))
    budget_line_add(actor=None, grant=grant, category="advocacy", amount="3000")
    report_create(actor=None, grant=grant, template="advocacy", period_start=D(2024, 3, 1), period_end=D(2024, 5, 31))
    with pytest.raises(ValidationError, match="already has its advocacy financial report"):
        report_create(actor=None, grant=grant, template="advocacy", period_start=D(2024, 6, 1),
                      period_end=D(2024, 8, 31))


# --- states and who may change them ------------------------------------------------------------------------------


def test_the_researcher_starts_a_report_through_the_page(cast, as_user, grant_a):
    client = as_user(cast.researcher_a)
    response = client.post(f"/grants/{grant_a.pk}/reports/new/",
                           {"template": "interim", "period_start": "2022-11-01", "period_end": "2023-02-28"})
    report = FinancialReport.objects.get()
    assert response["Location"] == f"/grants/reports/{report.pk}/edit/"
    assert report.status == ReportStatus.DRAFT and report.created_by == cast.researcher_a
    assert report.lines.count() == 2
    entry = AuditEntry.objects.get(action="financial_report.create")
    assert entry.actor == cast.researcher_a and entry.partnership_id == cast.a.pk


def test_the_whole_review_cycle_with_each_change_audited(cast, as_user, interim):
    mentor = as_user(cast.mentor_a)
    mentor.post(f"/grants/reports/{interim.pk}/edit/", edit_data(interim, cast, "2500", "800"))
    mentor.post(f"/grants/reports/{interim.pk}/submit/")
    interim.refresh_from_db()
    assert interim.status == ReportStatus.SUBMITTED and interim.submitted_at is not None

    coordinator = as_user(cast.coordinator)
    response = coordinator.post(f"/grants/reports/{interim.pk}/review/", {"decision": "changes", "comment": ""},
                                follow=True)
    assert "a comment is required when asking for changes" in response.content.decode()
    coordinator.post(f"/grants/reports/{interim.pk}/review/",
                     {"decision": "changes", "comment": "Travel receipts are missing."})
    interim.refresh_from_db()
    assert interim.status == ReportStatus.CHANGES_REQUESTED

    researcher = as_user(cast.researcher_a)
    page = researcher.get(f"/grants/reports/{interim.pk}/").content.decode()
    assert "Travel receipts are missing." in page
    researcher.post(f"/grants/reports/{interim.pk}/edit/", edit_data(interim, cast, "2500", "750"))
    researcher.post(f"/grants/reports/{interim.pk}/submit/")
    as_user(cast.coordinator).post(f"/grants/reports/{interim.pk}/review/", {"decision": "accept", "comment": ""})
    interim.refresh_from_db()
    assert interim.status == ReportStatus.ACCEPTED

    actions = list(
        AuditEntry.objects.filter(object_type="grants.financialreport", object_id=str(interim.pk))
        .order_by("at", "id").values_list("action", "actor__username")
    )
    assert actions == [
        ("financial_report.create", "researcher_a"),
        ("financial_report.update", "mentor_a"),
        ("financial_report.submit", "mentor_a"),
        ("financial_report.request_changes", "coordinator"),
        ("financial_report.update", "researcher_a"),
        ("financial_report.submit", "researcher_a"),
        ("financial_report.accept", "coordinator"),
    ]
    update = AuditEntry.objects.filter(action="financial_report.update", actor=cast.researcher_a).get()
    assert update.changes[f"line {cast.travel.pk}"] == {
        "old": {"actual": "800.00", "notes": ""}, "new": {"actual": "750.00", "notes": ""}
    }


def test_a_submitted_or_accepted_report_cannot_be_changed_by_the_team(cast, as_user, interim):
    report_submit(actor=None, report=interim)
    client = as_user(cast.researcher_a)
    response = client.post(f"/grants/reports/{interim.pk}/edit/", edit_data(interim, cast, "1", "1"), follow=True)
    assert "cannot be changed now" in response.content.decode()
    report_accept(actor=None, report=interim)
    with pytest.raises(ValidationError, match="can be changed only as a draft"):
        report_update(actor=None, report=interim, lines={cast.salary.pk: ("1", "")})
    with pytest.raises(ValidationError, match="can be changed only as a draft"):
        report_submit(actor=None, report=interim)


def test_only_a_submitted_report_can_be_reviewed(cast, interim):
    with pytest.raises(ValidationError, match="Only a submitted report"):
        report_accept(actor=None, report=interim)
    with pytest.raises(ValidationError, match="Only a submitted report"):
        report_request_changes(actor=None, report=interim, comment="x")


@pytest.mark.parametrize("name", ["mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"])
def test_nobody_but_the_coordinator_reviews(cast, as_user, interim, name):
    report_submit(actor=None, report=interim)
    response = as_user(getattr(cast, name)).post(f"/grants/reports/{interim.pk}/review/",
                                                 {"decision": "accept", "comment": ""})
    assert response.status_code == 404
    interim.refresh_from_db()
    assert interim.status == ReportStatus.SUBMITTED


@pytest.mark.parametrize("name", ["coordinator", "coresearcher_a", "researcher_b", "viewer", "outsider"])
def test_nobody_but_the_team_drafts_and_submits(cast, as_user, grant_a, interim, name):
    client = as_user(getattr(cast, name))
    assert client.post(f"/grants/reports/{interim.pk}/submit/").status_code == 404
    assert client.post(f"/grants/reports/{interim.pk}/edit/", edit_data(interim, cast, "1", "1")).status_code == 404
    assert client.post(f"/grants/{grant_a.pk}/reports/new/", {"template": "final", "period_start": "2023-03-01",
                                                              "period_end": "2024-01-31"}).status_code == 404
    interim.refresh_from_db()
    assert interim.status == ReportStatus.DRAFT
    assert FinancialReport.objects.count() == 1


def test_the_team_and_the_coordinator_comment_and_it_is_audited(cast, as_user, interim):
    as_user(cast.coordinator).post(f"/grants/reports/{interim.pk}/comments/", {"body": "Use the new template."})
    as_user(cast.mentor_a).post(f"/grants/reports/{interim.pk}/comments/", {"body": "Done."})
    assert list(interim.comments.values_list("body", flat=True)) == ["Use the new template.", "Done."]
    assert AuditEntry.objects.filter(action="financial_report.comment", partnership=cast.a).count() == 2
    assert as_user(cast.coresearcher_a).post(f"/grants/reports/{interim.pk}/comments/",
                                             {"body": "x"}).status_code == 404
