"""``ovoz advocacy``: list Theories of Change and plans, write a Theory of Change as an A3 SVG, print a plan's
budget by level, and show the coming advocacy moments and activities. Run by the server's operator, like
``ovoz briefer``: it reads every partnership's planning."""

import datetime
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ovoz.advocacy.models import Activity, AdvocacyPlan, Level, Moment, TheoryOfChange
from ovoz.advocacy.svg import toc as toc_svg


def _scope(obj) -> str:
    return str(obj.partnership.organisation) if obj.partnership_id else f"{obj.programme} (programme)"


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value!r}") from None


class Command(BaseCommand):
    help = "Advocacy planning: ovoz advocacy list | toc-svg ID --out FILE | plan ID | calendar [--from DAY] [--days N]"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="Every Theory of Change and advocacy plan, with its number.")
        svg = sub.add_parser("toc-svg", help="Write a Theory of Change as an SVG sized for A3 landscape.")
        svg.add_argument("toc_id", type=int)
        svg.add_argument("--out", required=True, help="The file to write ('-' for standard output).")
        plan = sub.add_parser("plan", help="A plan's activities and budget by level.")
        plan.add_argument("plan_id", type=int)
        cal = sub.add_parser("calendar", help="Advocacy moments and activities in the coming days.")
        cal.add_argument("--from", dest="start", type=_date, default=None, help="First day (default: today).")
        cal.add_argument("--days", type=int, default=60)

    def handle(self, *args, action, **options):
        getattr(self, "_" + action.replace("-", "_"))(**options)

    def _list(self, **options):
        for toc in TheoryOfChange.objects.select_related("partnership__organisation", "programme").order_by("pk"):
            self.stdout.write(f"toc  {toc.pk:5}  {_scope(toc)}: {toc.title}")
        for plan in AdvocacyPlan.objects.select_related("partnership__organisation", "programme").order_by("pk"):
            self.stdout.write(f"plan {plan.pk:5}  {_scope(plan)}: {plan.title} ({plan.starts_on}–{plan.ends_on})")

    def _toc_svg(self, *, toc_id, out, **options):
        toc = TheoryOfChange.objects.filter(pk=toc_id).first()
        if toc is None:
            raise CommandError(f"There is no Theory of Change number {toc_id}; see `ovoz advocacy list`.")
        svg = toc_svg.render(toc, list(toc.nodes.all()), print_size=True)
        if out == "-":
            self.stdout.write(svg)
            return
        path = Path(out)
        if not path.parent.exists():
            raise CommandError(f"The folder {path.parent} does not exist.")
        path.write_text(svg, encoding="utf-8")
        self.stdout.write(f"Wrote {path} ({len(svg.encode()):,} bytes, SVG for A3 landscape).")

    def _plan(self, *, plan_id, **options):
        plan = AdvocacyPlan.objects.select_related("proposal").filter(pk=plan_id).first()
        if plan is None:
            raise CommandError(f"There is no advocacy plan number {plan_id}; see `ovoz advocacy list`.")
        self.stdout.write(f"{plan.title} ({plan.starts_on}–{plan.ends_on}), {plan.currency}")
        activities = list(plan.activities.order_by("starts_on", "pk"))
        total = Decimal("0.00")
        for value, label in Level.choices:
            rows = [a for a in activities if a.level == value]
            if not rows:
                continue
            subtotal = sum((a.budget for a in rows), Decimal("0.00"))
            total += subtotal
            self.stdout.write(f"\n{label}: {subtotal:.2f}")
            for a in rows:
                self.stdout.write(f"  {a.starts_on}  {a.budget:>10.2f}  {a.get_status_display():12}  {a.title}")
        self.stdout.write(f"\nTotal: {total:.2f} {plan.currency}")
        if plan.proposal_id:
            proposal = plan.proposal
            self.stdout.write(f"Feeds the advocacy proposal: {proposal.title} ({proposal.get_status_display()})")

    def _calendar(self, *, start, days, **options):
        start = start or timezone.localdate()
        end = start + datetime.timedelta(days=days)
        rows = [(m.starts_on, "moment", m.title, _scope(m))
                for m in Moment.objects.filter(ends_on__gte=start, starts_on__lte=end)
                .select_related("partnership__organisation", "programme")]
        rows += [(a.starts_on, "activity", a.title, _scope(a.plan))
                 for a in Activity.objects.filter(ends_on__gte=start, starts_on__lte=end)
                 .select_related("plan__partnership__organisation", "plan__programme")]
        for day, kind, title, scope in sorted(rows):
            self.stdout.write(f"{day}  {kind:8}  {title}  — {scope}")
        if not rows:
            self.stdout.write(f"Nothing between {start} and {end}.")
