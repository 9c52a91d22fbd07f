"""Grant policies, grants, budget lines and tranches: changed by the programme's coordinator."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, audited_update, diff, snapshot
from ovoz.grants.models import (
    BudgetCategory,
    BudgetLine,
    Grant,
    GrantKind,
    GrantPolicy,
    GrantStatus,
    ReportLine,
    ReportStatus,
    Tranche,
)
from ovoz.grants.money import ZERO, format_money
from ovoz.grants.services.common import amount_of, check_cap, check_dates, currency_of, removed
from ovoz.programmes.models import Partnership, Programme

POLICY_FIELDS = ["currency", "research_cap", "advocacy_cap"]
GRANT_FIELDS = ["partnership", "kind", "currency", "amount", "starts_on", "ends_on", "status", "reference"]
GRANT_EDITABLE = ["currency", "amount", "starts_on", "ends_on", "status", "reference"]
LINE_FIELDS = ["category", "description", "amount"]
TRANCHE_FIELDS = ["planned_on", "planned_amount", "paid_on", "paid_amount", "note"]


# --- policy ---------------------------------------------------------------------------------------------


@transaction.atomic
def grant_policy_set(
    *, actor, programme: Programme, currency: str, research_cap, advocacy_cap=None
) -> GrantPolicy:
    """Set the programme's caps. Existing grants are not changed; the policy page lists any now outside it."""
    values = {
        "currency": currency_of(currency),
        "research_cap": amount_of(research_cap, _("The research sub-grant cap"), positive=True),
        "advocacy_cap": None
        if advocacy_cap in (None, "")
        else amount_of(advocacy_cap, _("The advocacy sub-grant cap"), positive=True),
    }
    policy = GrantPolicy.objects.select_for_update().filter(programme=programme).first()
    if policy is None:
        policy = GrantPolicy.objects.create(programme=programme, **values)
        audit_write(
            actor=actor, action="grant_policy.set", obj=policy, programme=programme,
            changes=diff({}, snapshot(policy, POLICY_FIELDS)),
        )
        return policy
    policy.updated_at = timezone.now()
    policy.save(update_fields=["updated_at"])
    return audited_update(
        actor=actor, instance=policy, fields=POLICY_FIELDS, values=values, action="grant_policy.set",
        programme=programme,
    )


def grants_outside_policy(policy: GrantPolicy) -> list[Grant]:
    """Grants made before the policy changed that it would now refuse (above the cap, or in another currency)."""
    out = []
    grants = Grant.objects.filter(partnership__programme_id=policy.programme_id).select_related(
        "partnership__organisation"
    )
    for grant in grants:
        cap = policy.cap_for(grant.kind)
        if cap is not None and (grant.currency != policy.currency or grant.amount > cap):
            out.append(grant)
    return out


# --- grants -----------------------------------------------------------------------------------------------


def _budgeted(grant: Grant, *, excluding: int | None = None) -> Decimal:
    qs = BudgetLine.objects.filter(grant=grant)
    if excluding is not None:
        qs = qs.exclude(pk=excluding)
    return qs.aggregate(total=Sum("amount"))["total"] or ZERO


@transaction.atomic
def grant_create(
    *,
    actor,
    partnership: Partnership,
    kind: str,
    currency: str,
    amount,
    starts_on: datetime.date,
    ends_on: datetime.date,
    status: str = GrantStatus.ACTIVE,
    reference: str = "",
) -> Grant:
    if kind not in GrantKind.values:
        raise ValidationError(_("Choose the kind of grant: research or advocacy."))
    if status not in GrantStatus.values:
        raise ValidationError(_("Choose a status for the grant."))
    currency = currency_of(currency)
    amount = amount_of(amount, _("The grant's amount"), positive=True)
    check_dates(starts_on, ends_on)
    # Lock the partnership so that two coordinators cannot both give it a research grant at once.
    Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
    if kind == GrantKind.RESEARCH and Grant.objects.filter(partnership=partnership, kind=kind).exists():
        raise ValidationError(
            _("%(organisation)s already has a research sub-grant; a partnership has at most one.")
            % {"organisation": partnership.organisation.name}
        )
    check_cap(programme_id=partnership.programme_id, kind=kind, currency=currency, amount=amount)
    grant = Grant.objects.create(
        partnership=partnership,
        kind=kind,
        currency=currency,
        amount=amount,
        starts_on=starts_on,
        ends_on=ends_on,
        status=status,
        reference=reference.strip(),
    )
    audit_write(
        actor=actor, action="grant.create", obj=grant, partnership=partnership,
        changes=diff({}, snapshot(grant, GRANT_FIELDS)),
    )
    return grant


@transaction.atomic
def grant_update(*, actor, grant: Grant, **values) -> Grant:
    """Change a grant's amount, currency, dates, status or reference, within the cap and above its budget."""
    grant = Grant.objects.select_for_update().select_related("partnership__organisation").get(pk=grant.pk)
    if "currency" in values:
        values["currency"] = currency_of(values["currency"])
    if "amount" in values:
        values["amount"] = amount_of(values["amount"], _("The grant's amount"), positive=True)
    if "status" in values and values["status"] not in GrantStatus.values:
        raise ValidationError(_("Choose a status for the grant."))
    if "reference" in values:
        values["reference"] = (values["reference"] or "").strip()
    check_dates(values.get("starts_on", grant.starts_on), values.get("ends_on", grant.ends_on))
    currency = values.get("currency", grant.currency)
    amount = values.get("amount", grant.amount)
    if currency != grant.currency and (
        grant.tranches.filter(paid_on__isnull=False).exists()
        or grant.reports.filter(status__in=ReportStatus.reported()).exists()
    ):
        raise ValidationError(
            _("The currency cannot change once a tranche is paid or a report is sent in: their amounts are in %(c)s.")
            % {"c": grant.currency}
        )
    if amount != grant.amount or currency != grant.currency:
        check_cap(programme_id=grant.partnership.programme_id, kind=grant.kind, currency=currency, amount=amount)
    budgeted = _budgeted(grant)
    if amount < budgeted:
        raise ValidationError(
            _("The budget lines add up to %(budgeted)s: lower them before lowering the grant to %(amount)s.")
            % {"budgeted": format_money(budgeted, currency), "amount": format_money(amount, currency)}
        )
    return audited_update(
        actor=actor, instance=grant, fields=GRANT_EDITABLE, values=values, action="grant.update",
        partnership=grant.partnership,
    )


# --- budget lines -------------------------------------------------------------------------------------------


def _check_budget(grant: Grant, total: Decimal) -> None:
    """Budget lines never add up to more than the grant: a plan above the money is refused, not warned about."""
    if total > grant.amount:
        raise ValidationError(
            _(
                "The budget lines would add up to %(total)s, more than the grant (%(grant)s) by %(over)s. "
                "Lower a line, or raise the grant first."
            )
            % {
                "total": format_money(total, grant.currency),
                "grant": format_money(grant.amount, grant.currency),
                "over": format_money(total - grant.amount, grant.currency),
            }
        )


def _category(value: str) -> str:
    if value not in BudgetCategory.values:
        raise ValidationError(_("Choose a budget category."))
    return value


@transaction.atomic
def budget_line_add(*, actor, grant: Grant, category: str, amount, description: str = "") -> BudgetLine:
    grant = Grant.objects.select_for_update().select_related("partnership__programme").get(pk=grant.pk)
    amount = amount_of(amount, _("The budget line's amount"))
    _check_budget(grant, _budgeted(grant) + amount)
    position = (grant.budget_lines.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    line = BudgetLine.objects.create(
        grant=grant, category=_category(category), description=description.strip(), amount=amount, position=position
    )
    audit_write(
        actor=actor, action="budget_line.create", obj=line, partnership=grant.partnership,
        object_repr=f"{grant}: {line.label}", changes=diff({}, snapshot(line, LINE_FIELDS)),
    )
    return line


@transaction.atomic
def budget_line_update(*, actor, line: BudgetLine, **values) -> BudgetLine:
    grant = Grant.objects.select_for_update().select_related("partnership__programme").get(pk=line.grant_id)
    if "amount" in values:
        values["amount"] = amount_of(values["amount"], _("The budget line's amount"))
        _check_budget(grant, _budgeted(grant, excluding=line.pk) + values["amount"])
    if "category" in values:
        values["category"] = _category(values["category"])
    if "description" in values:
        values["description"] = (values["description"] or "").strip()
    return audited_update(
        actor=actor, instance=line, fields=LINE_FIELDS, values=values, action="budget_line.update",
        partnership=grant.partnership, object_repr=f"{grant}: {line.label}",
    )


@transaction.atomic
def budget_line_delete(*, actor, line: BudgetLine) -> None:
    """Remove a budget line no report has spent on; refused once spending is reported against it."""
    grant = line.grant
    spent = ReportLine.objects.filter(budget_line=line).exclude(report__status=ReportStatus.DRAFT, actual=0)
    if spent.exists():
        raise ValidationError(
            _("Spending is already reported on this budget line; it cannot be removed. Set its amount instead.")
        )
    ReportLine.objects.filter(budget_line=line).delete()
    audit_write(
        actor=actor, action="budget_line.delete", obj=line, partnership=grant.partnership,
        object_repr=f"{grant}: {line.label}", changes=removed(snapshot(line, LINE_FIELDS)),
    )
    line.delete()


# --- tranches -----------------------------------------------------------------------------------------------


def _tranche_values(values: dict, current: Tranche | None = None) -> dict:
    out = dict(values)
    if "planned_amount" in out:
        out["planned_amount"] = amount_of(out["planned_amount"], _("The planned amount"), positive=True)
    if "paid_amount" in out and out["paid_amount"] not in (None, ""):
        out["paid_amount"] = amount_of(out["paid_amount"], _("The paid amount"), positive=True)
    elif "paid_amount" in out:
        out["paid_amount"] = None
    if "note" in out:
        out["note"] = (out["note"] or "").strip()
    paid_on = out.get("paid_on", current.paid_on if current else None) or None
    paid_amount = out.get("paid_amount", current.paid_amount if current else None)
    if (paid_on is None) != (paid_amount is None):
        raise ValidationError(_("A payment needs both its date and its amount (or neither, while it is not paid)."))
    if out.get("planned_on", current.planned_on if current else None) is None:
        raise ValidationError(_("A tranche needs a planned date."))
    return out


@transaction.atomic
def tranche_add(
    *, actor, grant: Grant, planned_on: datetime.date, planned_amount, paid_on=None, paid_amount=None, note: str = ""
) -> Tranche:
    """Plan a tranche (and record it paid, if it is). Totals above the grant are allowed and warned about."""
    values = _tranche_values(
        {"planned_on": planned_on, "planned_amount": planned_amount, "paid_on": paid_on, "paid_amount": paid_amount,
         "note": note}
    )
    tranche = Tranche.objects.create(grant=grant, recorded_by=actor if getattr(actor, "pk", None) else None, **values)
    audit_write(
        actor=actor, action="tranche.create", obj=tranche, partnership=grant.partnership,
        changes=diff({}, snapshot(tranche, TRANCHE_FIELDS)),
    )
    return tranche


@transaction.atomic
def tranche_update(*, actor, tranche: Tranche, **values) -> Tranche:
    """Change the plan, or record the payment (date and amount paid). The grant's page warns above the grant."""
    values = _tranche_values(values, tranche)
    was_paid = tranche.is_paid
    action = "tranche.pay" if not was_paid and values.get("paid_on") else "tranche.update"
    return audited_update(
        actor=actor, instance=tranche, fields=TRANCHE_FIELDS, values=values, action=action,
        partnership=tranche.grant.partnership,
    )


@transaction.atomic
def tranche_delete(*, actor, tranche: Tranche) -> None:
    audit_write(
        actor=actor, action="tranche.delete", obj=tranche, partnership=tranche.grant.partnership,
        changes=removed(snapshot(tranche, TRANCHE_FIELDS)),
    )
    tranche.delete()

