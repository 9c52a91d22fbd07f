"""Each person's calendar gets the events she is invited to, and a coordinator every event of her programme."""

import datetime

from ovoz.events.calendar import entries_for_user
from ovoz.events.services import invitations_create
from ovoz.programmes.access import forget_memberships
from ovoz.programmes.models import Membership
from ovoz.web import calendar
from tests.events.conftest import make_event


def uids(user):
    return {e.uid for e in entries_for_user(user)}


def test_calendar_entries_follow_invitations_and_coordination(cast, event):
    planned = make_event(cast, title="Reflection meeting", kind="reflection_meeting", status="planned",
                         starts_on=datetime.date(2024, 9, 24), ends_on=datetime.date(2024, 9, 27))
    cancelled = make_event(cast, title="Cancelled", status="cancelled")
    invitations_create(actor=cast.coordinator, event=event, users=[cast.researcher_a])
    assert uids(cast.coordinator) == {f"event-{event.pk}@ovoz", f"event-{planned.pk}@ovoz"}
    assert uids(cast.researcher_a) == {f"event-{event.pk}@ovoz"}
    for person in (cast.mentor_a, cast.researcher_b, cast.viewer, cast.outsider):
        assert uids(person) == set()
    assert f"event-{cancelled.pk}@ovoz" not in uids(cast.coordinator)


def test_an_entry_covers_every_day_of_the_event_with_its_place_and_link(cast, event):
    invitations_create(actor=cast.coordinator, event=event, users=[cast.researcher_a])
    (entry,) = entries_for_user(cast.researcher_a)
    assert entry.title == "Second regional training"
    assert entry.start == datetime.date(2023, 2, 20)
    assert entry.end == datetime.date(2023, 2, 25)  # iCalendar's end of an all-day event is the day after
    assert entry.location == "Tashkent, Uzbekistan" and entry.url == f"/events/{event.pk}/"
    assert "Regional training" in entry.description
    assert entry in calendar.entries_for_user(cast.researcher_a)


def test_leaving_the_programme_takes_its_events_out_of_her_calendar(cast, event):
    invitations_create(actor=cast.coordinator, event=event, users=[cast.researcher_b])
    Membership.objects.filter(user=cast.researcher_b).delete()
    forget_memberships(cast.researcher_b)
    assert uids(cast.researcher_b) == set()
