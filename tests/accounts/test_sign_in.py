from django.conf import settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ovoz.audit.models import AuditEntry
from tests.conftest import PASSWORD


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in_with_password(client, user, password=PASSWORD):
    return client.post("/auth/login/", {"username": user.username, "password": password})


def test_a_researcher_with_an_authenticator_must_give_a_code_after_her_password(cast, client):
    device = TOTPDevice.objects.create(user=cast.researcher_a, name="phone", confirmed=True)
    response = sign_in_with_password(client, cast.researcher_a)
    assert response.status_code == 302 and response["Location"].startswith("/auth/verify/")
    # Until the code is given, every page sends her back to the second step.
    assert client.get("/programmes/").status_code == 302
    response = client.post("/auth/verify/", {"code": code_for(device)})
    assert response.status_code == 302
    assert client.get("/programmes/").status_code == 200
    actions = list(AuditEntry.objects.filter(actor=cast.researcher_a).values_list("action", flat=True))
    assert "auth.login" in actions and "auth.second_factor" in actions


def test_a_wrong_code_is_refused_with_a_clear_message_and_audited(cast, client):
    TOTPDevice.objects.create(user=cast.researcher_a, name="phone", confirmed=True)
    sign_in_with_password(client, cast.researcher_a)
    response = client.post("/auth/verify/", {"code": "000000"})
    assert response.status_code == 200
    assert "not right" in response.content.decode()
    assert AuditEntry.objects.filter(action="auth.second_factor_failed").exists()
    assert client.get("/").status_code == 302


def test_a_researcher_without_a_second_factor_is_sent_to_set_one_up(cast, client):
    response = sign_in_with_password(client, cast.researcher_a)
    assert response["Location"] == "/auth/two-factor/"
    assert client.get("/").status_code == 302
    assert client.get("/").headers["Location"] == "/auth/two-factor/"


def test_enrolling_an_authenticator_shows_a_qr_code_then_recovery_codes_once(cast, client):
    sign_in_with_password(client, cast.mentor_a)
    page = client.get("/auth/two-factor/")
    assert page.status_code == 200
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=cast.mentor_a, confirmed=False)
    response = client.post("/auth/two-factor/", {"code": code_for(device)})
    assert response.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    tokens = list(StaticToken.objects.filter(device__user=cast.mentor_a).values_list("token", flat=True))
    assert len(tokens) == 10
    body = response.content.decode()
    assert all(t in body for t in tokens)
    assert client.get("/").status_code == 200
    assert AuditEntry.objects.filter(action="auth.second_factor_enrol").exists()


def test_a_recovery_code_lets_her_in_once(cast, client):
    TOTPDevice.objects.create(user=cast.researcher_a, name="phone", confirmed=True)
    device = StaticDevice.objects.create(user=cast.researcher_a, name="recovery", confirmed=True)
    device.token_set.create(token="abcd2345")
    sign_in_with_password(client, cast.researcher_a)
    assert client.post("/auth/verify/", {"code": "abcd2345"}).status_code == 302
    assert client.get("/").status_code == 200
    client.post("/auth/logout/")
    sign_in_with_password(client, cast.researcher_a)
    assert client.post("/auth/verify/", {"code": "abcd2345"}).status_code == 200


def test_a_viewer_signs_in_with_her_password_alone(cast, client):
    response = sign_in_with_password(client, cast.viewer)
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_a_wrong_password_is_refused_and_audited_without_the_password(cast, client):
    response = sign_in_with_password(client, cast.researcher_a, password="not-the-password")
    assert response.status_code == 200
    assert "do not match" in response.content.decode()
    entry = AuditEntry.objects.get(action="auth.login_failed")
    assert entry.object_repr == "researcher_a"
    assert "not-the-password" not in str(entry.changes)


def test_repeated_failures_lock_the_account_for_a_while(cast, client):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in_with_password(client, cast.viewer, password="wrong")
    response = sign_in_with_password(client, cast.viewer)
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


def test_signing_out_ends_the_session(cast, client):
    sign_in_with_password(client, cast.viewer)
    assert client.post("/auth/logout/").status_code == 302
    assert client.get("/").status_code == 302


def test_passwords_are_hashed_with_argon2_and_sessions_expire():
    import ovoz.settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert production.SESSION_COOKIE_AGE <= 8 * 3600
    assert production.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_the_sign_in_page_does_not_send_people_to_other_sites(cast, client):
    response = client.post("/auth/login/?next=https://evil.example/", {"username": "viewer", "password": PASSWORD})
    assert response["Location"] == "/"


def test_the_second_step_page_shows_no_navigation_to_pages_she_cannot_reach_yet(cast, client):
    TOTPDevice.objects.create(user=cast.researcher_a, name="phone", confirmed=True)
    sign_in_with_password(client, cast.researcher_a)
    body = client.get("/auth/verify/").content.decode()
    assert 'href="/programmes/"' not in body
    assert "Sign out" in body


def test_her_chosen_language_is_used_without_leaking_into_the_next_request(cast, as_user, client):
    cast.viewer.language = "ru"
    cast.viewer.save()
    body = as_user(cast.viewer).get("/").content.decode()
    assert 'lang="ru"' in body
    from django.utils import translation

    assert translation.get_language() == "en"
