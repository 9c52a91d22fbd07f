"""Advocacy moments in a person's calendar feed: those of the partnerships and programmes whose planning she sees."""

import datetime

from django.urls import reverse

from ovoz.advocacy.access import moments_visible_to
from ovoz.web.calendar import CalendarEntry


def entries_for_user(user) -> list[CalendarEntry]:
    if not getattr(user, "is_authenticated", False):
        return []
    out = []
    for moment in moments_visible_to(user).order_by("starts_on", "pk"):
        description = str(moment.get_kind_display())
        if moment.description:
            description += "\n\n" + moment.description[:500]
        out.append(CalendarEntry(
            uid=f"advocacy-moment-{moment.pk}@ovoz",
            title=moment.title,
            start=moment.starts_on,
            end=moment.ends_on + datetime.timedelta(days=1),  # all-day: iCalendar's end is exclusive
            description=description,
            url=reverse("advocacy:calendar"),
        ))
    return out
