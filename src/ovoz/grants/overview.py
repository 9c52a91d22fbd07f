"""A programme's money at a glance: per partnership and per currency, granted, paid, reported spent, balance.

``money_overview(programme)`` is a pure function of the database (four queries, whatever the number of
partnerships and grants). It does not check who asks: callers show it only to the programme's coordinator.
Amounts in different currencies are never added together.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from ovoz.grants.models import Grant, GrantKind, ReportLine, ReportStatus, Tranche
from ovoz.grants.money import ZERO, money
from ovoz.programmes.models import Partnership


@dataclass
class CurrencyMoney:
    currency: str
    research: Decimal = ZERO
    advocacy: Decimal = ZERO
    paid: Decimal = ZERO
    reported: Decimal = ZERO
    accepted: Decimal = ZERO

    @property
    def granted(self) -> Decimal:
        return self.research + self.advocacy

    @property
    def balance(self) -> Decimal:
        """Paid but not yet reported as spent; negative when reported spending runs ahead of payments."""
        return self.paid - self.reported

    @property
    def to_pay(self) -> Decimal:
        return self.granted - self.paid

    @property
    def overpaid(self) -> bool:
        return self.paid > self.granted

    @property
    def overspent(self) -> bool:
        return self.reported > self.granted

    def add(self, other: "CurrencyMoney") -> None:
        self.research += other.research
        self.advocacy += other.advocacy
        self.paid += other.paid
        self.reported += other.reported
        self.accepted += other.accepted

    def as_dict(self) -> dict:
        return {
            "currency": self.currency,
            "granted": self.granted,
            "research": self.research,
            "advocacy": self.advocacy,
            "paid": self.paid,
            "reported": self.reported,
            "accepted": self.accepted,
            "balance": self.balance,
            "to_pay": self.to_pay,
        }


@dataclass
class PartnershipMoney:
    partnership: Partnership
    by_currency: list[CurrencyMoney] = field(default_factory=list)

    @property
    def has_warning(self) -> bool:
        return any(m.overpaid or m.overspent for m in self.by_currency)


@dataclass
class MoneyOverview:
    programme_id: int
    rows: list[PartnershipMoney]
    totals: list[CurrencyMoney]

    @property
    def warnings(self) -> list[PartnershipMoney]:
        return [r for r in self.rows if r.has_warning]


def money_overview(programme) -> MoneyOverview:
    """Per partnership of ``programme`` (a Programme or its id), money by currency, and totals by currency.

    *granted* is the sum of the grants (research and advocacy), *paid* the paid tranches, *reported* the
    spending in reports sent in (submitted, returned for changes or accepted; drafts do not count),
    *accepted* the part of it in accepted reports, *balance* = paid − reported, *to_pay* = granted − paid.
    """
    programme_id = getattr(programme, "pk", programme)
    partnerships = list(
        Partnership.objects.filter(programme_id=programme_id).select_related("organisation", "programme")
    )
    cells: dict[tuple[int, str], CurrencyMoney] = {}

    def cell(partnership_id: int, currency: str) -> CurrencyMoney:
        return cells.setdefault((partnership_id, currency), CurrencyMoney(currency))

    granted = (
        Grant.objects.filter(partnership__programme_id=programme_id)
        .order_by()
        .values("partnership_id", "currency", "kind")
        .annotate(total=Sum("amount"))
    )
    for row in granted:
        c = cell(row["partnership_id"], row["currency"])
        if row["kind"] == GrantKind.RESEARCH:
            c.research += money(row["total"])
        else:
            c.advocacy += money(row["total"])

    paid = (
        Tranche.objects.filter(grant__partnership__programme_id=programme_id, paid_amount__isnull=False)
        .order_by()
        .values("grant__partnership_id", "grant__currency")
        .annotate(total=Sum("paid_amount"))
    )
    for row in paid:
        cell(row["grant__partnership_id"], row["grant__currency"]).paid += money(row["total"])

    reported = (
        ReportLine.objects.filter(
            report__grant__partnership__programme_id=programme_id, report__status__in=ReportStatus.reported()
        )
        .order_by()
        .values("report__grant__partnership_id", "report__grant__currency", "report__status")
        .annotate(total=Sum("actual"))
    )
    for row in reported:
        c = cell(row["report__grant__partnership_id"], row["report__grant__currency"])
        c.reported += money(row["total"])
        if row["report__status"] == ReportStatus.ACCEPTED:
            c.accepted += money(row["total"])

    rows = []
    totals: dict[str, CurrencyMoney] = {}
    for p in partnerships:
        mine = sorted((c for (pid, _), c in cells.items() if pid == p.pk), key=lambda c: c.currency)
        rows.append(PartnershipMoney(p, mine))
        for c in mine:
            totals.setdefault(c.currency, CurrencyMoney(c.currency)).add(c)
    return MoneyOverview(programme_id, rows, [totals[k] for k in sorted(totals)])

