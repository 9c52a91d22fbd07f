from django_otp.plugins.otp_totp.models import TOTPDevice

from ovoz.programmes.models import Membership
from tests.accounts.test_sign_in import code_for
from tests.conftest import PASSWORD


def test_changing_a_role_asks_the_coordinator_for_her_password_again(cast, as_user):
    client = as_user(cast.coordinator)
    membership = Membership.objects.get(user=cast.researcher_b)
    response = client.get(f"/memberships/{membership.pk}/role/")
    assert response.status_code == 302 and response["Location"].startswith("/auth/confirm/")
    device = TOTPDevice.objects.get(user=cast.coordinator)
    response = client.post(
        "/auth/confirm/",
        {"password": PASSWORD, "code": code_for(device), "next": f"/memberships/{membership.pk}/role/"},
    )
    assert response["Location"] == f"/memberships/{membership.pk}/role/"
    response = client.post(f"/memberships/{membership.pk}/role/", {"role": "mentor"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "mentor"


def test_a_wrong_password_does_not_confirm(cast, as_user):
    client = as_user(cast.coordinator)
    response = client.post("/auth/confirm/", {"password": "wrong", "code": "123456"})
    assert response.status_code == 200
    membership = Membership.objects.get(user=cast.researcher_b)
    assert client.get(f"/memberships/{membership.pk}/role/").status_code == 302


def test_a_correct_password_without_the_code_does_not_confirm_when_she_has_an_authenticator(cast, as_user):
    client = as_user(cast.coordinator)
    assert client.post("/auth/confirm/", {"password": PASSWORD, "code": ""}).status_code == 200


def test_making_an_api_token_needs_confirmation_first(cast, as_user):
    client = as_user(cast.researcher_a)
    assert client.get("/account/tokens/new/")["Location"].startswith("/auth/confirm/")
