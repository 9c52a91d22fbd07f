"""Her secret calendar address: made and reset on a page, fetched without signing in, valid iCalendar
(parsed back with the ``icalendar`` package), and holding her deadlines and nobody else's."""

import datetime

import pytest
from icalendar import Calendar

from ovoz.audit.models import AuditEntry
from ovoz.deliverables.models import CalendarFeed, Deliverable
from ovoz.deliverables.services import calendar_feed_reset
from ovoz.web import calendar as sources
from tests.deliverables.conftest import days

ONLY_MINE = ["ovoz.deliverables.calendar", "ovoz.no_such_app.calendar"]
EVERY_SOURCE = list(sources.SOURCES)


@pytest.fixture(autouse=True)
def only_this_apps_source(monkeypatch):
    """Whether or not the events app's source exists yet, these tests see this app's (and a missing one)."""
    monkeypatch.setattr(sources, "SOURCES", ONLY_MINE)


def feed_url(user) -> str:
    _, token = calendar_feed_reset(actor=user, user=user)
    return f"/calendar/{token}.ics"


def events(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = Calendar.from_ical(response.content)
    return cal, {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_the_feed_is_valid_icalendar_with_her_partnerships_deadlines(work, client):
    cal, found = events(client, feed_url(work.researcher_a))
    assert str(cal["VERSION"]) == "2.0" and "Ovoz" in str(cal["PRODID"])
    assert set(found) == {f"deliverable-{work.design_a.pk}@ovoz", f"deliverable-{work.report_a.pk}@ovoz"}
    design = found[f"deliverable-{work.design_a.pk}@ovoz"]
    assert str(design["SUMMARY"]) == "Due: Research design (Partner A)"
    assert design.decoded("DTSTART") == work.design.due_on
    assert design.decoded("DTEND") == work.design.due_on + datetime.timedelta(days=1)
    assert str(design["URL"]) == f"http://testserver/partnerships/{work.a.pk}/deliverables/"
    assert "State: Not started" in str(design["DESCRIPTION"])
    for event in found.values():
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert prop in event


@pytest.mark.parametrize("name", ["mentor_a", "coresearcher_a"])
def test_her_team_mates_get_the_same_deadlines(work, client, name):
    _, found = events(client, feed_url(getattr(work, name)))
    assert set(found) == {f"deliverable-{work.design_a.pk}@ovoz", f"deliverable-{work.report_a.pk}@ovoz"}


def test_another_partnership_sees_only_its_own(work, client):
    _, found = events(client, feed_url(work.researcher_b))
    assert set(found) == {f"deliverable-{work.design_b.pk}@ovoz",
                          f"deliverable-{Deliverable.objects.get(partnership=work.b, template=work.report).pk}@ovoz"}


def test_a_coordinator_gets_each_programme_deadline_once_and_each_extension(work, client):
    Deliverable.objects.filter(pk=work.design_b.pk).update(due_on=days(20))
    _, found = events(client, feed_url(work.coordinator))
    assert set(found) == {
        f"deliverable-template-{work.design.pk}@ovoz",
        f"deliverable-template-{work.report.pk}@ovoz",
        f"deliverable-{work.design_b.pk}@ovoz",
    }
    description = str(found[f"deliverable-template-{work.design.pk}@ovoz"]["DESCRIPTION"])
    assert "0 of 2 partnerships have submitted it, 0 accepted" in description
    assert found[f"deliverable-{work.design_b.pk}@ovoz"].decoded("DTSTART") == days(20)


@pytest.mark.parametrize("name", ["viewer", "outsider"])
def test_people_without_deadlines_get_a_valid_empty_calendar(work, client, name):
    cal, found = events(client, feed_url(getattr(work, name)))
    assert found == {}


def test_resetting_the_address_stops_the_old_one(work, client):
    old = feed_url(work.researcher_a)
    assert client.get(old).status_code == 200
    new = feed_url(work.researcher_a)
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert CalendarFeed.objects.count() == 1


def test_the_page_makes_resets_and_stops_the_address(work, as_user):
    client = as_user(work.researcher_a)
    assert "You have no calendar address yet." in client.get("/calendar/").content.decode()
    page = client.post("/calendar/reset/").content.decode()
    assert "Copy your address now" in page
    url = page.split('id="feed-url" class="feed-url" type="text" readonly value="')[1].split('"')[0]
    assert url.startswith("http://testserver/calendar/") and url.endswith(".ics")
    assert 'href="webcal://testserver/calendar/' in page
    path = url.removeprefix("http://testserver")
    assert client.get(path).status_code == 200
    # Later visits do not show the address again, only that it exists.
    later = client.get("/calendar/").content.decode()
    assert path not in later and "Address made on" in later
    client.post("/calendar/stop/")
    assert client.get(path).status_code == 404
    actions = list(AuditEntry.objects.filter(action__startswith="calendar_feed.").values_list("action", flat=True))
    assert sorted(actions) == ["calendar_feed.create", "calendar_feed.stop"]


def test_only_a_digest_of_the_token_is_stored(work):
    feed, token = calendar_feed_reset(actor=work.researcher_a, user=work.researcher_a)
    assert token not in feed.digest and feed.digest == CalendarFeed.hash(token)


def test_unknown_and_deactivated_feeds_answer_404(work, client):
    assert client.get("/calendar/not-a-token.ics").status_code == 404
    url = feed_url(work.researcher_a)
    work.researcher_a.is_active = False
    work.researcher_a.save()
    assert client.get(url).status_code == 404


def test_the_feed_needs_no_sign_in_and_does_not_sign_anyone_in(work, client):
    response = client.get(feed_url(work.researcher_a))
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_other_apps_entries_join_the_feed(work, client, monkeypatch):
    monkeypatch.setattr(sources, "SOURCES", ONLY_MINE + ["tests.deliverables.fake_calendar_source"])
    cal, found = events(client, feed_url(work.researcher_a))
    training = found["event-3@ovoz"]
    assert str(training["LOCATION"]) == "Almaty, Kazakhstan"
    assert training.decoded("DTSTART").hour == 9
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Almaty"]
    assert f"deliverable-{work.design_a.pk}@ovoz" in found


def test_the_feed_stays_valid_with_every_source_installed(work, client, monkeypatch):
    """With the real list of sources (the events app's included, once it has one)."""
    monkeypatch.setattr(sources, "SOURCES", EVERY_SOURCE)
    _, found = events(client, feed_url(work.researcher_a))
    assert f"deliverable-{work.design_a.pk}@ovoz" in found
