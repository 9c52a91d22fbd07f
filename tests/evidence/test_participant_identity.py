"""Her name and contacts: researchers of her partnership only, after the password again, each look audited."""

import time

import pytest

from ovoz.accounts.security import REAUTH_SESSION_KEY
from ovoz.audit.models import AuditEntry


def reauthenticate(client):
    session = client.session
    session[REAUTH_SESSION_KEY] = int(time.time())
    session.save()
    return client


def identity_url(p):
    return f"/participants/{p.pk}/identity/"


def test_showing_her_identity_first_asks_for_the_password_again(evidence, as_user):
    response = as_user(evidence.researcher_a).get(identity_url(evidence.a1))
    assert response.status_code == 302
    assert response["Location"].startswith("/auth/confirm/?next=")
    assert not AuditEntry.objects.filter(kind="read").exists()


def test_after_the_password_a_researcher_states_why_and_sees_her_name_once_and_it_is_audited(evidence, as_user):
    client = reauthenticate(as_user(evidence.researcher_a))
    form = client.get(identity_url(evidence.a1))
    assert form.status_code == 200 and "Gulmira" not in form.content.decode()
    assert not AuditEntry.objects.filter(kind="read").exists()
    response = client.post(identity_url(evidence.a1), {"reason": "Calling her about the follow-up meeting"})
    assert response.status_code == 200
    assert "Gulmira Secretname" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    entry = AuditEntry.objects.get(kind="read")
    assert entry.actor == evidence.researcher_a and entry.object_id == str(evidence.a1.pk)
    assert entry.partnership == evidence.a and entry.changes == {"reason": "Calling her about the follow-up meeting"}
    # For that answer only: her page afterwards shows the code again, not the name.
    assert "Gulmira" not in client.get(f"/participants/{evidence.a1.pk}/").content.decode()


def test_a_reason_is_required_and_nothing_is_shown_or_logged_without_one(evidence, as_user):
    client = reauthenticate(as_user(evidence.researcher_a))
    response = client.post(identity_url(evidence.a1), {"reason": "  "})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gulmira" not in html and "This field is required" in html
    assert not AuditEntry.objects.filter(kind="read").exists()


@pytest.mark.parametrize("person", ["mentor_a", "coordinator", "researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_nobody_but_her_partnerships_researchers_may_see_her_identity_even_after_the_password(evidence, as_user,
                                                                                              person):
    client = reauthenticate(as_user(getattr(evidence, person)))
    assert client.get(identity_url(evidence.a1)).status_code == 404
    response = client.post(identity_url(evidence.a1), {"reason": "curious"})
    assert response.status_code == 404 and "Gulmira" not in response.content.decode()
    assert not AuditEntry.objects.filter(kind="read").exists()


def test_a_forbidden_identity_answers_404_before_any_password_prompt(evidence, as_user):
    """Otherwise the confirmation page would reveal that the participant exists."""
    assert as_user(evidence.researcher_b).get(identity_url(evidence.a1)).status_code == 404
    assert as_user(evidence.mentor_a).get(identity_url(evidence.a1)).status_code == 404


def test_only_researchers_are_offered_the_show_identity_action(evidence, as_user):
    assert "Show identity" in as_user(evidence.researcher_a).get(f"/participants/{evidence.a1.pk}/").content.decode()
    assert "Show identity" not in as_user(evidence.mentor_a).get(f"/participants/{evidence.a1.pk}/").content.decode()
