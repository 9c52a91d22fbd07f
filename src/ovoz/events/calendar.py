"""Events in a person's calendar feed: those she is invited to, and all events of programmes she coordinates."""

import datetime

from django.db.models import Q
from django.urls import reverse

from ovoz.events.access import events_visible_to
from ovoz.events.models import Event, Invitation
from ovoz.programmes.access import coordinated_programme_ids
from ovoz.web.calendar import CalendarEntry


def _entry(event: Event) -> CalendarEntry:
    lines = [event.get_kind_display(), event.get_format_display()]
    if event.status == Event.Status.PLANNED:
        lines.append(str(Event.Status.PLANNED.label))
    description = " · ".join(str(x) for x in lines)
    if event.description:
        description += "\n\n" + event.description[:500]
    return CalendarEntry(
        uid=f"event-{event.pk}@ovoz",
        title=event.title,
        start=event.starts_on,
        # All-day events: the end is the day after the last day, as iCalendar's DTEND is exclusive.
        end=event.ends_on + datetime.timedelta(days=1),
        description=description,
        location=event.place,
        url=reverse("events:detail", args=[event.pk]),
    )


def entries_for_user(user) -> list[CalendarEntry]:
    if not getattr(user, "is_authenticated", False):
        return []
    invited = Invitation.objects.filter(user=user).values("event_id")
    events = (
        events_visible_to(user)  # an invitation stops counting once she leaves the programme
        .filter(Q(programme_id__in=coordinated_programme_ids(user)) | Q(pk__in=invited))
        .exclude(status=Event.Status.CANCELLED)
        .order_by("starts_on", "pk")
    )
    return [_entry(e) for e in events]
