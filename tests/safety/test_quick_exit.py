"""The quick exit is on every page, ends the session and leaves for a neutral page."""

from ovoz.audit.models import AuditEntry


def test_every_page_carries_the_quick_exit_button_and_its_script(cast, as_user, client):
    for response in (client.get("/auth/login/"), as_user(cast.researcher_a).get("/")):
        html = response.content.decode()
        assert 'class="quick-exit"' in html and "/exit/" in html
        assert "safety/quick-exit.js" in html


def test_the_quick_exit_ends_the_session_and_redirects_to_a_neutral_page(cast, as_user, monkeypatch):
    monkeypatch.setenv("OVOZ_QUICK_EXIT_URL", "https://weather.example.org/today")
    client = as_user(cast.researcher_a)
    response = client.post("/exit/")
    assert response.status_code == 303
    assert response["Location"] == "https://weather.example.org/today"
    assert response["Referrer-Policy"] == "no-referrer"
    assert '"cookies"' in response["Clear-Site-Data"]
    after = client.get(f"/partnerships/{cast.a.pk}/")
    assert after.status_code == 302 and "/auth/login/" in after["Location"]
    assert AuditEntry.objects.filter(action="auth.quick_exit", actor=cast.researcher_a).exists()


def test_the_quick_exit_needs_no_csrf_token_and_works_without_a_session(db, client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/exit/").status_code == 303
    assert client.get("/exit/").status_code == 405


def test_a_malformed_exit_address_falls_back_to_the_default(db, client, monkeypatch):
    from ovoz.safety.quick_exit import DEFAULT_EXIT_URL

    monkeypatch.setenv("OVOZ_QUICK_EXIT_URL", "javascript:alert(1)")
    assert client.post("/exit/")["Location"] == DEFAULT_EXIT_URL
