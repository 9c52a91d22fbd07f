"""/api/v1/grants: the grants each person may see, one grant with its budget, tranches and report totals,
and the programme's money overview for its coordinator."""

from decimal import Decimal

import pytest

from ovoz.grants.models import GrantKind
from ovoz.grants.services import (
    budget_line_add,
    grant_create,
    grant_policy_set,
    report_create,
    report_submit,
    report_update,
    tranche_add,
)
from tests.api.conftest import ids
from tests.grants.conftest import D


@pytest.fixture
def grants(cast):
    grant_policy_set(actor=None, programme=cast.programme, currency="USD", research_cap="14000")
    cast.ga = grant_create(actor=None, partnership=cast.a, kind=GrantKind.RESEARCH, currency="USD", amount="14000",
                           starts_on=D(2022, 11, 1), ends_on=D(2024, 1, 31), reference="CA-01")
    cast.salary = budget_line_add(actor=None, grant=cast.ga, category="salary", amount="8000")
    tranche_add(actor=None, grant=cast.ga, planned_on=D(2022, 11, 15), planned_amount="7000",
                paid_on=D(2022, 11, 20), paid_amount="7000")
    report = report_create(actor=None, grant=cast.ga, template="interim", period_start=D(2022, 11, 1),
                           period_end=D(2023, 2, 28))
    report_update(actor=None, report=report, lines={cast.salary.pk: ("2400.10", "")})
    report_submit(actor=None, report=report)
    cast.report = report
    cast.gadv = grant_create(actor=None, partnership=cast.a, kind=GrantKind.ADVOCACY, currency="USD", amount="3000",
                             starts_on=D(2024, 3, 1), ends_on=D(2024, 8, 31))
    cast.gb = grant_create(actor=None, partnership=cast.b, kind=GrantKind.RESEARCH, currency="USD", amount="12000",
                           starts_on=D(2022, 11, 1), ends_on=D(2024, 1, 31))
    return cast


@pytest.mark.parametrize(
    "name, expected",
    [
        ("coordinator", ["ga", "gadv", "gb"]),
        ("mentor_a", ["ga", "gadv"]),
        ("researcher_a", ["ga", "gadv"]),
        ("researcher_b", ["gb"]),
        ("coresearcher_a", []),
        ("viewer", []),
        ("outsider", []),
    ],
)
def test_each_person_lists_only_the_grants_she_may_see(grants, api_as, name, expected):
    response = api_as(getattr(grants, name)).get("/grants")
    assert response.status_code == 200
    assert sorted(ids(response)) == sorted(getattr(grants, g).pk for g in expected)
    assert response.json()["count"] == len(expected)


def test_the_list_filters_by_programme_partnership_and_kind(grants, api_as):
    client = api_as(grants.coordinator)
    assert sorted(ids(client.get("/grants", {"partnership_id": grants.a.pk}))) == sorted([grants.ga.pk, grants.gadv.pk])
    assert ids(client.get("/grants", {"kind": "advocacy"})) == [grants.gadv.pk]
    assert ids(client.get("/grants", {"programme_id": grants.other_programme.pk})) == []
    assert client.get("/grants", {"kind": "other"}).status_code == 400


def test_a_listed_grant_carries_its_totals_as_decimal_strings(grants, api_as):
    items = api_as(grants.researcher_a).get("/grants", {"kind": "research"}).json()["items"]
    assert items == [{
        "id": grants.ga.pk, "programme_id": grants.programme.pk, "partnership_id": grants.a.pk,
        "organisation": "Partner A", "kind": "research", "currency": "USD", "amount": "14000.00",
        "starts_on": "2022-11-01", "ends_on": "2024-01-31", "status": "active", "reference": "CA-01",
        "budgeted": "8000.00", "paid": "7000.00", "reported": "2400.10",
    }]


def test_one_grant_with_its_budget_lines_tranches_and_report_totals(grants, api_as):
    body = api_as(grants.mentor_a).get(f"/grants/{grants.ga.pk}").json()
    assert body["amount"] == "14000.00" and body["balance"] == "4599.90" and body["to_pay"] == "7000.00"
    assert body["budget_lines"] == [
        {"id": grants.salary.pk, "category": "salary", "description": "", "amount": "8000.00"}
    ]
    assert [(t["planned_amount"], t["paid_amount"]) for t in body["tranches"]] == [("7000.00", "7000.00")]
    (report,) = body["reports"]
    assert report == {
        "id": grants.report.pk, "template": "interim", "status": "submitted", "period_start": "2022-11-01",
        "period_end": "2023-02-28", "budget": "8000.00", "spent_in_period": "2400.10", "spent_to_date": "2400.10",
        "variance": "-5599.90", "variance_pct": "-70.0", "warnings": [],
    }
    assert body["warnings"] == [] and body["proposal_id"] is None


@pytest.mark.parametrize("name", ["researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_anothers_grant_answers_404_exactly_like_a_missing_one(grants, api_as, name):
    client = api_as(getattr(grants, name))
    forbidden = client.get(f"/grants/{grants.ga.pk}")
    missing = client.get("/grants/999999")
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.json() == missing.json() == {"detail": "Not found."}


def test_the_coordinator_reads_the_programmes_money(grants, api_as):
    body = api_as(grants.coordinator).get(f"/grants/programmes/{grants.programme.pk}/money").json()
    a = next(p for p in body["partnerships"] if p["partnership_id"] == grants.a.pk)
    assert a["by_currency"] == [{
        "currency": "USD", "granted": "17000.00", "research": "14000.00", "advocacy": "3000.00", "paid": "7000.00",
        "reported": "2400.10", "accepted": "0.00", "balance": "4599.90", "to_pay": "10000.00",
    }]
    assert body["totals"][0]["granted"] == "29000.00"


@pytest.mark.parametrize("name", ["mentor_a", "researcher_a", "researcher_b", "viewer", "outsider"])
def test_only_the_coordinator_reads_the_money_overview(grants, api_as, name):
    response = api_as(getattr(grants, name)).get(f"/grants/programmes/{grants.programme.pk}/money")
    assert response.status_code == 404


def test_the_api_needs_a_token(grants, api_anonymous):
    assert api_anonymous.get("/grants").status_code == 401
    assert api_anonymous.get(f"/grants/{grants.ga.pk}").status_code == 401


def test_the_grants_endpoints_are_in_the_openapi_document(grants, api_anonymous):
    paths = api_anonymous.get("/openapi.json").json()["paths"]
    assert {"/api/v1/grants", "/api/v1/grants/{grant_id}", "/api/v1/grants/programmes/{programme_id}/money"} <= set(
        paths
    )
    assert Decimal  # amounts are strings in JSON, never floats
