"""A session ends after the idle limit without requests; requests push the limit forward without rewriting
the session row on every request (a researcher coding one stretch after another would pay a write each time)."""

import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone


def _row(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def test_requests_within_a_minute_of_the_last_push_leave_the_session_row_as_it_was(cast, as_user):
    client = as_user(cast.researcher_a)
    assert client.get(reverse("web:dashboard")).status_code == 200
    before = _row(client).expire_date
    for _ in range(3):
        assert client.get(reverse("web:dashboard")).status_code == 200
    assert _row(client).expire_date == before


def test_a_request_after_more_than_a_minute_pushes_the_idle_limit_forward(cast, as_user):
    client = as_user(cast.researcher_a)
    key = client.session.session_key
    earlier = timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE - 90)
    Session.objects.filter(session_key=key).update(expire_date=earlier)
    assert client.get(reverse("web:dashboard")).status_code == 200
    pushed = _row(client).expire_date
    assert pushed > earlier + datetime.timedelta(seconds=80)


def test_a_changed_session_is_written_at_once(cast, as_user):
    from ovoz.accounts.sessions import SessionStore

    client = as_user(cast.researcher_a)
    key = client.session.session_key
    store = SessionStore(key)
    store["note"] = "changed"
    store.save()
    assert SessionStore(key).load()["note"] == "changed"


def test_a_session_past_its_idle_limit_is_signed_out(cast, as_user):
    client = as_user(cast.researcher_a)
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("web:dashboard"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
