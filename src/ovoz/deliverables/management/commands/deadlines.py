"""``ovoz deadlines``: what is overdue or due soon, per partnership, readable in a terminal."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import formats

from ovoz.deliverables import deadlines
from ovoz.deliverables.management.commands._dates import parse_day
from ovoz.deliverables.models import Deliverable
from ovoz.programmes.models import Partnership, Programme


class Command(BaseCommand):
    help = "List deliverables that are overdue or due soon, per partnership."

    def add_arguments(self, parser):
        parser.add_argument("--programme", type=int, help="Only this programme (id).")
        parser.add_argument("--partnership", type=int, help="Only this partnership (id).")
        parser.add_argument("--within", type=int, default=30, metavar="DAYS",
                            help="Also list what is due within DAYS days (default 30).")
        parser.add_argument("--overdue", action="store_true", help="Only what is overdue.")
        parser.add_argument("--today", help="Count from this date instead of today (YYYY-MM-DD).")

    def handle(self, *args, programme, partnership, within, overdue, today, **options):
        if within < 0:
            raise CommandError("--within must be 0 or more days.")
        on = parse_day(today) or deadlines.today()
        qs = Deliverable.objects.all()
        if programme is not None:
            if not Programme.objects.filter(pk=programme).exists():
                raise CommandError(f"There is no programme with id {programme}.")
            qs = qs.filter(partnership__programme_id=programme)
        if partnership is not None:
            if not Partnership.objects.filter(pk=partnership).exists():
                raise CommandError(f"There is no partnership with id {partnership}.")
            qs = qs.filter(partnership_id=partnership)
        groups = deadlines.deadlines(qs, on=on, within=within, overdue_only=overdue)
        when = formats.date_format(on, "SHORT_DATE_FORMAT")
        scope = "overdue" if overdue else f"overdue or due within {within} days"
        if not groups:
            self.stdout.write(f"Nothing {scope} on {when}.")
            return
        self.stdout.write(f"Deliverables {scope}, on {when}:")
        width = max(len(d.template.title) for g in groups for d in g.items)
        n_overdue = n_due = 0
        for group in groups:
            p = group.partnership
            self.stdout.write("")
            self.stdout.write(self.style.MIGRATE_HEADING(f"{p.organisation.name} ({p.get_country_display()}) "
                                                         f"· {p.programme} · partnership {p.pk}"))
            for d in group.items:
                days = d.days_left(on)
                if d.is_overdue(on):
                    n_overdue += 1
                    flag = self.style.ERROR("OVERDUE ")
                    how = f"{-days} day{'s' if days != -1 else ''} late"
                else:
                    n_due += 1
                    flag = "due     "
                    how = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
                self.stdout.write(
                    f"  {flag} {formats.date_format(d.due_on, 'SHORT_DATE_FORMAT')}  {d.template.title:<{width}}  "
                    f"{d.get_state_display():<18} {how}"
                )
        self.stdout.write("")
        self.stdout.write(f"{n_overdue} overdue, {n_due} due soon.")
