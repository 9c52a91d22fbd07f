"""The codings API: offsets in any unit land on the same words, answers are code points with the text, and
whatever one may not see answers 404."""

import json

import pytest
from django.test import Client

from ovoz.analysis.models import Coding, DoubleCoding
from ovoz.analysis.services.codings import coding_create
from tests.analysis.conftest import MULTI
from tests.api.conftest import make_token

BASE = "/api/v1/analysis/codings"


class Api:
    def __init__(self, user):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {make_token(user)[1]}"}

    def _send(self, method, path, body=None, params=None):
        if body is None:
            return getattr(self.client, method)(BASE + path, params or {}, headers=self.headers)
        return getattr(self.client, method)(BASE + path, data=json.dumps(body), content_type="application/json",
                                            headers=self.headers)

    def get(self, path, **params):
        return self._send("get", path, params=params)

    def post(self, path, body):
        return self._send("post", path, body)

    def patch(self, path, body):
        return self._send("patch", path, body)

    def delete(self, path):
        return self.client.delete(BASE + path, headers=self.headers)


@pytest.fixture
def api():
    return Api


def units(words: str, unit: str) -> tuple[int, int]:
    cp = MULTI.index(words)
    if unit == "utf16":
        return len(MULTI[:cp].encode("utf-16-le")) // 2, len(MULTI[:cp + len(words)].encode("utf-16-le")) // 2
    if unit == "utf8":
        return len(MULTI[:cp].encode()), len(MULTI[:cp + len(words)].encode())
    return cp, cp + len(words)


def test_a_researcher_lists_a_sources_codings_with_their_text(analysis, api):
    c = analysis
    response = api(c.researcher_a).get(f"/sources/{c.s_multi.pk}")
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["id"] == c.coding_a.pk and item["text"] == "Иш ҳақи тўланмади"
    assert (item["start"], item["end"], item["coder"]) == (0, 17, "researcher_a")


@pytest.mark.parametrize("unit", ["codepoint", "utf16", "utf8"])
@pytest.mark.parametrize("words", ["😔", "Oʻgʻil", "g'alla", "Зарплату не"])
def test_offsets_in_every_unit_code_the_same_words(analysis, api, unit, words):
    c = analysis
    start, end = units(words, unit)
    response = api(c.researcher_a).post(f"/sources/{c.s_multi.pk}",
                                        {"codes": [c.social.pk], "start": start, "end": end, "units": unit})
    assert response.status_code == 201, response.content
    (item,) = response.json()
    assert item["text"] == words
    assert item["start"] == MULTI.index(words)  # answered in code points
    assert Coding.objects.get(pk=item["id"]).text() == words


def test_a_code_from_another_partnership_is_refused_and_nothing_is_stored(analysis, api):
    c = analysis
    before = Coding.objects.count()
    response = api(c.researcher_a).post(f"/sources/{c.s_multi.pk}", {"codes": [c.social.pk, c.own_b.pk],
                                                                     "start": 0, "end": 3})
    assert response.status_code == 400 and str(c.own_b.pk) in response.json()["detail"]
    assert Coding.objects.count() == before


def test_offsets_beyond_the_transcript_answer_a_clear_400(analysis, api):
    c = analysis
    response = api(c.researcher_a).post(f"/sources/{c.s_multi.pk}", {"codes": [c.social.pk], "start": 0,
                                                                     "end": 10_000, "units": "utf16"})
    assert response.status_code == 400 and "transcript" in response.json()["detail"]


def test_change_and_delete_a_coding(analysis, api):
    c = analysis
    client = api(c.mentor_a)
    start, end = units("Зарплату", "utf16")
    response = client.patch(f"/{c.coding_a.pk}", {"code_id": c.own_a.pk, "start": start, "end": end,
                                                  "units": "utf16"})
    assert response.status_code == 200, response.content
    assert response.json()["code_id"] == c.own_a.pk and response.json()["text"] == "Зарплату"
    response = client.patch(f"/{c.coding_a.pk}", {"end": units("Зарплату не", "utf8")[1], "units": "utf8"})
    assert response.json()["text"] == "Зарплату не"
    assert client.delete(f"/{c.coding_a.pk}").status_code == 204
    assert not Coding.objects.filter(pk=c.coding_a.pk).exists()


@pytest.mark.parametrize("who", ["researcher_b", "coordinator", "coresearcher_a", "viewer", "outsider"])
def test_others_get_404_on_an_unshared_sources_codings(analysis, api, who):
    c = analysis
    client = api(getattr(c, who))
    assert client.get(f"/sources/{c.s_multi.pk}").status_code == 404
    assert client.get(f"/{c.coding_a.pk}").status_code == 404
    assert client.post(f"/sources/{c.s_multi.pk}", {"codes": [c.wage.pk], "start": 0, "end": 2}).status_code == 404
    assert client.patch(f"/{c.coding_a.pk}", {"code_id": c.social.pk}).status_code == 404
    assert client.delete(f"/{c.coding_a.pk}").status_code == 404
    assert Coding.objects.filter(pk=c.coding_a.pk, code=c.wage).exists()


def test_the_coordinator_reads_a_shared_source_but_cannot_code_it(analysis, api):
    c = analysis
    coding_create(actor=c.researcher_a, source=c.s1, codes=[c.wage], start=0, end=3)
    client = api(c.coordinator)
    assert client.get(f"/sources/{c.s1.pk}").json()["count"] == 1
    assert client.post(f"/sources/{c.s1.pk}", {"codes": [c.wage.pk], "start": 4, "end": 6}).status_code == 404


def test_a_source_whose_participant_refused_analysis_has_no_codings_to_read(analysis, api):
    c = analysis
    assert api(c.researcher_a).get(f"/sources/{c.s_refused.pk}").status_code == 404


def test_round_codings_are_listed_only_for_their_coder_while_the_round_runs(analysis, api):
    c = analysis
    round_ = DoubleCoding.objects.create(source=c.s_multi, coder_a=c.researcher_a, coder_b=c.mentor_a)
    response = api(c.researcher_a).post(f"/sources/{c.s_multi.pk}", {"codes": [c.social.pk], "start": 19, "end": 25,
                                                                     "double_coding_id": round_.pk})
    assert response.status_code == 201 and response.json()[0]["double_coding_id"] == round_.pk
    mine = api(c.researcher_a).get(f"/sources/{c.s_multi.pk}", double_coding_id=round_.pk).json()
    assert mine["count"] == 1
    assert api(c.mentor_a).get(f"/sources/{c.s_multi.pk}", double_coding_id=round_.pk).json()["count"] == 0
    # Outside the round, the list shows the ordinary codings only.
    assert api(c.researcher_a).get(f"/sources/{c.s_multi.pk}").json()["count"] == 1
