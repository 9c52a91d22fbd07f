"""Bearer tokens: only a live token of an active person opens the API; a session cookie never does."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from ovoz.accounts.models import ApiToken
from ovoz.accounts.services import api_token_revoke
from tests.api.conftest import ApiClient, make_token

PROTECTED = [
    "/me",
    "/programmes",
    "/programmes/{programme}",
    "/partnerships",
    "/partnerships/{a}",
    "/programmes/{programme}/members",
    "/audit",
]


def _paths(cast):
    return [p.format(programme=cast.programme.pk, a=cast.a.pk) for p in PROTECTED]


def test_a_request_without_a_token_is_refused_with_401_everywhere(cast, api_anonymous):
    for path in _paths(cast):
        response = api_anonymous.get(path)
        assert response.status_code == 401, path
        assert response.json() == {"detail": response.json()["detail"]}
        assert "Bearer" in response.json()["detail"]
        assert response["WWW-Authenticate"].startswith("Bearer")


def test_posting_a_membership_without_a_token_is_refused_with_401(cast, api_anonymous):
    response = api_anonymous.post(
        f"/programmes/{cast.programme.pk}/members", {"username": "outsider", "role": "viewer"}
    )
    assert response.status_code == 401
    assert not cast.outsider.memberships.exists()


@pytest.mark.parametrize(
    "header",
    [
        "Bearer ovz_this-token-was-never-made",
        "Bearer ovz_" + "x" * 5000,
        "Bearer not-even-an-ovoz-token",
        "Bearer ",
        "Token {secret}",
        "Basic {secret}",
        "{secret}",
    ],
)
def test_an_invalid_token_or_scheme_is_refused_with_401(cast, header):
    _, secret = make_token(cast.coordinator)
    response = Client().get("/api/v1/me", headers={"Authorization": header.format(secret=secret)})
    assert response.status_code == 401
    assert set(response.json()) == {"detail"}


def test_a_revoked_token_is_refused_with_401(cast):
    token, secret = make_token(cast.coordinator)
    client = ApiClient(secret)
    assert client.get("/me").status_code == 200
    api_token_revoke(actor=cast.coordinator, token=token)
    assert client.get("/me").status_code == 401
    assert client.get(f"/programmes/{cast.programme.pk}").status_code == 401


def test_the_token_of_a_deactivated_account_is_refused_with_401(cast):
    _, secret = make_token(cast.researcher_a)
    cast.researcher_a.is_active = False
    cast.researcher_a.save(update_fields=["is_active"])
    assert ApiClient(secret).get("/me").status_code == 401


def test_a_token_whose_digest_is_stored_but_whose_secret_is_guessed_differently_is_refused(cast):
    token, secret = make_token(cast.coordinator)
    # Only the prefix is stored in plain text; knowing it is not enough.
    assert ApiClient(token.prefix).get("/me").status_code == 401
    assert ApiClient(secret + "x").get("/me").status_code == 401


def test_a_signed_in_browser_session_does_not_open_the_api(cast, as_user):
    client = as_user(cast.coordinator)
    assert client.get("/").status_code == 200
    response = client.get("/api/v1/me")
    assert response.status_code == 401


def test_a_valid_token_answers_as_its_owner(cast):
    _, secret = make_token(cast.researcher_b)
    response = ApiClient(secret).get("/me")
    assert response.status_code == 200
    assert response.json()["username"] == "researcher_b"


def test_using_a_token_records_when_it_was_last_used(cast):
    token, secret = make_token(cast.researcher_a)
    assert token.last_used_at is None
    before = timezone.now()
    assert ApiClient(secret).get("/me").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None and token.last_used_at >= before


def test_last_used_is_refreshed_when_it_is_more_than_a_minute_old(cast):
    token, secret = make_token(cast.researcher_a)
    long_ago = timezone.now() - datetime.timedelta(days=3)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=long_ago)
    ApiClient(secret).get("/programmes")
    token.refresh_from_db()
    assert token.last_used_at > long_ago + datetime.timedelta(days=2)


def test_a_failed_request_does_not_touch_any_token(cast):
    token, _ = make_token(cast.researcher_a)
    ApiClient("ovz_wrong").get("/me")
    token.refresh_from_db()
    assert token.last_used_at is None


def test_posting_with_a_token_needs_no_csrf_cookie(cast):
    _, secret = make_token(cast.coordinator)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/api/v1/programmes/{cast.programme.pk}/members",
        data={"username": "outsider", "role": "viewer"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert response.status_code == 201


def test_an_unknown_api_path_answers_json_404_not_a_web_page(cast):
    _, secret = make_token(cast.coordinator)
    client = ApiClient(secret)
    for path in ["/nothing-here", "/me/", "/programmes/first", "/partnerships/1/secrets"]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json() == {"detail": "Not found."}, path
