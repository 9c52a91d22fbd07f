"""Making and revoking API tokens on the account pages."""

import hashlib
import re

from django_otp.plugins.otp_totp.models import TOTPDevice

from ovoz.accounts.models import ApiToken
from ovoz.audit.models import AuditEntry
from tests.api.conftest import ApiClient, code_for, make_token
from tests.conftest import PASSWORD

SECRET = re.compile(r"ovz_[A-Za-z0-9_-]{20,}")


def confirm_password(client, user, next_url="/account/tokens/new/"):
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/auth/confirm/", {"password": PASSWORD, "code": code_for(device), "next": next_url})
    assert response.status_code == 302 and response["Location"] == next_url
    return client


def create_through_the_page(client, name="Field notes sync"):
    response = client.post("/account/tokens/new/", {"name": name})
    assert response.status_code == 200
    return SECRET.search(response.content.decode()).group(0)


def test_opening_the_new_token_page_first_asks_for_the_password_again(cast, as_user):
    client = as_user(cast.researcher_a)
    response = client.get("/account/tokens/new/")
    assert response.status_code == 302
    assert response["Location"].startswith("/auth/confirm/")
    assert "next=%2Faccount%2Ftokens%2Fnew%2F" in response["Location"]


def test_posting_a_new_token_without_confirming_makes_nothing(cast, as_user):
    client = as_user(cast.researcher_a)
    response = client.post("/account/tokens/new/", {"name": "sneaky"})
    assert response.status_code == 302
    assert response["Location"].startswith("/auth/confirm/")
    assert not ApiToken.objects.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(db, client):
    response = client.get("/account/tokens/new/")
    assert response.status_code == 302
    assert response["Location"].startswith("/auth/login/")


def test_after_confirming_the_secret_is_shown_once_and_only_its_sha256_digest_is_stored(cast, as_user):
    client = confirm_password(as_user(cast.researcher_a), cast.researcher_a)
    assert client.get("/account/tokens/new/").status_code == 200
    secret = create_through_the_page(client)
    token = ApiToken.objects.get()
    assert token.user == cast.researcher_a and token.name == "Field notes sync"
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret.startswith(token.prefix) and len(token.prefix) < len(secret)
    stored = [str(value) for value in ApiToken.objects.values().get().values()]
    assert not any(secret in value for value in stored)
    assert not any(secret in str(row) for row in AuditEntry.objects.values())
    assert AuditEntry.objects.filter(action="api_token.create", actor=cast.researcher_a).exists()
    # Never shown again: the account page lists the token by its prefix only.
    page = client.get("/account/").content.decode()
    assert token.prefix in page and secret not in page


def test_a_token_made_on_the_page_opens_the_api(cast, as_user):
    client = confirm_password(as_user(cast.researcher_b), cast.researcher_b)
    secret = create_through_the_page(client)
    response = ApiClient(secret).get("/me")
    assert response.status_code == 200 and response.json()["username"] == "researcher_b"


def test_revoking_a_token_stops_it_at_once_and_is_audited(cast, as_user):
    token, secret = make_token(cast.researcher_a)
    assert ApiClient(secret).get("/me").status_code == 200
    response = as_user(cast.researcher_a).post(f"/account/tokens/{token.pk}/revoke/")
    assert response.status_code == 302 and response["Location"] == "/account/"
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEntry.objects.filter(action="api_token.revoke", object_id=str(token.pk)).exists()
    assert ApiClient(secret).get("/me").status_code == 401


def test_nobody_can_revoke_someone_elses_token(cast, as_user):
    token, secret = make_token(cast.researcher_a)
    for other in (cast.researcher_b, cast.coordinator):
        response = as_user(other).post(f"/account/tokens/{token.pk}/revoke/")
        assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    assert not AuditEntry.objects.filter(action="api_token.revoke").exists()
    assert ApiClient(secret).get("/me").status_code == 200


def test_revoking_a_token_that_does_not_exist_is_the_same_404(cast, as_user):
    assert as_user(cast.researcher_a).post("/account/tokens/999999/revoke/").status_code == 404


def test_revoking_needs_a_post(cast, as_user):
    token, _ = make_token(cast.researcher_a)
    assert as_user(cast.researcher_a).get(f"/account/tokens/{token.pk}/revoke/").status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None
