"""The codebook through the JSON API: the same readers, writers and 404s as the pages."""

import json

import pytest

from ovoz.analysis.models import Code, Coding
from ovoz.analysis.services.codings import coding_create
from tests.api.conftest import ApiClient, make_token


@pytest.fixture
def api():
    """``api(user)``: a JSON API client holding a fresh token of that person."""

    def _as(user):
        return ApiClient(make_token(user)[1])

    return _as


def _patch(client, path, body):
    return client.client.patch("/api/v1" + path, data=json.dumps(body), content_type="application/json",
                               headers=client._headers())


def test_a_researcher_lists_the_codebook_with_her_usage_counts(analysis, api):
    c = analysis
    response = api(c.researcher_a).get("/analysis/codes", {"programme_id": c.programme.pk, "limit": 200})
    assert response.status_code == 200
    items = {item["id"]: item for item in response.json()["items"]}
    assert items[c.wage.pk]["usage"] == 1 and items[c.wage.pk]["name"] == "Living wage"
    assert c.own_a.pk in items and c.own_b.pk not in items


def test_co_researchers_viewers_and_the_other_partnership_get_404(analysis, api):
    c = analysis
    for user in (c.coresearcher_a, c.viewer, c.outsider):
        assert api(user).get("/analysis/codes", {"programme_id": c.programme.pk}).status_code == 404
    assert api(c.researcher_b).get(f"/analysis/codes/{c.own_a.pk}").status_code == 404
    assert api(c.researcher_b).post(f"/analysis/codes/{c.own_a.pk}/retire", {}).status_code == 404


def test_a_researcher_adds_and_changes_her_partnerships_code(analysis, api):
    c = analysis
    client = api(c.researcher_a)
    response = client.post("/analysis/codes", {"programme_id": c.programme.pk, "partnership_id": c.a.pk,
                                               "name_en": "Fines", "name_ru": "Штрафы", "colour": "#00AA00",
                                               "parent_id": c.own_a.pk})
    assert response.status_code == 201
    code = Code.objects.get(pk=response.json()["id"])
    assert code.partnership == c.a and code.parent == c.own_a and code.colour == "#00aa00"
    response = _patch(client, f"/analysis/codes/{code.pk}", {"definition": "Deductions as punishment."})
    assert response.status_code == 200 and response.json()["definition"] == "Deductions as punishment."
    # Not the programme codebook, and not the other partnership's.
    assert client.post("/analysis/codes", {"programme_id": c.programme.pk, "name_en": "X"}).status_code == 404
    assert client.post("/analysis/codes", {"programme_id": c.programme.pk, "partnership_id": c.b.pk,
                                           "name_en": "X"}).status_code == 404
    assert _patch(client, f"/analysis/codes/{c.wage.pk}", {"definition": "x"}).status_code == 404


def test_merging_through_the_api_moves_the_codings(analysis, api):
    c = analysis
    moving = coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.social], start=19, end=30)[0]
    response = api(c.coordinator).post(f"/analysis/codes/{c.social.pk}/merge", {"into_id": c.wage.pk})
    assert response.status_code == 200 and response.json()["codings_moved"] == 1
    assert Coding.objects.get(pk=moving.pk).code_id == c.wage.pk
    c.social.refresh_from_db()
    assert c.social.merged_into_id == c.wage.pk


def test_a_refused_merge_answers_400_and_changes_nothing(analysis, api):
    c = analysis
    response = api(c.coordinator).post(f"/analysis/codes/{c.own_a.pk}/merge", {"into_id": c.own_b.pk})
    assert response.status_code == 400 and "merged" in response.json()["detail"]


def test_retire_and_restore(analysis, api):
    c = analysis
    client = api(c.coordinator)
    assert client.post(f"/analysis/codes/{c.wage.pk}/retire", {}).json()["retired_at"] is not None
    assert client.post(f"/analysis/codes/{c.wage.pk}/restore", {}).json()["retired_at"] is None
