"""GET /api/v1/search/: the same search, access rules and consent as the page, with snippets and offsets."""

import datetime

import pytest

from ovoz.evidence.services.consent import consent_withdraw
from tests.evidence.conftest import evidence  # noqa: F401
from tests.search.conftest import corpus  # noqa: F401

PATH = "/search/"


def titles(response) -> set[str]:
    return {item["title"] for item in response.json()["items"]}


def test_a_researcher_finds_cyrillic_with_latin_and_gets_marked_snippets_with_offsets(corpus, api_as):  # noqa: F811
    response = api_as(corpus.researcher_a).get(PATH, {"q": "ish haqi"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2 and titles(response) == {"Interview A1", "Suhbat Farg'onada"}
    hit = next(i for i in body["items"] if i["title"] == "Interview A1")
    assert hit["object_type"] == "source" and hit["object_id"] == corpus.s1.pk and hit["kind"] == "interview"
    assert hit["partnership_id"] == corpus.a.pk and hit["language"] == "uz"
    snippet = hit["snippet"]
    assert snippet["field"] == "transcript"
    assert snippet["html"] == "<mark>Иш</mark> <mark>ҳақи</mark> тўланмади."
    assert [corpus.s1.transcript[s:e] for s, e in snippet["matches"]] == ["Иш", "ҳақи"]


def test_researcher_b_never_finds_as_text(corpus, api_as):  # noqa: F811
    response = api_as(corpus.researcher_b).get(PATH, {"q": "ish haqi"})
    assert titles(response) == {"Suhbat B"}
    response = api_as(corpus.researcher_b).get(PATH, {"q": "ish haqi", "partnership": corpus.a.pk})
    assert response.json()["items"] == [] and response.json()["count"] == 0


def test_the_coordinator_finds_only_shared_consented_material(corpus, api_as):  # noqa: F811
    assert titles(api_as(corpus.coordinator).get(PATH, {"q": "ish haqi"})) == {"Interview A1", "Suhbat Farg'onada"}
    assert api_as(corpus.coordinator).get(PATH, {"q": "зарплат*"}).json()["count"] == 0


@pytest.mark.parametrize("person", ["coresearcher_a", "viewer", "outsider"])
def test_everyone_else_gets_an_empty_list(corpus, api_as, person):  # noqa: F811
    response = api_as(getattr(corpus, person)).get(PATH, {"q": "ish haqi"})
    assert response.status_code == 200 and response.json()["items"] == [] and response.json()["count"] == 0


def test_withdrawn_consent_is_respected_at_once(corpus, api_as):  # noqa: F811
    consent_withdraw(actor=corpus.researcher_a, participant=corpus.a1, date=datetime.date(2024, 6, 1))
    assert api_as(corpus.researcher_a).get(PATH, {"q": "ish haqi"}).json()["count"] == 0


def test_filters_and_paging(corpus, api_as):  # noqa: F811
    client = api_as(corpus.researcher_a)
    both = client.get(PATH, {"q": "ish haqi", "limit": 1}).json()
    rest = client.get(PATH, {"q": "ish haqi", "limit": 1, "offset": 1}).json()
    assert both["count"] == rest["count"] == 2 and len(both["items"]) == len(rest["items"]) == 1
    assert both["items"][0]["object_id"] != rest["items"][0]["object_id"]
    assert titles(client.get(PATH, {"q": "ish haqi", "date_from": "2023-04-01"})) == {"Suhbat Farg'onada"}
    assert titles(client.get(PATH, {"q": "wages", "kind": "incident"})) == {"Wages withheld at the market"}
    assert titles(client.get(PATH, {"q": "ish haqi", "migrant_status": [corpus.internal.pk]})) == set()
    assert titles(client.get(PATH, {"q": "ish haqi", "violation_type": [corpus.labour.pk]})) == {"Suhbat Farg'onada"}
    assert titles(client.get(PATH, {"q": "ish haqi", "language": "ru"})) == set()
    attachment = client.get(PATH, {"q": "расписка"}).json()["items"][0]
    assert attachment["object_type"] == "attachment" and attachment["source_id"] == corpus.ru.pk


@pytest.mark.parametrize("params, message", [
    ({}, "q"),
    ({"q": "!!!"}, "type at least one word"),
    ({"q": "x", "limit": 500}, "limit"),
    ({"q": "x", "date_from": "2024-01-01", "date_to": "2023-01-01"}, "before its start"),
    ({"q": "x", "date_from": "yesterday"}, "date_from"),
])
def test_bad_requests_get_a_clear_400(corpus, api_as, params, message):  # noqa: F811
    response = api_as(corpus.researcher_a).get(PATH, params)
    assert response.status_code == 400 and message in response.json()["detail"]


def test_a_token_is_required(corpus, api_anonymous):  # noqa: F811
    assert api_anonymous.get(PATH, {"q": "ish haqi"}).status_code == 401
