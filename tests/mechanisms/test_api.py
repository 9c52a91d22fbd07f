"""/api/v1/mechanisms: the registry with sources and dates, the calendar, recommendations with their append-only
history, and the pack after the disclosure gate, under the same access rules as the pages."""

import json

from ovoz.mechanisms.models import Ratification, Recommendation
from tests.api.conftest import PREFIX, api_as  # noqa: F401  (fixture)
from tests.mechanisms.conftest import recs  # noqa: F401
from tests.mechanisms.test_pack import pack_world  # noqa: F401


def test_ratifications_come_with_source_and_as_of_date_and_outsiders_get_404(cast, api_as):  # noqa: F811
    response = api_as(cast.viewer).get("/mechanisms/ratifications", {"country": "kg", "limit": 200})
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 12 and all(i["source"] and i["as_of"] for i in items)
    assert api_as(cast.outsider).get("/mechanisms/ratifications").status_code == 404
    assert api_as(cast.viewer).get("/mechanisms/ratifications", {"country": "FR"}).status_code == 400
    instruments = api_as(cast.researcher_b).get("/mechanisms/instruments", {"limit": 200}).json()["items"]
    icescr = next(i for i in instruments if i["code"] == "icescr")
    assert {a["number"] for a in icescr["articles"]} == {"6", "7", "9"} and icescr["bodies"][0] == "cescr"


def test_only_a_coordinator_updates_a_ratification_through_the_api(cast, api_as):  # noqa: F811
    rat = Ratification.objects.get(instrument__code="crpd", country="TJ")
    body = json.dumps({"status": "party", "year": 2024, "source": "OHCHR", "as_of": "2025-01-01"})
    researcher = api_as(cast.researcher_a)
    response = researcher.client.put(f"{PREFIX}/mechanisms/ratifications/{rat.pk}", body,
                                     content_type="application/json", headers=researcher._headers())
    assert response.status_code == 404
    coordinator = api_as(cast.coordinator)
    response = coordinator.client.put(f"{PREFIX}/mechanisms/ratifications/{rat.pk}", body,
                                      content_type="application/json", headers=coordinator._headers())
    assert response.status_code == 200 and response.json()["status"] == "party"


def test_reviews_are_added_by_coordinators_and_listed_by_deadline(cast, api_as):  # noqa: F811
    body = {"mechanism": "cedaw", "country": "KG", "session": "API", "review_on": "2027-02-01",
            "submission_deadline": "2027-01-01", "source": "OHCHR"}
    assert api_as(cast.researcher_a).post("/mechanisms/reviews", body).status_code == 404
    response = api_as(cast.coordinator).post("/mechanisms/reviews", body)
    assert response.status_code == 201 and response.json()["mechanism"] == "cedaw"
    listed = api_as(cast.mentor_a).get("/mechanisms/reviews", {"deadline_from": "2026-12-01"}).json()["items"]
    assert [r["session"] for r in listed] == ["API"]


def test_recommendations_and_their_history_through_the_api(recs, api_as):  # noqa: F811
    client = api_as(recs.researcher_a)
    rec = recs.rec_a
    response = client.post(f"/mechanisms/recommendations/{rec.pk}/status",
                           {"status": "in_progress", "observed_on": "2024-01-10", "evidence": "Desk opened."})
    assert response.status_code == 201
    detail = client.get(f"/mechanisms/recommendations/{rec.pk}").json()
    assert detail["status"] == "in_progress" and detail["history"][0]["evidence"] == "Desk opened."
    assert detail["articles"] == ["ICESCR art. 7"]
    assert api_as(recs.researcher_b).get(f"/mechanisms/recommendations/{rec.pk}").status_code == 404
    assert api_as(recs.researcher_b).post(f"/mechanisms/recommendations/{rec.pk}/status", {
        "status": "implemented", "observed_on": "2024-02-01", "evidence": "x"}).status_code == 404
    listed = api_as(recs.researcher_b).get("/mechanisms/recommendations",
                                           {"programme_id": recs.programme.pk}).json()["items"]
    assert [r["id"] for r in listed] == [recs.rec_programme.pk]


def test_a_upr_recommendation_is_created_with_its_state_and_response(recs, api_as):  # noqa: F811
    response = api_as(recs.coordinator).post(f"/mechanisms/recommendations?programme_id={recs.programme.pk}", {
        "origin": "upr", "mechanism": "upr", "country": "KG", "text": "Ratify C189.", "addressee": "Government",
        "upr_response": "supported", "recommending_state": "Iceland", "sdg_targets": "8.8, 5.4"})
    assert response.status_code == 201, response.content
    assert response.json()["sdg_targets"] == ["8.8", "5.4"]
    bad = api_as(recs.coordinator).post(f"/mechanisms/recommendations?programme_id={recs.programme.pk}", {
        "origin": "concluding", "text": "Y.", "addressee": "Z", "upr_response": "noted"})
    assert bad.status_code == 400
    assert not Recommendation.objects.filter(text="Y.").exists()


def test_the_pack_through_the_api_holds_only_consented_quotes(pack_world, api_as):  # noqa: F811
    c = pack_world
    response = api_as(c.researcher_a).get("/mechanisms/pack", {"programme_id": c.programme.pk, "country": "KG",
                                                               "mechanism": "cescr"})
    assert response.status_code == 200
    text = json.dumps(response.json()["document"], ensure_ascii=False)
    assert response.json()["ready"] and c.s1.transcript in text and "Без договора." not in text
    assert api_as(c.viewer).get("/mechanisms/pack", {"programme_id": c.programme.pk, "country": "KG",
                                                     "mechanism": "cescr"}).status_code == 404
