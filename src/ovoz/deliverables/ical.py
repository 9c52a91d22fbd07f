"""A person's calendar feed as iCalendar (RFC 5545), built with the ``icalendar`` package from every
source listed in ``ovoz.web.calendar.SOURCES``."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event, vText

from ovoz.web import calendar as sources

PRODID = "-//Ovoz//Deadlines and trainings//EN"


def build_calendar(user, *, base_url: str, name: str) -> bytes:
    """``base_url`` (scheme and host) makes each entry's path a link a calendar app can open."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-published-ttl", "PT6H")
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for entry in sources.entries_for_user(user):
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("summary", entry.title)
        event.add("dtstart", entry.start)
        if entry.end is not None:
            event.add("dtend", entry.end)
        elif not isinstance(entry.start, datetime.datetime):
            event.add("dtend", entry.start + datetime.timedelta(days=1))
        if entry.description:
            event.add("description", entry.description)
        if entry.location:
            event.add("location", vText(entry.location))
        if entry.url:
            event.add("url", base_url.rstrip("/") + entry.url if entry.url.startswith("/") else entry.url)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    # Entries with a time zone (a training at 09:00 in Almaty) need its VTIMEZONE in the file (icalendar >= 6.1).
    if hasattr(cal, "add_missing_timezones"):
        cal.add_missing_timezones()
    return cal.to_ical()
