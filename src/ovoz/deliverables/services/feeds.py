"""Reminders sent and personal calendar feeds."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.audit.models import AuditEntry
from ovoz.audit.services import audit_write
from ovoz.deliverables.models import (
    CalendarFeed,
    Deliverable,
    DeliverableState,
    Reminder,
)

S = DeliverableState
TIMELINE_FIELDS = ["kind", "title", "starts_on", "ends_on", "description"]
TEMPLATE_FIELDS = ["title", "kind", "due_on", "description", "submission"]


# --- reminders ----------------------------------------------------------------------------------------


@transaction.atomic
def reminder_record(*, actor, deliverable: Deliverable, kind: str, sent_on: datetime.date, recipients) -> Reminder:
    """Note that a reminder went out, so the same one is not sent again (see ``ovoz remind``)."""
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                deliverable=deliverable, kind=kind, sent_on=sent_on, due_on=deliverable.due_on,
                recipients="\n".join(u.username for u in recipients),
            )
    except IntegrityError:
        raise ValidationError(_("This reminder was already sent today.")) from None
    audit_write(
        actor=actor, action="deliverable.remind", obj=deliverable, partnership=deliverable.partnership,
        changes={"reminder": {"old": None, "new": kind}, "to": {"old": None, "new": reminder.recipients.split("\n")}},
    )
    return reminder


# --- calendar feeds -----------------------------------------------------------------------------------


@transaction.atomic
def calendar_feed_reset(*, actor, user) -> tuple[CalendarFeed, str]:
    """Make her a new secret calendar address; the old one, if any, stops working at once.
    Returns the feed and its token, which is not stored and cannot be shown again."""
    token = CalendarFeed.generate()
    feed, created = CalendarFeed.objects.update_or_create(
        user=user,
        defaults={"digest": CalendarFeed.hash(token), "prefix": token[:6], "created_at": timezone.now(),
                  "last_used_at": None},
    )
    audit_write(
        actor=actor, action="calendar_feed.create" if created else "calendar_feed.reset", obj=feed,
        object_repr=user.username, kind=AuditEntry.Kind.AUTH,
    )
    return feed, token


@transaction.atomic
def calendar_feed_stop(*, actor, user) -> None:
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is None:
        return
    audit_write(actor=actor, action="calendar_feed.stop", obj=feed, object_repr=user.username,
                kind=AuditEntry.Kind.AUTH)
    feed.delete()


def calendar_feed_mark_used(feed: CalendarFeed) -> None:
    """Bookkeeping, not a change worth an audit row: when a calendar app last fetched the feed (hourly)."""
    now = timezone.now()
    if feed.last_used_at is None or (now - feed.last_used_at).total_seconds() > 3600:
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
