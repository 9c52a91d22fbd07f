"""Budget lines never add up to more than the grant (refused); tranches above it are allowed but warned about."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from ovoz.audit.models import AuditEntry
from ovoz.grants.models import BudgetLine, Tranche
from ovoz.grants.money import grant_totals
from ovoz.grants.services import budget_line_update, grant_update, tranche_add, tranche_update
from tests.grants.conftest import D, confirmed


def test_a_budget_line_that_fills_the_grant_exactly_is_added(cast, as_user, grant_a):
    client = as_user(cast.coordinator)
    response = client.post(
        f"/grants/{grant_a.pk}/budget-lines/new/", {"category": "translation", "amount": "1000.00"}, follow=True
    )
    assert "The budget line is added." in response.content.decode()
    assert grant_totals(grant_a).budgeted == Decimal("10000.00")
    assert AuditEntry.objects.filter(action="budget_line.create", partnership=cast.a).count() == 3


def test_a_budget_line_above_the_grant_is_refused_with_the_totals(cast, as_user, grant_a):
    client = as_user(cast.coordinator)
    response = client.post(
        f"/grants/{grant_a.pk}/budget-lines/new/", {"category": "translation", "amount": "1000.01"}, follow=True
    )
    body = response.content.decode()
    assert "would add up to 10,000.01 USD, more than the grant (10,000.00 USD) by 0.01 USD" in body
    assert BudgetLine.objects.filter(grant=grant_a).count() == 2


def test_raising_a_line_past_the_grant_is_refused_and_changes_nothing(cast, grant_a):
    with pytest.raises(ValidationError, match="more than the grant"):
        budget_line_update(actor=None, line=cast.travel, amount="4000.01")
    cast.travel.refresh_from_db()
    assert cast.travel.amount == Decimal("3000.00")


def test_the_grant_cannot_be_lowered_below_its_budget(cast, grant_a):
    with pytest.raises(ValidationError, match="lower them before lowering the grant"):
        grant_update(actor=None, grant=grant_a, amount="8999.99")
    grant_update(actor=None, grant=grant_a, amount="9000")


def test_the_currency_cannot_change_after_a_payment(cast, grant_a):
    tranche_add(actor=None, grant=grant_a, planned_on=D(2022, 12, 1), planned_amount="100",
                paid_on=D(2022, 12, 2), paid_amount="100")
    with pytest.raises(ValidationError, match="currency cannot change"):
        grant_update(actor=None, grant=grant_a, currency="EUR")


def test_tranches_paid_above_the_grant_are_recorded_with_a_visible_warning(cast, as_user, grant_a):
    client = as_user(cast.coordinator)
    client.post(f"/grants/{grant_a.pk}/tranches/new/",
                {"planned_on": "2022-11-15", "planned_amount": "6000", "paid_on": "2022-11-20", "paid_amount": "6000"})
    response = client.post(
        f"/grants/{grant_a.pk}/tranches/new/",
        {"planned_on": "2023-03-15", "planned_amount": "4000", "paid_on": "2023-03-20", "paid_amount": "4000.50"},
        follow=True,
    )
    body = response.content.decode()
    assert "The tranche is added." in body
    assert "10,000.50 USD has been paid, more than the grant (10,000.00 USD)." in body
    assert 'role="alert"' in body
    assert Tranche.objects.filter(grant=grant_a).count() == 2
    # The warning stays on the grant's page, not only in the message after saving.
    page = client.get(f"/grants/{grant_a.pk}/").content.decode()
    assert "10,000.50 USD has been paid, more than the grant" in page


def test_planned_tranches_above_the_grant_are_warned_about(cast, grant_a):
    tranche_add(actor=None, grant=grant_a, planned_on=D(2022, 11, 15), planned_amount="10000")
    tranche_add(actor=None, grant=grant_a, planned_on=D(2023, 11, 15), planned_amount="1")
    warnings = grant_totals(grant_a).warnings
    assert warnings == ["The planned tranches add up to 10,001.00 USD, more than the grant (10,000.00 USD)."]


def test_recording_a_payment_is_audited_as_a_payment(cast, as_user, grant_a):
    tranche = tranche_add(actor=None, grant=grant_a, planned_on=D(2022, 11, 15), planned_amount="5000")
    client = as_user(cast.coordinator)
    client.post(f"/grants/tranches/{tranche.pk}/edit/", {"planned_on": "2022-11-15", "planned_amount": "5000",
                                                         "paid_on": "2022-11-18", "paid_amount": "4990"})
    tranche.refresh_from_db()
    assert tranche.paid_amount == Decimal("4990.00") and tranche.paid_on == D(2022, 11, 18)
    entry = AuditEntry.objects.get(action="tranche.pay")
    assert entry.actor == cast.coordinator
    assert entry.changes["paid_amount"] == {"old": None, "new": "4990.00"}


def test_a_payment_needs_both_its_date_and_amount(cast, grant_a):
    tranche = tranche_add(actor=None, grant=grant_a, planned_on=D(2022, 11, 15), planned_amount="5000")
    with pytest.raises(ValidationError, match="both its date and its amount"):
        tranche_update(actor=None, tranche=tranche, paid_on=D(2022, 11, 18))


def test_removing_a_tranche_asks_for_the_password_then_confirmation(cast, as_user, grant_a):
    tranche = tranche_add(actor=None, grant=grant_a, planned_on=D(2022, 11, 15), planned_amount="5000")
    client = as_user(cast.coordinator)
    response = client.get(f"/grants/tranches/{tranche.pk}/delete/")
    assert response.status_code == 302 and "/auth/confirm/" in response["Location"]
    confirmed(client)
    assert "Remove this?" in client.get(f"/grants/tranches/{tranche.pk}/delete/").content.decode()
    assert Tranche.objects.filter(pk=tranche.pk).exists()
    client.post(f"/grants/tranches/{tranche.pk}/delete/")
    assert not Tranche.objects.filter(pk=tranche.pk).exists()
    assert AuditEntry.objects.get(action="tranche.delete").changes["planned_amount"]["old"] == "5000.00"


def test_a_budget_line_with_reported_spending_cannot_be_removed(cast, as_user, grant_a):
    from ovoz.grants.services import report_create, report_submit, report_update

    report = report_create(actor=None, grant=grant_a, template="interim", period_start=D(2022, 11, 1),
                           period_end=D(2023, 2, 28))
    report_update(actor=None, report=report, lines={cast.travel.pk: ("10", "")})
    report_submit(actor=None, report=report)
    client = confirmed(as_user(cast.coordinator))
    response = client.post(f"/grants/budget-lines/{cast.travel.pk}/delete/", follow=True)
    assert "already reported on this budget line" in response.content.decode()
    assert BudgetLine.objects.filter(pk=cast.travel.pk).exists()


@pytest.mark.parametrize("name", ["mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer"])
def test_only_the_coordinator_changes_budgets_and_tranches(cast, as_user, grant_a, name):
    client = confirmed(as_user(getattr(cast, name)))
    assert client.post(f"/grants/{grant_a.pk}/budget-lines/new/",
                       {"category": "other", "amount": "1"}).status_code == 404
    assert client.post(f"/grants/{grant_a.pk}/tranches/new/",
                       {"planned_on": "2023-01-01", "planned_amount": "1"}).status_code == 404
    assert client.post(f"/grants/budget-lines/{cast.salary.pk}/edit/",
                       {"category": "salary", "amount": "1"}).status_code == 404
    assert client.post(f"/grants/{grant_a.pk}/edit/", {"amount": "1"}).status_code == 404
    assert BudgetLine.objects.filter(grant=grant_a).count() == 2
    assert not Tranche.objects.exists()


@pytest.mark.parametrize("typed, expected", [("1250,50", "1250.50"), ("1 250.50", "1250.50"), ("1250", "1250.00")])
def test_amounts_are_read_as_people_type_them(cast, as_user, grant_a, typed, expected):
    as_user(cast.coordinator).post(f"/grants/{grant_a.pk}/tranches/new/",
                                   {"planned_on": "2022-11-15", "planned_amount": typed})
    assert Tranche.objects.get().planned_amount == Decimal(expected)
