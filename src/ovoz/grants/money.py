"""Money arithmetic for grants and reports, all in Decimal, and the warnings it gives rise to.

Nothing here writes. The same functions feed the pages, the API and the services' checks, so a
total is computed one way everywhere.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import DecimalField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ovoz.grants.models import BudgetLine, FinancialReport, Grant, ReportLine, ReportStatus, Tranche

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
TENTH = Decimal("0.1")
SUM_FIELD = DecimalField(max_digits=14, decimal_places=2)


def money(value) -> Decimal:
    """A Decimal with two places (None and missing sums count as zero)."""
    return (Decimal(value) if value is not None else ZERO).quantize(CENT, rounding=ROUND_HALF_UP)


def format_money(amount, currency: str) -> str:
    """``14,000.00 USD``: for messages; templates use the ``money`` filter."""
    return f"{money(amount):,.2f} {currency}"


def variance(actual, budget) -> tuple[Decimal, Decimal | None]:
    """Actual minus budget, and that as a percentage of the budget (one decimal; None when nothing was budgeted).

    Positive means overspent, negative underspent.
    """
    actual, budget = money(actual), money(budget)
    absolute = actual - budget
    if budget == 0:
        return absolute, None
    return absolute, (absolute * 100 / budget).quantize(TENTH, rounding=ROUND_HALF_UP)


# --- grants -----------------------------------------------------------------------------------------------


def _sum_of(model, value: str, *, link: str, extra: Q | None = None):
    rows = model.objects.filter(**{link: OuterRef("pk")})
    if extra is not None:
        rows = rows.filter(extra)
    total = rows.order_by().values(link).annotate(total=Sum(value)).values("total")
    return Coalesce(Subquery(total, output_field=SUM_FIELD), Value(ZERO), output_field=SUM_FIELD)


def with_totals(grants: QuerySet[Grant]) -> QuerySet[Grant]:
    """Grants annotated with ``budgeted``, ``planned``, ``paid`` and ``reported`` totals, in one query.

    SQLite returns such sums with float noise (``2400.10000000000``): pass them through ``money()``
    (``grant_totals`` and ``quantize_totals`` do) before comparing or showing them.
    """
    return grants.annotate(
        budgeted=_sum_of(BudgetLine, "amount", link="grant"),
        planned=_sum_of(Tranche, "planned_amount", link="grant"),
        paid=_sum_of(Tranche, "paid_amount", link="grant"),
        reported=_sum_of(
            ReportLine, "actual", link="report__grant", extra=Q(report__status__in=ReportStatus.reported())
        ),
    )


TOTALS = ("budgeted", "planned", "paid", "reported")


def quantize_totals(grants) -> list[Grant]:
    """The grants of a page, their ``with_totals`` sums rounded to the cent."""
    out = list(grants)
    for grant in out:
        for name in TOTALS:
            setattr(grant, name, money(getattr(grant, name)))
    return out


@dataclass
class GrantTotals:
    amount: Decimal
    currency: str
    budgeted: Decimal
    planned: Decimal
    paid: Decimal
    reported: Decimal
    warnings: list[str] = field(default_factory=list)

    @property
    def unbudgeted(self) -> Decimal:
        return self.amount - self.budgeted

    @property
    def to_pay(self) -> Decimal:
        return self.amount - self.paid

    @property
    def balance(self) -> Decimal:
        """Paid to the partnership but not yet reported as spent (negative: she spent ahead of payment)."""
        return self.paid - self.reported


def grant_totals(grant: Grant) -> GrantTotals:
    """Totals of one grant, from the annotations of ``with_totals`` when present, else with one query."""
    if not hasattr(grant, "paid"):
        grant = with_totals(Grant.objects.filter(pk=grant.pk)).get()
    totals = GrantTotals(
        amount=money(grant.amount),
        currency=grant.currency,
        budgeted=money(grant.budgeted),
        planned=money(grant.planned),
        paid=money(grant.paid),
        reported=money(grant.reported),
    )
    totals.warnings = grant_warnings(totals)
    return totals


def grant_warnings(t: GrantTotals) -> list[str]:
    """Every total above the grant, said in words. Shown on the grant's page and after each change."""
    out = []
    args = {"grant": format_money(t.amount, t.currency)}
    if t.budgeted > t.amount:
        out.append(
            _("The budget lines add up to %(total)s, more than the grant (%(grant)s).")
            % {**args, "total": format_money(t.budgeted, t.currency)}
        )
    if t.planned > t.amount:
        out.append(
            _("The planned tranches add up to %(total)s, more than the grant (%(grant)s).")
            % {**args, "total": format_money(t.planned, t.currency)}
        )
    if t.paid > t.amount:
        out.append(
            _("%(total)s has been paid, more than the grant (%(grant)s).")
            % {**args, "total": format_money(t.paid, t.currency)}
        )
    if t.reported > t.amount:
        out.append(
            _("The reports declare %(total)s spent, more than the grant (%(grant)s).")
            % {**args, "total": format_money(t.reported, t.currency)}
        )
    return out


# --- financial reports -------------------------------------------------------------------------------------


@dataclass
class ReportRow:
    """One budget line in a report: spending before this report, in it, to date, and against the budget."""

    budget_line: BudgetLine
    line: ReportLine | None
    budget: Decimal
    earlier: Decimal
    actual: Decimal
    to_date: Decimal
    variance: Decimal
    variance_pct: Decimal | None

    @property
    def over_budget(self) -> bool:
        return self.variance > 0

    @property
    def notes(self) -> str:
        return self.line.notes if self.line else ""


@dataclass
class ReportSummary:
    rows: list[ReportRow]
    budget: Decimal
    earlier: Decimal
    actual: Decimal
    to_date: Decimal
    variance: Decimal
    variance_pct: Decimal | None
    grant_amount: Decimal
    currency: str
    warnings: list[str]


def earlier_reports(report: FinancialReport) -> QuerySet[FinancialReport]:
    """The grant's reports sent in for periods before this one: their spending counts towards 'to date'."""
    return FinancialReport.objects.filter(
        grant_id=report.grant_id, period_end__lt=report.period_start, status__in=ReportStatus.reported()
    ).exclude(pk=report.pk)


def report_summary(report: FinancialReport, *, actuals: dict[int, Decimal] | None = None) -> ReportSummary:
    """Per budget line: budget, earlier spending, this report's actual, to date, variance (absolute and %).

    ``actuals`` (budget line id -> amount) replaces the stored amounts, to check numbers before saving them.
    Three queries, whatever the number of lines.
    """
    grant = report.grant
    budget_lines = list(BudgetLine.objects.filter(grant_id=grant.pk).order_by("position", "pk"))
    lines = {rl.budget_line_id: rl for rl in ReportLine.objects.filter(report_id=report.pk)} if report.pk else {}
    earlier = dict(
        ReportLine.objects.filter(report__in=earlier_reports(report))
        .order_by()
        .values("budget_line_id")
        .annotate(total=Sum("actual"))
        .values_list("budget_line_id", "total")
    )
    rows = []
    for bl in budget_lines:
        line = lines.get(bl.pk)
        actual = money(actuals[bl.pk] if actuals and bl.pk in actuals else (line.actual if line else ZERO))
        before = money(earlier.get(bl.pk))
        to_date = before + actual
        var, pct = variance(to_date, bl.amount)
        rows.append(ReportRow(bl, line, money(bl.amount), before, actual, to_date, var, pct))
    budget = sum((r.budget for r in rows), ZERO)
    to_date = sum((r.to_date for r in rows), ZERO)
    var, pct = variance(to_date, budget)
    summary = ReportSummary(
        rows=rows,
        budget=budget,
        earlier=sum((r.earlier for r in rows), ZERO),
        actual=sum((r.actual for r in rows), ZERO),
        to_date=to_date,
        variance=var,
        variance_pct=pct,
        grant_amount=money(grant.amount),
        currency=grant.currency,
        warnings=[],
    )
    summary.warnings = report_warnings(summary)
    return summary


def report_warnings(s: ReportSummary) -> list[str]:
    out = []
    if s.to_date > s.grant_amount:
        out.append(
            _("Spending to date (%(total)s) is more than the grant (%(grant)s) by %(over)s.")
            % {
                "total": format_money(s.to_date, s.currency),
                "grant": format_money(s.grant_amount, s.currency),
                "over": format_money(s.to_date - s.grant_amount, s.currency),
            }
        )
    over = [r for r in s.rows if r.over_budget]
    if over:
        out.append(
            _("Over budget to date: %(lines)s.")
            % {"lines": "; ".join(f"{r.budget_line.label} (+{format_money(r.variance, s.currency)})" for r in over)}
        )
    return out
