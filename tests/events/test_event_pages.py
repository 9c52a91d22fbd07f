"""The coordinator creates, edits and deletes events; everyone in the programme's teams finds them in a list."""

import datetime

from ovoz.audit.models import AuditEntry
from ovoz.events.models import Event
from tests.events.conftest import confirmed, make_event


def test_the_coordinator_creates_an_event_and_it_is_audited(cast, as_user):
    client = as_user(cast.coordinator)
    response = client.post(
        f"/programmes/{cast.programme.pk}/events/new/",
        {
            "kind": "regional_training",
            "title": "Third regional training",
            "starts_on": "2023-10-03",
            "ends_on": "2023-10-07",
            "format": "in_person",
            "city": "Almaty",
            "country": "KZ",
            "status": "planned",
            "description": "Reflections and ways forward for advocacy",
        },
    )
    event = Event.objects.get(title="Third regional training")
    assert response.status_code == 302 and response["Location"] == f"/events/{event.pk}/"
    assert event.place == "Almaty, Kazakhstan" and event.days == 5
    entry = AuditEntry.objects.get(action="event.create")
    assert entry.programme_id == cast.programme.pk and entry.changes["title"]["new"] == "Third regional training"


def test_an_event_that_ends_before_it_starts_is_refused_with_a_reason(cast, as_user):
    client = as_user(cast.coordinator)
    response = client.post(
        f"/programmes/{cast.programme.pk}/events/new/",
        {"kind": "other", "title": "Backwards", "starts_on": "2023-10-07", "ends_on": "2023-10-03",
         "format": "online", "status": "planned"},
    )
    assert response.status_code == 200
    assert "cannot end before it starts" in response.content.decode()
    assert not Event.objects.exists()


def test_the_coordinator_edits_an_event_and_only_the_change_is_audited(cast, as_user, event):
    client = as_user(cast.coordinator)
    data = {"kind": event.kind, "title": event.title, "starts_on": "2023-02-20", "ends_on": "2023-02-24",
            "format": "hybrid", "city": event.city, "country": event.country, "status": event.status,
            "description": ""}
    assert client.post(f"/events/{event.pk}/edit/", data).status_code == 302
    event.refresh_from_db()
    assert event.format == "hybrid"
    assert AuditEntry.objects.get(action="event.update").changes == {"format": {"old": "in_person", "new": "hybrid"}}


def test_dates_cannot_move_away_from_the_agenda(cast, as_user, event):
    from ovoz.events.services import agenda_set

    agenda_set(actor=cast.coordinator, event=event,
               sessions=[{"day": datetime.date(2023, 2, 24), "title": "Closing"}])
    client = as_user(cast.coordinator)
    data = {"kind": event.kind, "title": event.title, "starts_on": "2023-02-20", "ends_on": "2023-02-22",
            "format": "in_person", "status": event.status}
    response = client.post(f"/events/{event.pk}/edit/", data)
    assert "fall outside the new dates" in response.content.decode()
    event.refresh_from_db()
    assert event.ends_on == datetime.date(2023, 2, 24)


def test_team_members_cannot_create_or_edit_events(cast, as_user, event):
    for person in (cast.mentor_a, cast.researcher_a, cast.researcher_b, cast.viewer, cast.outsider):
        client = as_user(person)
        assert client.post(f"/programmes/{cast.programme.pk}/events/new/", {"title": "x"}).status_code == 404
        assert client.post(f"/events/{event.pk}/edit/", {"title": "x"}).status_code == 404
    event.refresh_from_db()
    assert event.title == "Second regional training"


def test_deleting_an_event_asks_for_the_password_then_a_confirmation(cast, as_user, event):
    client = as_user(cast.coordinator)
    response = client.get(f"/events/{event.pk}/delete/")
    assert response.status_code == 302 and "/auth/confirm/" in response["Location"]
    confirmed(client)
    page = client.get(f"/events/{event.pk}/delete/")
    assert "Delete this event?" in page.content.decode()
    assert Event.objects.filter(pk=event.pk).exists()
    response = client.post(f"/events/{event.pk}/delete/")
    assert response["Location"] == f"/programmes/{cast.programme.pk}/events/"
    assert not Event.objects.filter(pk=event.pk).exists()
    assert AuditEntry.objects.get(action="event.delete").changes["title"]["old"] == "Second regional training"


def test_the_list_filters_by_kind_year_and_upcoming_or_past(cast, as_user):
    make_event(cast, title="Regional 2022", starts_on=datetime.date(2022, 11, 14), ends_on=datetime.date(2022, 11, 18))
    make_event(cast, title="UN mechanisms", kind="un_mechanisms_training",
               starts_on=datetime.date(2023, 10, 8), ends_on=datetime.date(2023, 10, 9))
    today = datetime.date.today()
    make_event(cast, title="Reflection ahead", kind="reflection_meeting", status="planned",
               starts_on=today + datetime.timedelta(days=30), ends_on=today + datetime.timedelta(days=33))
    client = as_user(cast.researcher_b)
    url = f"/programmes/{cast.programme.pk}/events/"

    def titles(**params):
        body = client.get(url, params).content.decode()
        return {t for t in ("Regional 2022", "UN mechanisms", "Reflection ahead") if t in body}

    assert titles() == {"Regional 2022", "UN mechanisms", "Reflection ahead"}
    assert titles(kind="un_mechanisms_training") == {"UN mechanisms"}
    assert titles(year="2022") == {"Regional 2022"}
    assert titles(when="upcoming") == {"Reflection ahead"}
    assert titles(when="past") == {"Regional 2022", "UN mechanisms"}
    assert titles(kind="nonsense", year="abc") == {"Regional 2022", "UN mechanisms", "Reflection ahead"}


def test_the_list_pages_without_a_query_per_event(cast, as_user, django_assert_max_num_queries):
    for n in range(25):
        make_event(cast, title=f"Event number {n:02d}", starts_on=datetime.date(2023, 1, 1) +
                   datetime.timedelta(days=n), ends_on=datetime.date(2023, 1, 1) + datetime.timedelta(days=n))
    client = as_user(cast.coordinator)
    with django_assert_max_num_queries(15):
        page1 = client.get(f"/programmes/{cast.programme.pk}/events/").content.decode()
    assert "Event number 00" in page1 and "Event number 24" not in page1 and "Page 1 of 2" in page1
    page2 = client.get(f"/programmes/{cast.programme.pk}/events/", {"page": 2}).content.decode()
    assert "Event number 24" in page2


def test_the_events_index_shows_the_programmes_events_to_its_teams_and_nothing_to_viewers(cast, as_user, event):
    assert event.title in as_user(cast.coresearcher_a).get("/events/").content.decode()
    assert event.title in as_user(cast.researcher_b).get("/events/").content.decode()
    assert event.title not in as_user(cast.viewer).get("/events/").content.decode()
    assert event.title not in as_user(cast.outsider).get("/events/").content.decode()


def test_another_programmes_events_are_404_even_for_a_coordinator(cast, as_user):
    other = Event.objects.create(programme=cast.other_programme, title="Elsewhere", starts_on=datetime.date(2025, 3, 1),
                                 ends_on=datetime.date(2025, 3, 2))
    client = as_user(cast.coordinator)
    assert client.get(f"/events/{other.pk}/").status_code == 404
    assert client.get(f"/programmes/{cast.other_programme.pk}/events/").status_code == 404
    assert "Elsewhere" not in client.get("/events/").content.decode()
