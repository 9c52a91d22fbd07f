"""Which deadline reminders ``ovoz mechanisms remind`` sends on a given day, and sending them.

A review with a submission deadline gets up to two reminders: when the deadline is within 30 days, and
again within 7. A stage is sent once per deadline (recorded in ``ReviewReminder`` in the same transaction as
the e-mail), so running the command twice a day, or daily, sends nothing twice; a scheduler that skipped days
sends only the latest stage due; a moved deadline earns new reminders.

They go to the coordinators of every programme with a partnership in the reviewed country and to those
partnerships' mentors and researchers, each in her own language.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from ovoz.accounts.models import User
from ovoz.accounts.roles import Role
from ovoz.mechanisms.models import Review
from ovoz.mechanisms.services import review_reminder_record
from ovoz.programmes.models import Membership

log = logging.getLogger(__name__)
STAGES = (30, 7)


@dataclass
class Planned:
    review: Review
    stage: int
    recipients: list
    on: datetime.date

    @property
    def days(self) -> int:
        return (self.review.submission_deadline - self.on).days


def recipients_for(country: str) -> list:
    programme_ids = Membership.objects.filter(partnership__country=country).values("programme_id")
    team = Membership.objects.filter(partnership__country=country,
                                     role__in=[r.value for r in Role if r.can_edit_evidence()])
    coordinators = Membership.objects.filter(programme_id__in=programme_ids, role=Role.COORDINATOR,
                                             partnership__isnull=True)
    users = User.objects.filter(Q(pk__in=team.values("user_id")) | Q(pk__in=coordinators.values("user_id")))
    return sorted((u for u in users if u.is_active and u.email), key=lambda u: u.username)


def plan(*, on: datetime.date, country: str | None = None) -> list[Planned]:
    qs = Review.objects.filter(submission_deadline__gte=on,
                               submission_deadline__lte=on + datetime.timedelta(days=max(STAGES)))
    if country:
        qs = qs.filter(country=country)
    qs = qs.select_related("mechanism").prefetch_related("reminders").order_by("submission_deadline", "pk")
    planned, by_country = [], {}
    for review in qs:
        days = (review.submission_deadline - on).days
        stage = min(s for s in STAGES if days <= s)
        sent = {(r.deadline, r.stage) for r in review.reminders.all()}
        # A later (closer) stage already sent makes the earlier one pointless.
        if any((review.submission_deadline, s) in sent for s in STAGES if s <= stage):
            continue
        if review.country not in by_country:
            by_country[review.country] = recipients_for(review.country)
        planned.append(Planned(review, stage, by_country[review.country], on))
    return planned


def _link(review: Review) -> str:
    path = reverse("mechanisms:review_detail", kwargs={"pk": review.pk})
    return (getattr(settings, "OVOZ_SITE_URL", "") or "").rstrip("/") + path


def message_for(p: Planned, user) -> tuple[str, str]:
    review = p.review
    with translation.override(user.language or settings.LANGUAGE_CODE):
        values = {
            "mechanism": review.mechanism.short_name,
            "country": review.get_country_display(),
            "deadline": formats.date_format(review.submission_deadline, "DATE_FORMAT"),
            "days": p.days,
            "name": user.display_name,
            "link": _link(review),
            "session": review.session,
        }
        subject = _("Submissions to %(mechanism)s on %(country)s are due in %(days)s days (%(deadline)s)") % values
        body = "\n\n".join([
            _("Dear %(name)s,") % values,
            _("The deadline for submissions to %(mechanism)s for its review of %(country)s (%(session)s) is "
              "%(deadline)s, in %(days)s days.") % values,
            _("A draft shadow report can be built from the programme's consented evidence in Ovoz: %(link)s") % values,
            _("This reminder was sent by Ovoz to the coordinators and the research teams working in that country."),
        ])
    return "[Ovoz] " + subject, body


def send(planned: list[Planned]) -> tuple[int, list[str], list[str]]:
    sent, warnings, errors = 0, [], []
    connection = get_connection()
    for p in planned:
        if not p.recipients:
            warnings.append(_("%(review)s: nobody to remind (no one with an e-mail address works in that country).")
                            % {"review": p.review})
            continue
        try:
            with transaction.atomic():
                review_reminder_record(actor=None, review=p.review, deadline=p.review.submission_deadline,
                                       stage=p.stage, sent_on=p.on, recipients=p.recipients)
                messages = []
                for user in p.recipients:
                    subject, body = message_for(p, user)
                    messages.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
                connection.send_messages(messages)
        except Exception as exc:  # one failed reminder must not stop the others
            log.exception("reminder for review %s failed", p.review.pk)
            errors.append(f"{p.review}: {exc}")
            continue
        sent += len(p.recipients)
    return sent, warnings, errors
