"""Which reminders ``ovoz remind`` sends on a given day, and sending them.

* "Due soon": once per due date, when an open deliverable is due within ``days`` days (7 by default).
  A scheduler that skipped a day still sends it; a new due date earns a new one.
* "Overdue": when an open deliverable's due date has passed, then again every week while it stays late.

Each reminder goes to the partnership's researcher and mentor (in her own language) and is recorded
(``Reminder``) in the same transaction, so a second run on the same day sends nothing new.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from ovoz.accounts.roles import Role
from ovoz.deliverables import deadlines
from ovoz.deliverables.models import Deliverable, Reminder
from ovoz.deliverables.services import reminder_record

log = logging.getLogger(__name__)
OVERDUE_EVERY = datetime.timedelta(days=7)


@dataclass
class Planned:
    deliverable: Deliverable
    kind: str
    recipients: list
    on: datetime.date

    @property
    def days(self) -> int:
        """Days until the due date (negative once it has passed)."""
        return (self.deliverable.due_on - self.on).days


def _recipients(deliverable: Deliverable) -> list:
    """The partnership's researcher(s) and mentor: the people who submit it."""
    people = []
    for m in deliverable.partnership.memberships.all():
        if Role(m.role).can_edit_evidence() and m.user.is_active and m.user.email:
            people.append(m.user)
    return sorted(people, key=lambda u: u.username)


def plan(*, on: datetime.date, days: int = 7, programme_id: int | None = None) -> list[Planned]:
    qs = Deliverable.objects.filter(deadlines.overdue_q(on) | deadlines.due_within_q(on, days))
    if programme_id is not None:
        qs = qs.filter(partnership__programme_id=programme_id)
    qs = qs.select_related("template", "partnership__organisation", "partnership__programme").prefetch_related(
        "reminders", "partnership__memberships__user"
    ).order_by("due_on", "pk")
    planned = []
    for d in qs:
        sent = list(d.reminders.all())
        if d.due_on < on:
            last = max((r.sent_on for r in sent if r.kind == Reminder.Kind.OVERDUE), default=None)
            if last is None or on - last >= OVERDUE_EVERY:
                planned.append(Planned(d, Reminder.Kind.OVERDUE, _recipients(d), on=on))
        elif not any(r.kind == Reminder.Kind.DUE_SOON and r.due_on == d.due_on for r in sent):
            planned.append(Planned(d, Reminder.Kind.DUE_SOON, _recipients(d), on=on))
    return planned


def _link(deliverable: Deliverable) -> str:
    path = reverse("deliverables:partnership", kwargs={"pk": deliverable.partnership_id})
    base = getattr(settings, "OVOZ_SITE_URL", "") or ""
    return base.rstrip("/") + path


def message_for(p: Planned, user) -> tuple[str, str]:
    """Subject and body, in her language."""
    d = p.deliverable
    with translation.override(user.language or settings.LANGUAGE_CODE):
        values = {
            "title": d.template.title,
            "organisation": d.partnership.organisation.name,
            "due": formats.date_format(d.due_on, "DATE_FORMAT"),
            "days": abs(p.days),
            "state": d.get_state_display(),
            "name": user.display_name,
            "link": _link(d),
        }
        if p.kind == Reminder.Kind.OVERDUE:
            subject = _("Overdue: %(title)s (%(organisation)s) was due on %(due)s") % values
            lead = _("%(title)s for %(organisation)s was due on %(due)s, %(days)s days ago.") % values
        elif p.days == 0:
            subject = _("Due today: %(title)s (%(organisation)s)") % values
            lead = _("%(title)s for %(organisation)s is due today, %(due)s.") % values
        else:
            subject = _("Due in %(days)s days: %(title)s (%(organisation)s)") % values
            lead = _("%(title)s for %(organisation)s is due on %(due)s, in %(days)s days.") % values
        body = "\n\n".join(
            [
                _("Dear %(name)s,") % values,
                lead,
                _("Its state now: %(state)s. Save a draft or submit it in Ovoz: %(link)s") % values,
                _("If you need more time, write to your programme coordinator."),
                _("This reminder was sent by Ovoz to the partnership's researcher and mentor."),
            ]
        )
    return "[Ovoz] " + subject, body


def send(planned: list[Planned], *, on: datetime.date) -> tuple[int, list[str], list[str]]:
    """Send and record each reminder; return how many e-mails went out, warnings and errors."""
    sent, warnings, errors = 0, [], []
    connection = get_connection()
    for p in planned:
        if not p.recipients:
            warnings.append(
                _("%(title)s (%(organisation)s): nobody to remind (no researcher or mentor with an e-mail address).")
                % {"title": p.deliverable.template.title, "organisation": p.deliverable.partnership.organisation.name}
            )
            continue
        try:
            with transaction.atomic():
                reminder_record(actor=None, deliverable=p.deliverable, kind=p.kind, sent_on=on, recipients=p.recipients)
                messages = []
                for user in p.recipients:
                    subject, body = message_for(p, user)
                    messages.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
                connection.send_messages(messages)
        except Exception as exc:  # one failed reminder must not stop the others
            log.exception("reminder for deliverable %s failed", p.deliverable.pk)
            errors.append(f"{p.deliverable}: {exc}")
            continue
        sent += len(p.recipients)
    return sent, warnings, errors
