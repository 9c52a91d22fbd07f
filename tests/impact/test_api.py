"""The impact and safety API: the same access rules and consent as the pages, behind bearer tokens."""

import datetime

from ovoz.evidence.services.consent import ALL_SCOPES, consent_record, consent_withdraw
from ovoz.evidence.services.participants import participant_create
from ovoz.impact.services.stories import story_create
from ovoz.safety.services import risk_create
from tests.api.conftest import api_as, ids  # noqa: F401 -- fixture


def _story(cast):
    teller = participant_create(actor=None, partnership=cast.a)
    consent_record(actor=None, participant=teller, date=datetime.date(2023, 3, 1), method="oral", language="ky",
                   scopes=ALL_SCOPES)
    story = story_create(actor=cast.researcher_a, partnership=cast.a, level="organisational", title="New policy",
                         social_actor="Partner A", what_changed="A safeguarding policy.",
                         storyteller_kind="participant", storyteller=teller, shared_with_programme=True)
    return teller, story


def test_stories_through_the_api_follow_consent_and_partnership(cast, api_as):  # noqa: F811
    teller, story = _story(cast)
    assert ids(api_as(cast.coordinator).get("/impact/stories", {"scope": "quotes"})) == [story.pk]
    assert api_as(cast.coordinator).get(f"/impact/stories/{story.pk}").json()["storyteller"] == teller.code
    assert ids(api_as(cast.researcher_b).get("/impact/stories")) == []
    assert api_as(cast.viewer).get(f"/impact/stories/{story.pk}").status_code == 404
    consent_withdraw(actor=None, participant=teller, date=datetime.date(2024, 1, 1))
    assert ids(api_as(cast.researcher_a).get("/impact/stories", {"scope": "analysis"})) == []
    assert api_as(cast.coordinator).get("/impact/stories", {"scope": "nonsense"}).status_code == 400


def test_a_mentor_records_a_reflection_for_her_partnership_but_not_for_another(cast, api_as):  # noqa: F811
    body = {"programme_id": cast.programme.pk, "partnership_id": cast.a.pk, "kind": "lesson",
            "title": "Evening meetings", "text": "Women work by day."}
    assert api_as(cast.mentor_a).post("/impact/reflections", body).status_code == 201
    assert api_as(cast.researcher_b).post("/impact/reflections", body).status_code == 404
    assert api_as(cast.mentor_a).post("/impact/reflections", {**body, "partnership_id": None}).status_code == 404
    assert len(ids(api_as(cast.coresearcher_a).get("/impact/reflections"))) == 1
    assert ids(api_as(cast.viewer).get("/impact/reflections")) == []


def test_the_risk_register_api_is_closed_to_other_partnerships_and_viewers(cast, api_as):  # noqa: F811
    risk = risk_create(actor=cast.mentor_a, partnership=cast.a, title="Surveillance", category="surveillance",
                       affects="researchers", description="Phones checked at the border.")
    url = f"/safety/partnerships/{cast.a.pk}/risks"
    assert ids(api_as(cast.coordinator).get(url)) == [risk.pk]
    assert api_as(cast.researcher_a).get(url).json()["items"][0]["description"] == "Phones checked at the border."
    for user in (cast.researcher_b, cast.viewer, cast.coresearcher_a):
        assert api_as(user).get(url).status_code == 404


def test_the_lock_through_the_api_revokes_the_teams_tokens(cast, api_as):  # noqa: F811
    researcher = api_as(cast.researcher_a)
    assert researcher.get("/me").status_code == 200
    assert api_as(cast.researcher_b).post(f"/safety/partnerships/{cast.a.pk}/lock", {}).status_code == 404
    response = api_as(cast.coordinator).post(f"/safety/partnerships/{cast.a.pk}/lock", {"reason": "raid"})
    assert response.status_code == 201
    assert response.json()["accounts"] == ["coresearcher_a", "mentor_a", "researcher_a"]
    assert researcher.get("/me").status_code == 401
    assert api_as(cast.coordinator).post(f"/safety/partnerships/{cast.a.pk}/lock", {}).status_code == 400
