"""Demo money as of mid-2024: research sub-grants for the five partners with budgets, tranches and
reports, and advocacy proposals (two approved into advocacy grants). Idempotent: what exists is kept.

The coordinator makes the coordinator's acts (policy, grants, reviews); each partnership's researcher
writes its reports and proposals. The amounts are illustrative, not the real programme's accounts.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from ovoz.accounts.roles import Role
from ovoz.grants.models import AdvocacyProposal, Grant, GrantKind, GrantPolicy, ReportTemplate
from ovoz.grants.services import (
    budget_line_add,
    grant_create,
    grant_policy_set,
    proposal_approve,
    proposal_create,
    proposal_submit,
    report_accept,
    report_comment_add,
    report_create,
    report_submit,
    report_update,
    tranche_add,
)
from ovoz.programmes.models import Membership

D = datetime.date


def at(y: int, m: int, d: int) -> datetime.datetime:
    """When something happened in the programme: ten in the morning in Bishkek."""
    return datetime.datetime(y, m, d, 4, 0, tzinfo=datetime.UTC)

CENT = Decimal("0.01")
CAP = Decimal("14000.00")
CURRENCY = "USD"
GRANT_START, GRANT_END = D(2022, 11, 1), D(2024, 1, 31)
INTERIM_END = D(2023, 2, 28)

RESEARCH_AMOUNTS = {
    "ravnyeprava": Decimal("14000.00"),
    "awa-fergana": Decimal("13500.00"),
    "ghamkhori": Decimal("13800.00"),
    "dunyoi-muhabbat": Decimal("12500.00"),
    "hrac": Decimal("13200.00"),
}

# (category, description, share of the grant, share spent by the interim report, change at the end)
BUDGET = [
    ("salary", "Young woman researcher, 15 months part-time, with social contributions", "0.55", "0.2667", "0"),
    ("consultations", "Focus groups in women-only spaces: venue, tea, participants' transport", "0.15", "0.55",
     "0.03"),
    ("translation", "Research tools, and the final report into English", "0.10", "0.20", "-0.05"),
    ("travel", "Researcher and mentor to the four regional trainings", "0.12", "0.33", "-0.02"),
    ("communication", "Mobile phone and internet for the research team; printing", "0.08", "0.2667", "0"),
]

ADVOCACY = {
    "ravnyeprava": {
        "title": "Registration and decent work for women internal migrants in Ak-Zhar",
        "summary": "Using the research findings, the women of Ak-Zhar ask the city for registration without "
        "landlord consent and for labour inspections in the markets where they work.",
        "objectives": "1. The municipality hears the women's demands on registration.\n"
        "2. A working group with the district labour inspectorate is agreed.\n"
        "3. Women in Ak-Zhar know their rights at work and where to complain.",
        "activities": "Three community meetings; a round table with the city hall and the inspectorate; a policy "
        "brief in Kyrgyz and Russian; a short video and posts for the 7 October day of decent work.",
        "lines": [
            ("advocacy", "Round table with city hall and labour inspectorate", "1100.00"),
            ("consultations", "Three community meetings in Ak-Zhar", "650.00"),
            ("materials", "Policy brief in Kyrgyz and Russian: design and printing", "700.00"),
            ("communication", "Video and social media campaign", "550.00"),
        ],
        "approve": True,
    },
    "ghamkhori": {
        "title": "Protection from domestic violence for returned women migrants in Khatlon",
        "summary": "Returned women migrants bring their testimonies to district authorities and ask for "
        "protection orders to be issued and enforced.",
        "objectives": "1. District committees on women and family affairs adopt the women's recommendations.\n"
        "2. Returned women know how to request a protection order.",
        "activities": "Information sessions in four villages; a meeting with district authorities and police; "
        "a radio programme; a leaflet on protection orders.",
        "lines": [
            ("consultations", "Information sessions in four villages", "900.00"),
            ("advocacy", "Meeting with district authorities and police", "750.00"),
            ("communication", "Regional radio programme", "600.00"),
            ("materials", "Leaflet on protection orders (Tajik)", "550.00"),
        ],
        "approve": True,
    },
    "hrac": {
        "title": "Municipal services for women internal migrants in Bishkek's new settlements",
        "summary": "Women internal migrants ask local self-government for access to clinics, schools and "
        "social benefits regardless of registration.",
        "objectives": "1. Local councils discuss the women's access to services.\n"
        "2. One district adopts a simplified procedure for residents without registration.",
        "activities": "Community hearings; a joint letter to the mayor's office; a public event with media.",
        "lines": [
            ("advocacy", "Community hearings with local councillors", "1200.00"),
            ("communication", "Public event with media", "1000.00"),
            ("materials", "Printed summary of findings", "1000.00"),
        ],
        "approve": False,
    },
}
ADVOCACY_START, ADVOCACY_END = D(2024, 3, 1), D(2024, 8, 31)


def _q(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _researcher(partnership):
    m = Membership.objects.filter(partnership=partnership, role=Role.RESEARCHER).select_related("user").first()
    return m.user if m else None


def _budget_amounts(total: Decimal) -> list[Decimal]:
    """The grant split by the shares above; the last line takes the rounding, so lines add up exactly."""
    amounts = [_q(total * Decimal(share)) for _, _, share, _, _ in BUDGET[:-1]]
    return amounts + [total - sum(amounts)]


def _research_grant(key, partnership, index: int, coordinator) -> None:
    amount = RESEARCH_AMOUNTS[key]
    grant = Grant.objects.filter(partnership=partnership, kind=GrantKind.RESEARCH).first()
    if grant is None:
        grant = grant_create(
            actor=coordinator, partnership=partnership, kind=GrantKind.RESEARCH, currency=CURRENCY, amount=amount,
            starts_on=GRANT_START, ends_on=GRANT_END, reference=f"CA-FPAR-M-{index:02d}",
        )
    if not grant.budget_lines.exists():
        for (category, description, *_), line_amount in zip(BUDGET, _budget_amounts(grant.amount), strict=True):
            budget_line_add(actor=coordinator, grant=grant, category=category, description=description,
                            amount=line_amount)
    if not grant.tranches.exists():
        first, second = _q(grant.amount * Decimal("0.5")), _q(grant.amount * Decimal("0.4"))
        tranche_add(actor=coordinator, grant=grant, planned_on=D(2022, 11, 15), planned_amount=first,
                    paid_on=D(2022, 11, 21 + index), paid_amount=first, note="On signature of the agreement")
        tranche_add(actor=coordinator, grant=grant, planned_on=D(2023, 3, 15), planned_amount=second,
                    paid_on=D(2023, 3, 27), paid_amount=second, note="After the interim financial report")
        tranche_add(actor=coordinator, grant=grant, planned_on=D(2024, 2, 29),
                    planned_amount=grant.amount - first - second, note="After the final financial report")
    researcher = _researcher(partnership)
    lines = list(grant.budget_lines.order_by("position", "pk"))
    # A little difference between partners, so that the numbers are not all alike.
    tilt = Decimal(index - 3) / Decimal(100)
    interim = {
        bl.pk: _q(bl.amount * (Decimal(spent) + tilt))
        for bl, (_, _, _, spent, _) in zip(lines, BUDGET, strict=False)
    }
    if not grant.reports.filter(template=ReportTemplate.INTERIM).exists():
        report = report_create(actor=researcher, grant=grant, template=ReportTemplate.INTERIM,
                               period_start=GRANT_START, period_end=INTERIM_END,
                               notes="Consultations took place in November and December 2022.")
        report_update(actor=researcher, report=report, lines={pk: (v, "") for pk, v in interim.items()})
        report_submit(actor=researcher, report=report, at=at(2023, 3, 6))
        report_accept(actor=coordinator, report=report, comment="Thank you: the receipts match the budget lines.",
                      at=at(2023, 3, 20))
    if not grant.reports.filter(template=ReportTemplate.FINAL).exists():
        final = {}
        for bl, (_, _, _, _, change) in zip(lines, BUDGET, strict=False):
            final[bl.pk] = (
                _q(bl.amount - interim[bl.pk] + bl.amount * Decimal(change)),
                "More consultations than planned, in two more villages" if Decimal(change) > 0 else "",
            )
        report = report_create(actor=researcher, grant=grant, template=ReportTemplate.FINAL,
                               period_start=INTERIM_END + datetime.timedelta(days=1), period_end=GRANT_END)
        report_update(actor=researcher, report=report, lines=final,
                      notes="Translation cost less than planned; the saving paid for extra consultations.")
        report_submit(actor=researcher, report=report, at=at(2024, 1, 29))
        report_comment_add(actor=researcher, report=report, body="Scans of the receipts will follow by post.",
                           at=at(2024, 1, 29))


def _advocacy(key, partnership, coordinator) -> None:
    spec = ADVOCACY[key]
    if AdvocacyProposal.objects.filter(partnership=partnership, title=spec["title"]).exists():
        return
    researcher = _researcher(partnership)
    proposal = proposal_create(
        actor=researcher, partnership=partnership, title=spec["title"], summary=spec["summary"],
        objectives=spec["objectives"], activities=spec["activities"], starts_on=ADVOCACY_START,
        ends_on=ADVOCACY_END, currency=CURRENCY, lines=[(c, d, Decimal(a)) for c, d, a in spec["lines"]],
    )
    proposal_submit(actor=researcher, proposal=proposal, at=at(2024, 2, 20))
    if spec["approve"]:
        proposal = proposal_approve(actor=coordinator, proposal=proposal, at=at(2024, 2, 28),
                                    comment="Approved. Please report on the follow-up of your meetings.")
        grant = proposal.grant
        first = _q(grant.amount * Decimal("0.8"))
        tranche_add(actor=coordinator, grant=grant, planned_on=D(2024, 3, 5), planned_amount=first,
                    paid_on=D(2024, 3, 12), paid_amount=first)
        tranche_add(actor=coordinator, grant=grant, planned_on=D(2024, 9, 15), planned_amount=grant.amount - first,
                    note="After the advocacy report")


def demo_load(*, programme, partnerships, coordinator) -> None:
    """Create (or complete) the demo grants of ``programme``; ``partnerships`` maps demo keys to partnerships."""
    if not GrantPolicy.objects.filter(programme=programme).exists():
        grant_policy_set(actor=coordinator, programme=programme, currency=CURRENCY, research_cap=CAP)
    for index, (key, partnership) in enumerate(partnerships.items(), start=1):
        if key in RESEARCH_AMOUNTS:
            _research_grant(key, partnership, index, coordinator)
        if key in ADVOCACY:
            _advocacy(key, partnership, coordinator)


