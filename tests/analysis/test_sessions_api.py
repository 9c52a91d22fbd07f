"""Participatory sessions through the JSON API: co-researchers read only excerpts and post the group's reading."""

import datetime

import pytest

from ovoz.analysis.services.sessions import excerpt_add, excerpt_update, session_create, session_open
from ovoz.evidence.services.consent import consent_withdraw
from tests.api.conftest import ApiClient, make_token


@pytest.fixture
def api():
    """``api(user)``: a JSON API client holding a fresh token of that person."""

    def _as(user):
        return ApiClient(make_token(user)[1])

    return _as


def _open_session(c):
    session = session_create(actor=c.researcher_a, partnership=c.a, title="Reading", co_researchers=[c.coresearcher_a])
    excerpt = excerpt_add(actor=c.researcher_a, session=session, source=c.s_multi, start=0, end=17)
    excerpt_update(actor=c.researcher_a, excerpt=excerpt, text="She was not paid.")
    session_open(actor=c.researcher_a, session=session)
    return session, excerpt


def test_the_co_researcher_reads_the_excerpts_and_nothing_of_the_source(analysis, api):
    c = analysis
    session, excerpt = _open_session(c)
    client = api(c.coresearcher_a)
    assert [s["id"] for s in client.get("/analysis/sessions").json()["items"]] == [session.pk]
    body = client.get(f"/analysis/sessions/{session.pk}").json()
    assert body["excerpts"] == [{"id": excerpt.pk, "order": 1, "text": "She was not paid."}]
    assert "Multi-script" not in str(body) and "source" not in str(body)
    assert client.get(f"/evidence/sources/{c.s_multi.pk}").status_code == 404
    assert client.get("/analysis/codes", {"programme_id": c.programme.pk}).status_code == 404


def test_the_group_posts_its_reading(analysis, api):
    c = analysis
    session, excerpt = _open_session(c)
    response = api(c.coresearcher_a).post(f"/analysis/sessions/{session.pk}/memos",
                                             {"excerpt_id": excerpt.pk, "text": "This happens to all of us."})
    assert response.status_code == 201 and response.json()["excerpt_id"] == excerpt.pk
    memos = api(c.researcher_a).get(f"/analysis/sessions/{session.pk}").json()["memos"]
    assert [m["text"] for m in memos] == ["This happens to all of us."]


def test_coordinators_and_the_other_partnership_get_404(analysis, api):
    c = analysis
    session, _ = _open_session(c)
    for user in (c.coordinator, c.researcher_b, c.viewer):
        assert api(user).get(f"/analysis/sessions/{session.pk}").status_code == 404
        assert api(user).post(f"/analysis/sessions/{session.pk}/memos", {"text": "x"}).status_code == 404


def test_withdrawn_consent_takes_the_excerpt_out(analysis, api):
    c = analysis
    session, _ = _open_session(c)
    consent_withdraw(actor=c.researcher_a, participant=c.a1, date=datetime.date(2023, 6, 1))
    assert api(c.coresearcher_a).get(f"/analysis/sessions/{session.pk}").json()["excerpts"] == []


def test_no_memo_in_a_session_that_is_not_open(analysis, api):
    c = analysis
    session = session_create(actor=c.researcher_a, partnership=c.a, title="Not yet")
    response = api(c.researcher_a).post(f"/analysis/sessions/{session.pk}/memos", {"text": "x"})
    assert response.status_code == 400
