"""Memos through the JSON API."""

import json

import pytest

from ovoz.analysis.models import Memo
from ovoz.analysis.services.memos import memo_create
from tests.api.conftest import ApiClient, make_token


@pytest.fixture
def api():
    """``api(user)``: a JSON API client holding a fresh token of that person."""

    def _as(user):
        return ApiClient(make_token(user)[1])

    return _as


def test_a_researcher_writes_reads_changes_and_deletes_her_memo(analysis, api):
    c = analysis
    client = api(c.researcher_a)
    response = client.post("/analysis/memos", {"coding_id": c.coding_a.pk, "text": "Late wages again."})
    assert response.status_code == 201
    body = response.json()
    assert body["target"] == "coding" and body["partnership_id"] == c.a.pk
    assert client.get(f"/analysis/memos/{body['id']}").json()["text"] == "Late wages again."
    patched = client.client.patch(f"/api/v1/analysis/memos/{body['id']}", data=json.dumps({"text": "Changed."}),
                                  content_type="application/json", headers=client._headers())
    assert patched.status_code == 200 and patched.json()["text"] == "Changed."
    deleted = client.client.delete(f"/api/v1/analysis/memos/{body['id']}", headers=client._headers())
    assert deleted.status_code == 204 and not Memo.objects.filter(pk=body["id"]).exists()


def test_memos_are_listed_with_filters_and_only_where_visible(analysis, api):
    c = analysis
    memo_create(actor=c.researcher_a, programme=c.programme, source=c.s_multi, text="A's source memo.")
    memo_create(actor=c.researcher_b, programme=c.programme, source=c.sb, text="B's source memo.")
    memo_create(actor=c.coordinator, programme=c.programme, text="Programme memo.")
    texts = [m["text"] for m in api(c.researcher_a).get(
        "/analysis/memos", {"programme_id": c.programme.pk}).json()["items"]]
    assert sorted(texts) == ["A's source memo.", "Programme memo."]
    only_sources = api(c.researcher_a).get("/analysis/memos", {"programme_id": c.programme.pk,
                                                                  "target": "source"}).json()["items"]
    assert [m["text"] for m in only_sources] == ["A's source memo."]


def test_nobody_else_reads_or_changes_a_memo(analysis, api):
    c = analysis
    memo = memo_create(actor=c.researcher_a, programme=c.programme, source=c.s_multi, text="Private.")
    assert api(c.researcher_b).get(f"/analysis/memos/{memo.pk}").status_code == 404
    assert api(c.coresearcher_a).get(f"/analysis/memos/{memo.pk}").status_code == 404
    mentor = api(c.mentor_a)
    assert mentor.get(f"/analysis/memos/{memo.pk}").status_code == 200
    assert mentor.client.delete(f"/api/v1/analysis/memos/{memo.pk}", headers=mentor._headers()).status_code == 404
    assert api(c.researcher_b).post("/analysis/memos", {"source_id": c.s_multi.pk, "text": "x"}).status_code \
        == 404
    assert api(c.researcher_a).post("/analysis/memos", {"source_id": c.s_refused.pk, "text": "x"}).status_code \
        == 404
