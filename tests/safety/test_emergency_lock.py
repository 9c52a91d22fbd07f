"""The emergency lock ends a partnership's sessions and API tokens at once, refuses sign-in while it holds,
is audited, and lifting it lets the team sign in again."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from ovoz.accounts.models import ApiToken, User
from ovoz.accounts.security import REAUTH_SESSION_KEY
from ovoz.audit.models import AuditEntry
from ovoz.safety.lock import partnership_lock, partnership_unlock
from tests.api.conftest import ApiClient, make_token
from tests.conftest import PASSWORD, sign_in


def _client(user):
    return sign_in(Client(), user)


def _recently_authenticated(client):
    session = client.session
    session[REAUTH_SESSION_KEY] = 2**40
    session.save()
    return client


def test_a_coordinator_locks_a_partnership_and_its_signed_in_team_is_sent_to_sign_in(cast):
    researcher = _client(cast.researcher_a)
    assert researcher.get(f"/partnerships/{cast.a.pk}/").status_code == 200
    coordinator = _client(cast.coordinator)
    response = coordinator.post(f"/partnerships/{cast.a.pk}/safety/lock/", {"reason": "Office searched"})
    assert response.status_code == 302
    after = researcher.get(f"/partnerships/{cast.a.pk}/")
    assert after.status_code == 302 and "/auth/login/" in after["Location"]
    # Partnership B and the coordinator are untouched.
    assert _client(cast.researcher_b).get(f"/partnerships/{cast.b.pk}/").status_code == 200
    assert coordinator.get(f"/partnerships/{cast.a.pk}/safety/").status_code == 200


def test_a_locked_bearer_token_gets_401_and_stays_revoked_after_unlock(cast):
    _, secret = make_token(cast.researcher_a)
    api = ApiClient(secret)
    assert api.get("/me").status_code == 200
    partnership_lock(actor=cast.coordinator, partnership=cast.a)
    assert api.get("/me").status_code == 401
    partnership_unlock(actor=cast.coordinator, partnership=cast.a)
    assert api.get("/me").status_code == 401
    assert not ApiToken.objects.filter(user=cast.researcher_a, revoked_at__isnull=True).exists()
    _, fresh = make_token(cast.researcher_a)
    assert ApiClient(fresh).get("/me").status_code == 200


def test_a_locked_person_cannot_sign_in_until_the_lock_is_lifted(cast, client):
    partnership_lock(actor=cast.coordinator, partnership=cast.a)
    response = client.post("/auth/login/", {"username": "mentor_a", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    coordinator = _recently_authenticated(_client(cast.coordinator))
    assert coordinator.post(f"/partnerships/{cast.a.pk}/safety/unlock/").status_code == 302
    response = Client().post("/auth/login/", {"username": "mentor_a", "password": PASSWORD})
    assert response.status_code == 302


def test_the_lock_and_its_lifting_are_audited_with_who_was_locked(cast):
    partnership_lock(actor=cast.mentor_a, partnership=cast.a, reason="Threat")
    partnership_unlock(actor=cast.coordinator, partnership=cast.a)
    lock = AuditEntry.objects.get(action="partnership.lock")
    assert lock.actor == cast.mentor_a and lock.partnership == cast.a
    assert lock.changes["accounts"]["new"] == ["coresearcher_a", "mentor_a", "researcher_a"]
    assert AuditEntry.objects.get(action="partnership.unlock").actor == cast.coordinator
    assert "Threat" not in str(lock.changes)


def test_a_mentor_who_locks_her_own_partnership_is_signed_out_too(cast):
    mentor = _client(cast.mentor_a)
    response = mentor.post(f"/partnerships/{cast.a.pk}/safety/lock/")
    assert response.status_code == 302 and "/auth/login/" in response["Location"]
    assert mentor.get("/").status_code == 302
    assert not User.objects.get(pk=cast.mentor_a.pk).is_active


def test_unlocking_restores_only_accounts_that_were_active_before(cast):
    cast.coresearcher_a.is_active = False
    cast.coresearcher_a.save(update_fields=["is_active"])
    partnership_lock(actor=cast.coordinator, partnership=cast.a)
    partnership_unlock(actor=cast.coordinator, partnership=cast.a)
    active = dict(User.objects.filter(username__endswith="_a").values_list("username", "is_active"))
    assert active == {"mentor_a": True, "researcher_a": True, "coresearcher_a": False}


def test_a_researcher_of_another_partnership_or_a_viewer_cannot_lock(cast):
    for user in (cast.researcher_b, cast.viewer, cast.researcher_a, cast.coresearcher_a):
        assert _client(user).post(f"/partnerships/{cast.a.pk}/safety/lock/").status_code == 404
    assert User.objects.get(pk=cast.mentor_a.pk).is_active


def test_locking_twice_is_refused_and_lifting_an_unlocked_partnership_too(cast):
    from django.core.exceptions import ValidationError

    partnership_lock(actor=cast.coordinator, partnership=cast.a)
    with pytest.raises(ValidationError):
        partnership_lock(actor=cast.coordinator, partnership=cast.a)
    partnership_unlock(actor=cast.coordinator, partnership=cast.a)
    with pytest.raises(ValidationError):
        partnership_unlock(actor=cast.coordinator, partnership=cast.a)


def test_the_cli_locks_and_unlocks_a_partnership(cast, capsys):
    researcher = _client(cast.researcher_a)
    call_command("lock-partnership", str(cast.a.pk), "--reason", "raid")
    assert researcher.get("/").status_code == 302
    assert "locked" in capsys.readouterr().out
    call_command("unlock-partnership", str(cast.a.pk))
    assert User.objects.get(pk=cast.researcher_a.pk).is_active
    with pytest.raises(CommandError):
        call_command("unlock-partnership", str(cast.a.pk))
