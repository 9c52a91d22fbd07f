"""What goes into a person's calendar feed, gathered from every app that has dated things.

Each source is a function ``entries_for_user(user) -> list[CalendarEntry]`` in an app's
``calendar.py``, listed in ``SOURCES``; the feed (deliverables app) renders them all as iCalendar.
"""

import datetime
import importlib
from dataclasses import dataclass

SOURCES = [
    "ovoz.deliverables.calendar",
    "ovoz.events.calendar",
    "ovoz.advocacy.calendar",
]


@dataclass(frozen=True)
class CalendarEntry:
    uid: str  # stable across feeds, e.g. "deliverable-12@ovoz"
    title: str
    start: datetime.date | datetime.datetime
    end: datetime.date | datetime.datetime | None = None
    description: str = ""
    location: str = ""
    url: str = ""  # a path inside Ovoz, e.g. "/deliverables/12/"


def entries_for_user(user) -> list[CalendarEntry]:
    entries: list[CalendarEntry] = []
    for name in SOURCES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        entries.extend(module.entries_for_user(user))
    return sorted(entries, key=lambda e: (str(e.start), e.uid))
