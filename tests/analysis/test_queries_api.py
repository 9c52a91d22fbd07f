"""/api/v1/analysis/queries: the same data as the pages, under the same access and consent rules."""

import pytest

from ovoz.analysis.models import Coding
from ovoz.analysis.services.codings import coding_create
from tests.api.conftest import api_anonymous, api_as  # noqa: F401  (fixtures)

BASE = "/analysis/queries"


@pytest.fixture
def coded(analysis):
    c = analysis
    Coding.objects.create(source=c.s_refused, code=c.wage, start=0, end=8, coder=c.researcher_a)
    coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.social], start=5, end=30)
    return c


def test_segments_come_with_text_context_codes_and_pseudonym_codes(coded, api_as):  # noqa: F811
    c = coded
    response = api_as(c.researcher_a).get(f"{BASE}/segments", {"code": c.wage.pk, "context": 10})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and body["sources"] == 1
    item = body["items"][0]
    assert item["text"] == c.coding_a.text()
    assert item["source"]["id"] == c.s_multi.pk
    assert item["participants"][0]["code"] == c.a1.code
    assert "Gulmira" not in response.content.decode()
    assert [code["id"] for code in item["codes"]] == [c.wage.pk]


def test_segments_and_gives_the_overlap(coded, api_as):  # noqa: F811
    c = coded
    body = api_as(c.researcher_a).get(f"{BASE}/segments", {"code": [c.wage.pk, c.social.pk], "mode": "all"}).json()
    assert [(i["start"], i["end"]) for i in body["items"]] == [(5, 17)]


def test_segments_are_paged(coded, api_as):  # noqa: F811
    c = coded
    body = api_as(c.researcher_a).get(f"{BASE}/segments", {"code": [c.wage.pk, c.social.pk], "limit": 1,
                                                           "offset": 1}).json()
    assert body["count"] == 2 and len(body["items"]) == 1 and body["items"][0]["start"] == 5


def test_a_code_one_may_not_see_answers_404(coded, api_as):  # noqa: F811
    c = coded
    assert api_as(c.researcher_b).get(f"{BASE}/segments", {"code": c.own_a.pk}).status_code == 404


def test_researcher_b_gets_nothing_of_a(coded, api_as):  # noqa: F811
    c = coded
    client = api_as(c.researcher_b)
    body = client.get(f"{BASE}/segments", {"code": c.wage.pk}).json()
    assert {i["source"]["id"] for i in body["items"]} == {c.sb.pk}
    freq = client.get(f"{BASE}/frequencies").json()
    assert {r["code"]["id"]: r["total"]["segments"] for r in freq["rows"]} == {c.wage.pk: 1}
    assert client.get(f"{BASE}/cooccurrence").json()["pairs"] == []


def test_frequencies_by_partnership_leave_out_the_refused_source(coded, api_as):  # noqa: F811
    c = coded
    body = api_as(c.researcher_a).get(f"{BASE}/frequencies", {"by": "partnership"}).json()
    wage = next(r for r in body["rows"] if r["code"]["id"] == c.wage.pk)
    assert wage["total"] == {"segments": 1, "sources": 1, "participants": 1}
    assert wage["by_value"] == {str(c.a.pk): {"segments": 1, "sources": 1, "participants": 1}}
    assert body["values"][0]["label"] == c.a.organisation.name


def test_an_unknown_attribute_is_a_400(coded, api_as):  # noqa: F811
    response = api_as(coded.researcher_a).get(f"{BASE}/frequencies", {"by": "shoe_size"})
    assert response.status_code == 400 and "shoe_size" in response.json()["detail"]


def test_cooccurrence_counts_the_overlapping_pair(coded, api_as):  # noqa: F811
    c = coded
    body = api_as(c.researcher_a).get(f"{BASE}/cooccurrence").json()
    low, high = sorted([c.wage.pk, c.social.pk])
    assert body["pairs"] == [{"a": low, "b": high, "count": 1}]
    assert body["codings"] == {str(c.wage.pk): 1, str(c.social.pk): 1}
    assert "share at least one character" in body["definition"]


def test_the_matrix_gives_counts_and_drilldown_links(coded, api_as):  # noqa: F811
    c = coded
    body = api_as(c.researcher_a).get(f"{BASE}/matrix", {"by": "kind", "measure": "sources"}).json()
    assert body["values"] == [{"value": "interview", "label": "Interview"}]
    row = next(r for r in body["rows"] if r["code"]["id"] == c.wage.pk)
    assert row["cells"][0]["count"] == 1
    assert f"code={c.wage.pk}" in row["cells"][0]["segments_url"] and "kind=interview" in row["cells"][0][
        "segments_url"]
    assert api_as(c.researcher_a).get(f"{BASE}/matrix", {"measure": "votes"}).status_code == 400


def test_the_api_needs_a_token(coded, api_anonymous):  # noqa: F811
    assert api_anonymous.get(f"{BASE}/frequencies").status_code == 401
