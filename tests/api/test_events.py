"""/api/v1/events: the events each person may see, filtered; one event with agenda, outputs and attendance."""

import datetime

import pytest

from ovoz.events.models import Event
from ovoz.events.services import (
    agenda_set,
    evaluation_open,
    evaluation_submit,
    evaluation_topics_set,
    event_create,
    expected_outputs_set,
    invitation_set_status,
    invitations_create,
)
from tests.api.conftest import ids

TEAMS = ["coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b"]


def make(cast, title, start, end, kind="regional_training", programme=None):
    return event_create(actor=cast.coordinator, programme=programme or cast.programme, title=title, kind=kind,
                        starts_on=start, ends_on=end, city="Almaty", country="KZ", status="held")


@pytest.fixture
def events(cast):
    first = make(cast, "First regional training", datetime.date(2022, 11, 14), datetime.date(2022, 11, 18))
    third = make(cast, "Third regional training", datetime.date(2023, 10, 3), datetime.date(2023, 10, 7))
    un = make(cast, "UN mechanisms", datetime.date(2023, 10, 8), datetime.date(2023, 10, 9), "un_mechanisms_training")
    elsewhere = Event.objects.create(programme=cast.other_programme, title="Elsewhere",
                                     starts_on=datetime.date(2025, 1, 1), ends_on=datetime.date(2025, 1, 2))
    return first, third, un, elsewhere


@pytest.mark.parametrize("name", TEAMS)
def test_the_programmes_teams_list_its_events_and_no_other(cast, api_as, events, name):
    first, third, un, _ = events
    response = api_as(getattr(cast, name)).get("/events")
    assert response.status_code == 200
    assert ids(response) == [first.pk, third.pk, un.pk] and response.json()["count"] == 3


@pytest.mark.parametrize("name", ["viewer", "outsider"])
def test_viewers_and_outsiders_list_no_events_and_read_none(cast, api_as, events, name):
    client = api_as(getattr(cast, name))
    assert client.get("/events").json() == {"items": [], "count": 0}
    assert client.get(f"/events/{events[0].pk}").status_code == 404


def test_the_list_filters_by_programme_kind_and_dates(cast, api_as, events):
    first, third, un, _ = events
    client = api_as(cast.coordinator)
    assert ids(client.get("/events", {"kind": "un_mechanisms_training"})) == [un.pk]
    assert ids(client.get("/events", {"from": "2023-01-01"})) == [third.pk, un.pk]
    assert ids(client.get("/events", {"to": "2023-10-07"})) == [first.pk, third.pk]
    assert ids(client.get("/events", {"from": "2023-10-07", "to": "2023-10-08"})) == [third.pk, un.pk]
    assert ids(client.get("/events", {"programme_id": cast.other_programme.pk})) == []
    assert ids(client.get("/events", {"programme_id": cast.programme.pk, "limit": 1})) == [first.pk]


def test_bad_filters_answer_400_with_a_reason(cast, api_as, events):
    client = api_as(cast.coordinator)
    response = client.get("/events", {"kind": "party"})
    assert response.status_code == 400 and "Unknown kind" in response.json()["detail"]
    assert client.get("/events", {"from": "yesterday"}).status_code == 400
    assert client.get("/events", {"from": "2023-10-09", "to": "2023-10-01"}).status_code == 400


def test_one_event_with_agenda_outputs_and_attendance_counts_but_no_answers(cast, api_as, events):
    _, third, _, _ = events
    agenda_set(actor=cast.coordinator, event=third, sessions=[
        {"day": datetime.date(2023, 10, 3), "starts_at": datetime.time(9, 30), "title": "FPAR journeys",
         "facilitator": "Secretariat"}])
    expected_outputs_set(actor=cast.coordinator, event=third, outputs=[
        {"text": "Qualitative analysis skills", "outcome": "met", "note": "All partners"}])
    invitations = invitations_create(actor=cast.coordinator, event=third,
                                     users=[cast.mentor_a, cast.researcher_a, cast.researcher_b])
    invitation_set_status(actor=cast.coordinator, invitation=invitations[1], status="attended")
    invitation_set_status(actor=cast.coordinator, invitation=invitations[2], status="absent")
    (topic,) = evaluation_topics_set(actor=cast.coordinator, event=third, topics=[{"title": "FPAR"}])
    evaluation_open(actor=cast.coordinator, event=third)
    third.refresh_from_db()
    evaluation_submit(actor=cast.researcher_a, event=third, answers={topic.pk: (2, 5)}, comment="Secret remark")

    body = api_as(cast.researcher_a).get(f"/events/{third.pk}").json()
    assert body["title"] == "Third regional training" and body["city"] == "Almaty"
    assert body["my_invitation"] == "attended"
    assert body["agenda"] == [{"day": "2023-10-03", "starts_at": "09:30:00", "ends_at": None,
                               "title": "FPAR journeys", "facilitator": "Secretariat"}]
    assert body["expected_outputs"] == [
        {"text": "Qualitative analysis skills", "outcome": "met", "note": "All partners"}
    ]
    assert body["attendance"] == {"invited": 3, "confirmed": 0, "attended": 1, "absent": 1}
    assert "Secret remark" not in str(body)
    assert api_as(cast.coresearcher_a).get(f"/events/{third.pk}").json()["my_invitation"] is None


def test_another_programmes_event_is_404_with_the_usual_body(cast, api_as, events):
    response = api_as(cast.coordinator).get(f"/events/{events[3].pk}")
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}
    assert api_as(cast.coordinator).get("/events/999999").status_code == 404


def test_without_a_token_the_events_answer_401(api_anonymous):
    assert api_anonymous.get("/events").status_code == 401


def test_the_list_answers_with_or_without_a_trailing_slash(cast, api_as, events):
    client = api_as(cast.researcher_b)
    assert ids(client.get("/events/")) == ids(client.get("/events"))
