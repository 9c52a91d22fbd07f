"""``ovoz mechanisms``: the UN mechanisms registry from the command line.

``ovoz mechanisms remind`` e-mails reminders of submission deadlines (30 and 7 days before); run it daily
from a scheduler: running it again sends nothing new. ``ovoz mechanisms reviews`` lists upcoming reviews.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ovoz.mechanisms import reminders
from ovoz.mechanisms.models import COUNTRIES, Review

COUNTRY_CODES = [c for c, _label in COUNTRIES]


def _day(value: str | None) -> datetime.date:
    if not value:
        return timezone.localdate()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today must be a date written YYYY-MM-DD, not {value!r}.") from None


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    if code not in COUNTRY_CODES:
        raise CommandError(f"Unknown country {value!r}; choose one of {', '.join(COUNTRY_CODES)}.")
    return code


class Command(BaseCommand):
    help = "The UN mechanisms registry: deadline reminders and the review calendar."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        remind = sub.add_parser("remind", help="E-mail reminders of submission deadlines (30 and 7 days before).")
        remind.add_argument("--country", help="Only reviews of this country (KZ, KG, TJ, UZ).")
        remind.add_argument("--dry-run", action="store_true", help="List what would be sent; send nothing.")
        remind.add_argument("--today", help="Act as if today were this date (YYYY-MM-DD).")
        reviews = sub.add_parser("reviews", help="List the reviews from a day on, with their deadlines.")
        reviews.add_argument("--country", help="Only this country.")
        reviews.add_argument("--today", help="From this date (YYYY-MM-DD); today by default.")

    def handle(self, *args, action, **options):
        if action == "remind":
            return self._remind(**options)
        return self._reviews(**options)

    def _reviews(self, *, country=None, today=None, **options):
        on = _day(today)
        qs = Review.objects.select_related("mechanism").filter(review_on__gte=on)
        if _country(country):
            qs = qs.filter(country=_country(country))
        rows = list(qs)
        if not rows:
            self.stdout.write("No reviews from that day on.")
        for review in rows:
            deadline = review.submission_deadline.isoformat() if review.submission_deadline else "no deadline"
            self.stdout.write(f"{review.review_on} {review.country} {review.mechanism.short_name} "
                              f"{review.session} (submissions: {deadline}; source: {review.source}, "
                              f"as of {review.as_of})")

    def _remind(self, *, country=None, dry_run=False, today=None, **options):
        on = _day(today)
        planned = reminders.plan(on=on, country=_country(country))
        if not planned:
            self.stdout.write("No reminders to send today.")
            return
        for p in planned:
            to = ", ".join(f"{u.username} <{u.email}>" for u in p.recipients) or "(nobody to send to)"
            self.stdout.write(f"{'would send' if dry_run else 'sending'}: {p.review.submission_deadline} "
                              f"({p.days} days, {p.stage}-day reminder) {p.review} → {to}")
        if dry_run:
            self.stdout.write(f"Dry run: {len(planned)} reminder(s) not sent.")
            return
        sent, warnings, errors = reminders.send(planned)
        for warning in warnings:
            self.stderr.write(self.style.WARNING(warning))
        for error in errors:
            self.stderr.write(self.style.ERROR(error))
        self.stdout.write(self.style.SUCCESS(f"{sent} e-mail(s) sent."))
        if errors:
            raise CommandError(f"{len(errors)} reminder(s) could not be sent; they will be tried again next run.")
