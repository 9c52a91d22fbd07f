"""The research sub-grant cap (US$ 14,000 in the seed) is enforced, to the cent and in its own currency."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from ovoz.audit.models import AuditEntry
from ovoz.grants.models import Grant, GrantKind, GrantPolicy
from ovoz.grants.services import grant_create, grant_policy_set, grant_update
from tests.grants.conftest import D


def post_grant(client, cast, **overrides):
    data = {
        "partnership": str(cast.a.pk), "kind": "research", "currency": "USD", "amount": "14000.00",
        "starts_on": "2022-11-01", "ends_on": "2024-01-31", "status": "active", "reference": "",
    }
    data.update(overrides)
    return client.post(f"/programmes/{cast.programme.pk}/grants/new/", data, follow=True)


def test_a_grant_of_exactly_the_cap_is_made(cast, as_user, policy):
    response = post_grant(as_user(cast.coordinator), cast, amount="14000.00")
    grant = Grant.objects.get(partnership=cast.a)
    assert grant.amount == Decimal("14000.00")
    assert response.redirect_chain[-1][0] == f"/grants/{grant.pk}/"
    assert AuditEntry.objects.filter(action="grant.create", partnership=cast.a, object_id=str(grant.pk)).exists()


def test_one_cent_above_the_cap_is_refused_with_the_reason(cast, as_user, policy):
    response = post_grant(as_user(cast.coordinator), cast, amount="14000.01")
    body = response.content.decode()
    assert "14,000.01 USD is above the programme&#x27;s research sub-grant cap (14,000.00 USD) by 0.01 USD." in body
    assert not Grant.objects.exists()
    assert not AuditEntry.objects.filter(action="grant.create").exists()


def test_a_grant_in_another_currency_than_the_cap_is_refused_and_says_which_currency(cast, as_user, policy):
    response = post_grant(as_user(cast.coordinator), cast, amount="100.00", currency="EUR")
    body = response.content.decode()
    assert "must be in USD too, not EUR" in body
    assert not Grant.objects.exists()


def test_without_a_policy_no_research_grant_can_be_made(cast):
    with pytest.raises(ValidationError, match="no grant policy yet"):
        grant_create(actor=None, partnership=cast.a, kind=GrantKind.RESEARCH, currency="USD", amount="100",
                     starts_on=D(2023, 1, 1), ends_on=D(2023, 12, 31))


def test_a_partnership_has_at_most_one_research_grant(cast, as_user, grant_a):
    response = post_grant(as_user(cast.coordinator), cast, amount="100.00")
    assert "already has a research sub-grant" in response.content.decode()
    assert Grant.objects.filter(partnership=cast.a).count() == 1


def test_raising_a_grant_above_the_cap_is_refused_but_up_to_it_is_allowed(cast, grant_a):
    with pytest.raises(ValidationError, match="above the programme's research sub-grant cap"):
        grant_update(actor=cast.coordinator, grant=grant_a, amount=Decimal("14000.01"))
    grant_update(actor=cast.coordinator, grant=grant_a, amount=Decimal("14000"))
    grant_a.refresh_from_db()
    assert grant_a.amount == Decimal("14000.00")
    entry = AuditEntry.objects.get(action="grant.update")
    assert entry.changes == {"amount": {"old": "10000.00", "new": "14000.00"}}


def test_amounts_with_more_than_two_decimals_are_refused_not_rounded_under_the_cap(cast, policy):
    with pytest.raises(ValidationError, match="more than two decimals"):
        grant_create(actor=None, partnership=cast.a, kind=GrantKind.RESEARCH, currency="USD",
                     amount="14000.001", starts_on=D(2023, 1, 1), ends_on=D(2023, 12, 31))


def test_an_advocacy_grant_is_capped_only_when_the_policy_says_so(cast, policy):
    grant_create(actor=None, partnership=cast.a, kind=GrantKind.ADVOCACY, currency="EUR", amount="50000",
                 starts_on=D(2024, 3, 1), ends_on=D(2024, 8, 31))
    grant_policy_set(actor=None, programme=cast.programme, currency="USD", research_cap="14000", advocacy_cap="3000")
    message = r"3,000.01 USD is above the programme's advocacy sub-grant cap \(3,000.00"
    with pytest.raises(ValidationError, match=message):
        grant_create(actor=None, partnership=cast.b, kind=GrantKind.ADVOCACY, currency="USD", amount="3000.01",
                     starts_on=D(2024, 3, 1), ends_on=D(2024, 8, 31))


def test_the_coordinator_sets_the_policy_and_is_told_of_grants_now_outside_it(cast, as_user, grant_a):
    client = as_user(cast.coordinator)
    response = client.post(
        f"/programmes/{cast.programme.pk}/grants/policy/",
        {"currency": "USD", "research_cap": "9000", "advocacy_cap": ""},
        follow=True,
    )
    body = response.content.decode()
    assert "The grant policy is saved." in body
    assert "outside the new policy" in body and "Partner A" in body
    assert GrantPolicy.objects.get(programme=cast.programme).research_cap == Decimal("9000.00")
    entry = AuditEntry.objects.filter(action="grant_policy.set").first()
    assert entry.changes["research_cap"] == {"old": "14000.00", "new": "9000.00"}
    assert entry.programme_id == cast.programme.pk


@pytest.mark.parametrize("name", ["mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"])
def test_only_the_coordinator_makes_grants_and_sets_the_policy(cast, as_user, policy, name):
    client = as_user(getattr(cast, name))
    assert post_grant(client, cast).status_code == 404
    response = client.post(f"/programmes/{cast.programme.pk}/grants/policy/", {"currency": "USD", "research_cap": "1"})
    assert response.status_code == 404
    assert not Grant.objects.exists()
    assert GrantPolicy.objects.get().research_cap == Decimal("14000.00")
