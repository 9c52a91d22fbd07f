"""API endpoints for grants (mounted at /api/v1/grants/).

The same access rules as the pages: the coordinator sees her programme's grants, a partnership's
mentor and researcher their own; everyone else gets 404. Amounts are decimal strings ("14000.00"),
never floats, each beside its currency.
"""

import datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut
from ovoz.grants import access
from ovoz.grants.money import grant_totals, money, report_summary, with_totals
from ovoz.grants.overview import money_overview

router = Router(tags=["grants"])
ERRORS = {401: ErrorOut, 404: ErrorOut}


class GrantBase(Schema):
    id: int
    programme_id: int
    partnership_id: int
    organisation: str
    kind: str = Field(description="research or advocacy")
    currency: str = Field(description="ISO 4217 code; budget lines, tranches and reports are in this currency")
    amount: Decimal
    starts_on: datetime.date
    ends_on: datetime.date
    status: str = Field(description="planned, active or closed")
    reference: str
    budgeted: Decimal = Field(description="Sum of the budget lines (never above the amount)")
    paid: Decimal = Field(description="Sum of the tranches paid")
    reported: Decimal = Field(description="Spending in reports sent in (submitted, changes requested, accepted)")


class GrantOut(GrantBase):
    @staticmethod
    def resolve_programme_id(obj) -> int:
        return obj.partnership.programme_id

    # Sums come back from SQLite with float noise; amounts always have exactly two decimals.
    @staticmethod
    def resolve_budgeted(obj) -> Decimal:
        return money(obj.budgeted)

    @staticmethod
    def resolve_paid(obj) -> Decimal:
        return money(obj.paid)

    @staticmethod
    def resolve_reported(obj) -> Decimal:
        return money(obj.reported)

    @staticmethod
    def resolve_organisation(obj) -> str:
        return obj.partnership.organisation.name


class BudgetLineOut(Schema):
    id: int
    category: str
    description: str
    amount: Decimal


class TrancheOut(Schema):
    id: int
    planned_on: datetime.date
    planned_amount: Decimal
    paid_on: datetime.date | None
    paid_amount: Decimal | None
    note: str


class ReportTotalsOut(Schema):
    id: int
    template: str = Field(description="interim, final or advocacy")
    status: str = Field(description="draft, submitted, changes_requested or accepted")
    period_start: datetime.date
    period_end: datetime.date
    budget: Decimal
    spent_in_period: Decimal
    spent_to_date: Decimal = Field(description="Earlier reports' spending plus this report's")
    variance: Decimal = Field(description="Spent to date minus budget (positive: overspent)")
    variance_pct: Decimal | None = Field(description="Variance as a percentage of the budget")
    warnings: list[str]


class GrantDetailOut(GrantBase):
    planned: Decimal = Field(description="Sum of the planned tranches")
    balance: Decimal = Field(description="Paid minus reported spent")
    to_pay: Decimal = Field(description="Amount minus paid")
    proposal_id: int | None = Field(description="The advocacy proposal this grant was approved from")
    warnings: list[str] = Field(description="Totals above the grant, in words")
    budget_lines: list[BudgetLineOut]
    tranches: list[TrancheOut]
    reports: list[ReportTotalsOut]


class MoneyOut(Schema):
    currency: str
    granted: Decimal
    research: Decimal
    advocacy: Decimal
    paid: Decimal
    reported: Decimal
    accepted: Decimal
    balance: Decimal
    to_pay: Decimal


class PartnershipMoneyOut(Schema):
    partnership_id: int
    organisation: str
    by_currency: list[MoneyOut]


class MoneyOverviewOut(Schema):
    programme_id: int
    partnerships: list[PartnershipMoneyOut]
    totals: list[MoneyOut] = Field(description="One line per currency: currencies are never added together")


@router.get("", response={200: list[GrantOut], 400: ErrorOut, 401: ErrorOut}, operation_id="grants",
            summary="List grants")
@paginate(Page)
def grant_list(
    request,
    programme_id: int | None = Query(None, description="Only grants of this programme"),
    partnership_id: int | None = Query(None, description="Only grants of this partnership"),
    kind: Literal["research", "advocacy"] | None = Query(None, description="research or advocacy"),
):
    """Grants she may see: all of her programmes' as a coordinator, her own partnership's as its mentor or
    researcher; none for co-researchers, viewers and outsiders."""
    qs = access.grants_visible_to(request.auth)
    if programme_id is not None:
        qs = qs.filter(partnership__programme_id=programme_id)
    if partnership_id is not None:
        qs = qs.filter(partnership_id=partnership_id)
    if kind:
        qs = qs.filter(kind=kind)
    return with_totals(qs).order_by("partnership__programme_id", "partnership__organisation__name", "kind", "pk")


@router.get("/{int:grant_id}", response={200: GrantDetailOut, **ERRORS}, operation_id="grant", summary="One grant")
def grant_detail(request, grant_id: int):
    """One grant with its budget lines, tranches, report totals and warnings."""
    grant = access.get_grant_for_user(request.auth, grant_id)
    totals = grant_totals(grant)
    reports = []
    for r in access.reports_visible_to(request.auth).filter(grant=grant).order_by("period_start", "pk"):
        s = report_summary(r)
        reports.append(
            {"id": r.pk, "template": r.template, "status": r.status, "period_start": r.period_start,
             "period_end": r.period_end, "budget": s.budget, "spent_in_period": s.actual, "spent_to_date": s.to_date,
             "variance": s.variance, "variance_pct": s.variance_pct, "warnings": s.warnings}
        )
    proposal = getattr(grant, "proposal", None) if grant.kind == "advocacy" else None
    return {
        "id": grant.pk,
        "programme_id": grant.partnership.programme_id,
        "partnership_id": grant.partnership_id,
        "organisation": grant.partnership.organisation.name,
        "kind": grant.kind,
        "currency": grant.currency,
        "amount": grant.amount,
        "starts_on": grant.starts_on,
        "ends_on": grant.ends_on,
        "status": grant.status,
        "reference": grant.reference,
        "budgeted": totals.budgeted,
        "paid": totals.paid,
        "reported": totals.reported,
        "planned": totals.planned,
        "balance": totals.balance,
        "to_pay": totals.to_pay,
        "proposal_id": proposal.pk if proposal else None,
        "warnings": totals.warnings,
        "budget_lines": list(grant.budget_lines.all()),
        "tranches": list(grant.tranches.all()),
        "reports": reports,
    }


@router.get(
    "/programmes/{int:programme_id}/money",
    response={200: MoneyOverviewOut, **ERRORS},
    operation_id="grants_money",
    summary="A programme's money overview",
)
def programme_money(request, programme_id: int):
    """Per partnership and currency: granted, paid, reported spent, accepted, balance, to pay. Coordinators only."""
    programme = access.get_programme_for_money(request.auth, programme_id)
    overview = money_overview(programme)
    return {
        "programme_id": programme.pk,
        "partnerships": [
            {"partnership_id": row.partnership.pk, "organisation": row.partnership.organisation.name,
             "by_currency": [m.as_dict() for m in row.by_currency]}
            for row in overview.rows
        ],
        "totals": [m.as_dict() for m in overview.totals],
    }
