"""``ovoz remind``: e-mail reminders of deliverables due soon or overdue. Run it daily from a scheduler
(cron, a systemd timer); running it again the same day sends nothing new."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import formats

from ovoz.deliverables import deadlines, reminders
from ovoz.deliverables.management.commands._dates import parse_day
from ovoz.deliverables.models import Reminder
from ovoz.programmes.models import Programme


class Command(BaseCommand):
    help = "Send reminders of deliverables due soon (once) and overdue (weekly) to researchers and mentors."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="Remind this many days before the due date (7).")
        parser.add_argument("--programme", type=int, help="Only this programme (id).")
        parser.add_argument("--dry-run", action="store_true", help="List what would be sent; send nothing.")
        parser.add_argument("--today", help="Act as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, days, programme, dry_run, today, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        if programme is not None and not Programme.objects.filter(pk=programme).exists():
            raise CommandError(f"There is no programme with id {programme}.")
        on = parse_day(today) or deadlines.today()
        planned = reminders.plan(on=on, days=days, programme_id=programme)
        if not planned:
            self.stdout.write("No reminders to send today.")
            return
        for p in planned:
            d = p.deliverable
            kind = "OVERDUE" if p.kind == Reminder.Kind.OVERDUE else "due soon"
            to = ", ".join(f"{u.username} <{u.email}>" for u in p.recipients) or "(nobody to send to)"
            self.stdout.write(
                f"{'would send' if dry_run else 'sending'}: {kind:<8} "
                f"{formats.date_format(d.due_on, 'SHORT_DATE_FORMAT')} {d.template.title} "
                f"– {d.partnership.organisation.name} → {to}"
            )
        if dry_run:
            self.stdout.write(f"Dry run: {len(planned)} reminder(s) not sent.")
            return
        sent, warnings, errors = reminders.send(planned, on=on)
        for warning in warnings:
            self.stderr.write(self.style.WARNING(warning))
        for error in errors:
            self.stderr.write(self.style.ERROR(error))
        self.stdout.write(self.style.SUCCESS(f"{sent} e-mail(s) sent."))
        if errors:
            raise CommandError(f"{len(errors)} reminder(s) could not be sent; they will be tried again next run.")
