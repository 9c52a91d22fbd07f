"""A stand-in for another app's calendar source (the events app's trainings), for the feed tests."""

import datetime
import zoneinfo

from ovoz.web.calendar import CalendarEntry


def entries_for_user(user):
    if user.username != "researcher_a":
        return []
    almaty = zoneinfo.ZoneInfo("Asia/Almaty")
    return [
        CalendarEntry(
            uid="event-3@ovoz",
            title="Third regional FPAR training",
            start=datetime.datetime(2023, 10, 3, 9, 0, tzinfo=almaty),
            end=datetime.datetime(2023, 10, 7, 17, 0, tzinfo=almaty),
            location="Almaty, Kazakhstan",
            url="/events/3/",
        )
    ]
