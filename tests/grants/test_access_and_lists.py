"""Who sees which grants: a partnership never sees another's; co-researchers, viewers and outsiders see none.
Lists are paged, filtered, and take a bounded number of queries."""

import pytest

from ovoz.grants.models import GrantKind
from ovoz.grants.services import (
    attachment_add,
    grant_create,
    proposal_create,
    report_create,
    tranche_add,
)
from tests.grants.conftest import PDF, D, confirmed, upload


@pytest.fixture
def a_things(cast, grant_a, grant_b):
    """Everything of partner A that has a page."""
    tranche = tranche_add(actor=None, grant=grant_a, planned_on=D(2022, 11, 15), planned_amount="100")
    report = report_create(actor=None, grant=grant_a, template="interim", period_start=D(2022, 11, 1),
                           period_end=D(2023, 2, 28))
    attachment = attachment_add(actor=None, report=report, upload=upload("r.pdf", PDF))
    proposal = proposal_create(actor=None, partnership=cast.a, title="Plan A", starts_on=D(2024, 3, 1),
                               ends_on=D(2024, 8, 31), currency="USD", lines=[("advocacy", "", "100")])
    return [
        ("get", f"/grants/{grant_a.pk}/"),
        ("get", f"/grants/{grant_a.pk}/edit/"),
        ("post", f"/grants/{grant_a.pk}/budget-lines/new/"),
        ("get", f"/grants/budget-lines/{cast.salary.pk}/edit/"),
        ("get", f"/grants/budget-lines/{cast.salary.pk}/delete/"),
        ("post", f"/grants/{grant_a.pk}/tranches/new/"),
        ("get", f"/grants/tranches/{tranche.pk}/edit/"),
        ("get", f"/grants/tranches/{tranche.pk}/delete/"),
        ("get", f"/grants/{grant_a.pk}/reports/new/"),
        ("get", f"/grants/reports/{report.pk}/"),
        ("get", f"/grants/reports/{report.pk}/edit/"),
        ("post", f"/grants/reports/{report.pk}/submit/"),
        ("post", f"/grants/reports/{report.pk}/review/"),
        ("post", f"/grants/reports/{report.pk}/comments/"),
        ("post", f"/grants/reports/{report.pk}/attachments/new/"),
        ("get", f"/grants/attachments/{attachment.pk}/"),
        ("get", f"/grants/attachments/{attachment.pk}/delete/"),
        ("get", f"/grants/proposals/{proposal.pk}/"),
        ("get", f"/grants/proposals/{proposal.pk}/edit/"),
        ("post", f"/grants/proposals/{proposal.pk}/submit/"),
        ("post", f"/grants/proposals/{proposal.pk}/review/"),
        ("post", f"/grants/proposals/{proposal.pk}/comments/"),
        ("get", f"/partnerships/{cast.a.pk}/advocacy-proposals/new/"),
    ]


@pytest.mark.parametrize("name", ["researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_every_page_of_partner_as_money_answers_404_to_those_outside_its_team(cast, as_user, a_things, name):
    client = confirmed(as_user(getattr(cast, name)))
    for method, url in a_things:
        assert getattr(client, method)(url).status_code == 404, f"{name} {method} {url}"


def test_a_missing_grant_answers_exactly_like_a_forbidden_one(cast, as_user, grant_a):
    client = as_user(cast.researcher_b)
    forbidden = client.get(f"/grants/{grant_a.pk}/")
    missing = client.get("/grants/999999/")
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.content == missing.content


def test_a_team_lists_only_its_own_grants(cast, as_user, grant_a, grant_b):
    body = as_user(cast.researcher_b).get(f"/programmes/{cast.programme.pk}/grants/").content.decode()
    assert f"/grants/{grant_b.pk}/" in body and f"/grants/{grant_a.pk}/" not in body
    assert "Partner A" not in body


def test_the_coordinator_lists_and_filters_every_grant(cast, as_user, grant_a, grant_b):
    grant_create(actor=None, partnership=cast.a, kind=GrantKind.ADVOCACY, currency="USD", amount="500",
                 starts_on=D(2024, 3, 1), ends_on=D(2024, 8, 31))
    client = as_user(cast.coordinator)
    url = f"/programmes/{cast.programme.pk}/grants/"
    body = client.get(url).content.decode()
    assert f"/grants/{grant_a.pk}/" in body and f"/grants/{grant_b.pk}/" in body
    body = client.get(url, {"kind": "advocacy"}).content.decode()
    assert f"/grants/{grant_a.pk}/" not in body and "500.00 USD" in body
    body = client.get(url, {"q": "partner b"}).content.decode()
    assert f"/grants/{grant_b.pk}/" in body and f"/grants/{grant_a.pk}/" not in body
    body = client.get(url, {"partnership": str(cast.a.pk), "kind": "research"}).content.decode()
    assert f"/grants/{grant_a.pk}/" in body and f"/grants/{grant_b.pk}/" not in body


def test_the_grant_list_takes_the_same_few_queries_for_many_grants(cast, as_user, policy,
                                                                    django_assert_max_num_queries):
    from ovoz.accounts.models import Organisation
    from ovoz.programmes.models import Partnership

    for i in range(12):
        org = Organisation.objects.create(name=f"Org {i}")
        p = Partnership.objects.create(programme=cast.programme, organisation=org, country="KG")
        g = grant_create(actor=None, partnership=p, kind=GrantKind.RESEARCH, currency="USD", amount="1000",
                         starts_on=D(2023, 1, 1), ends_on=D(2023, 12, 31))
        tranche_add(actor=None, grant=g, planned_on=D(2023, 1, 1), planned_amount="10", paid_on=D(2023, 1, 2),
                    paid_amount="10")
    client = as_user(cast.coordinator)
    client.get(f"/programmes/{cast.programme.pk}/grants/")
    with django_assert_max_num_queries(12):
        response = client.get(f"/programmes/{cast.programme.pk}/grants/")
    assert response.content.decode().count("10.00 USD") == 12


def test_the_proposal_list_takes_few_queries(cast, as_user, policy, django_assert_max_num_queries):
    for i in range(8):
        proposal_create(actor=None, partnership=cast.a if i % 2 else cast.b, title=f"Plan {i}",
                        starts_on=D(2024, 3, 1), ends_on=D(2024, 8, 31), currency="USD",
                        lines=[("advocacy", "", "100"), ("materials", "", "50")])
    client = as_user(cast.coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(f"/programmes/{cast.programme.pk}/advocacy-proposals/")
    assert response.content.decode().count("150.00 USD") == 8
    body = as_user(cast.researcher_b).get(f"/programmes/{cast.programme.pk}/advocacy-proposals/").content.decode()
    assert body.count("150.00 USD") == 4


@pytest.mark.parametrize("name", ["coresearcher_a", "viewer", "outsider"])
def test_co_researchers_viewers_and_outsiders_have_no_grant_lists(cast, as_user, grant_a, name):
    client = as_user(getattr(cast, name))
    assert client.get(f"/programmes/{cast.programme.pk}/grants/").status_code == 404
    assert client.get(f"/programmes/{cast.programme.pk}/advocacy-proposals/").status_code == 404


def test_the_grant_page_shows_the_team_its_money_but_no_management_links(cast, as_user, grant_a):
    body = as_user(cast.researcher_a).get(f"/grants/{grant_a.pk}/").content.decode()
    assert "10,000.00 USD" in body and "New financial report" in body
    assert "Add a budget line" not in body and f"/grants/{grant_a.pk}/edit/" not in body
    body = as_user(cast.coordinator).get(f"/grants/{grant_a.pk}/").content.decode()
    assert "Add a budget line" in body and "New financial report" not in body
