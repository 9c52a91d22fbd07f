"""The programme's money overview: per partnership and currency, and totals; a handful of queries."""

from decimal import Decimal

import pytest

from ovoz.grants.models import GrantKind
from ovoz.grants.overview import money_overview
from ovoz.grants.services import (
    grant_create,
    report_accept,
    report_create,
    report_submit,
    report_update,
    tranche_add,
)
from tests.grants.conftest import D


@pytest.fixture
def money(cast, grant_a, grant_b):
    """A: 10,000 USD research, 6,000 paid, 2,500.50 accepted + 1,000 submitted + 99 in a draft; 1,000 EUR advocacy.
    B: 12,000 USD research, 12,000.01 paid (above the grant)."""
    tranche_add(actor=None, grant=grant_a, planned_on=D(2022, 11, 15), planned_amount="6000",
                paid_on=D(2022, 11, 20), paid_amount="6000")
    tranche_add(actor=None, grant=grant_a, planned_on=D(2023, 3, 15), planned_amount="4000")
    interim = report_create(actor=None, grant=grant_a, template="interim", period_start=D(2022, 11, 1),
                            period_end=D(2023, 1, 31))
    report_update(actor=None, report=interim, lines={cast.salary.pk: ("2000.50", ""), cast.travel.pk: ("500", "")})
    report_submit(actor=None, report=interim)
    report_accept(actor=None, report=interim)
    second = report_create(actor=None, grant=grant_a, template="interim", period_start=D(2023, 2, 1),
                           period_end=D(2023, 5, 31))
    report_update(actor=None, report=second, lines={cast.salary.pk: ("1000", "")})
    report_submit(actor=None, report=second)
    draft = report_create(actor=None, grant=grant_a, template="final", period_start=D(2023, 6, 1),
                          period_end=D(2024, 1, 31))
    report_update(actor=None, report=draft, lines={cast.salary.pk: ("99", "")})
    grant_create(actor=None, partnership=cast.a, kind=GrantKind.ADVOCACY, currency="EUR", amount="1000",
                 starts_on=D(2024, 3, 1), ends_on=D(2024, 8, 31))
    tranche_add(actor=None, grant=grant_b, planned_on=D(2022, 11, 15), planned_amount="12000",
                paid_on=D(2022, 11, 20), paid_amount="12000.01")
    return cast


def test_the_overview_gives_each_partnership_its_money_by_currency(money):
    overview = money_overview(money.programme)
    rows = {r.partnership.pk: r for r in overview.rows}
    a_eur, a_usd = rows[money.a.pk].by_currency
    assert a_eur.as_dict() == {
        "currency": "EUR", "granted": Decimal("1000.00"), "research": Decimal("0.00"), "advocacy": Decimal("1000.00"),
        "paid": Decimal("0.00"), "reported": Decimal("0.00"), "accepted": Decimal("0.00"),
        "balance": Decimal("0.00"), "to_pay": Decimal("1000.00"),
    }
    assert a_usd.as_dict() == {
        "currency": "USD", "granted": Decimal("10000.00"), "research": Decimal("10000.00"),
        "advocacy": Decimal("0.00"), "paid": Decimal("6000.00"), "reported": Decimal("3500.50"),
        "accepted": Decimal("2500.50"), "balance": Decimal("2499.50"), "to_pay": Decimal("4000.00"),
    }
    (b_usd,) = rows[money.b.pk].by_currency
    assert (b_usd.granted, b_usd.paid, b_usd.to_pay) == (Decimal("12000.00"), Decimal("12000.01"), Decimal("-0.01"))
    assert b_usd.overpaid and not a_usd.overpaid
    assert [r.partnership.pk for r in overview.warnings] == [money.b.pk]


def test_totals_are_per_currency_and_never_mix_currencies(money):
    totals = {m.currency: m for m in money_overview(money.programme).totals}
    assert set(totals) == {"EUR", "USD"}
    assert totals["USD"].granted == Decimal("22000.00")
    assert totals["USD"].paid == Decimal("18000.01")
    assert totals["USD"].reported == Decimal("3500.50")
    assert totals["EUR"].granted == Decimal("1000.00")


def test_a_partnership_without_grants_is_listed_with_nothing(cast, policy):
    overview = money_overview(cast.programme.pk)
    assert [r.by_currency for r in overview.rows] == [[], []]
    assert overview.totals == []


def test_the_overview_takes_four_queries_whatever_the_number_of_grants(money, django_assert_num_queries):
    with django_assert_num_queries(4):
        money_overview(money.programme)


def test_the_coordinator_sees_the_money_page_with_the_warning(money, as_user):
    response = as_user(money.coordinator).get(f"/programmes/{money.programme.pk}/money/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Partner B: paid 12,000.01 USD of 12,000.00 USD granted" in body
    assert "2,499.50" in body and "3,500.50" in body


def test_the_money_page_takes_few_queries(money, as_user, django_assert_max_num_queries):
    client = as_user(money.coordinator)
    client.get(f"/programmes/{money.programme.pk}/money/")
    with django_assert_max_num_queries(14):
        client.get(f"/programmes/{money.programme.pk}/money/")


@pytest.mark.parametrize("name", ["mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"])
def test_only_the_coordinator_sees_the_programmes_money(money, as_user, name):
    assert as_user(getattr(money, name)).get(f"/programmes/{money.programme.pk}/money/").status_code == 404


def test_the_coordinator_gets_404_for_another_programmes_money(money, as_user):
    assert as_user(money.coordinator).get(f"/programmes/{money.other_programme.pk}/money/").status_code == 404
