"""Advocacy plans: objectives, asks (targets and findings), activities, and feeding the advocacy proposal."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from ovoz.advocacy.models import Activity, AdvocacyPlan, Ask, Objective
from ovoz.advocacy.services import common
from ovoz.audit.services import audit_write

PLAN_FIELDS = ["title", "summary", "starts_on", "ends_on", "currency", "proposal"]
OBJECTIVE_FIELDS = ["level", "text", "outcome_achieved", "position"]
ASK_FIELDS = ["objective", "text", "position"]
ACTIVITY_FIELDS = ["objective", "level", "title", "description", "starts_on", "ends_on", "responsible", "budget",
                   "budget_category", "status", "outcome"]


def _user(actor):
    return actor if getattr(actor, "pk", None) else None


def _check_proposal(plan: AdvocacyPlan) -> None:
    proposal = plan.proposal
    if proposal is None:
        return
    if plan.partnership_id is None or proposal.partnership_id != plan.partnership_id:
        raise ValidationError(_("A plan can feed only its own partnership's advocacy proposal."))


def _check_objective(plan: AdvocacyPlan, objective) -> None:
    if objective is not None and objective.plan_id != plan.pk:
        raise ValidationError(_("Choose an objective of this plan."))


def _check_category(value: str) -> None:
    from ovoz.grants.models import BudgetCategory

    if value not in BudgetCategory.values:
        raise ValidationError(_("Choose a budget category."))


@transaction.atomic
def plan_create(*, actor, programme, partnership, title: str, starts_on, ends_on, **values) -> AdvocacyPlan:
    values = common.only(values, PLAN_FIELDS)
    plan = AdvocacyPlan(programme=programme, partnership=partnership, title=title.strip(), starts_on=starts_on,
                        ends_on=ends_on, created_by=_user(actor), **values)
    _check_proposal(plan)
    return common.create(actor=actor, obj=plan, fields=PLAN_FIELDS, action="plan.create", owner=plan)


@transaction.atomic
def plan_update(*, actor, plan: AdvocacyPlan, **values) -> AdvocacyPlan:
    values = common.only(values, PLAN_FIELDS)
    if "proposal" in values:
        probe = AdvocacyPlan(partnership_id=plan.partnership_id, proposal=values["proposal"])
        _check_proposal(probe)
    return common.update(actor=actor, obj=plan, fields=PLAN_FIELDS, values=values, action="plan.update", owner=plan)


@transaction.atomic
def plan_delete(*, actor, plan: AdvocacyPlan) -> None:
    common.delete(actor=actor, obj=plan, action="plan.delete", owner=plan, fields=PLAN_FIELDS)


@transaction.atomic
def objective_add(*, actor, plan: AdvocacyPlan, level: str, text: str, **values) -> Objective:
    values = common.only(values, OBJECTIVE_FIELDS)
    values.setdefault("position", plan.objectives.count() + 1)
    objective = Objective(plan=plan, level=level, text=text.strip(), **values)
    return common.create(actor=actor, obj=objective, fields=OBJECTIVE_FIELDS, action="plan.objective_add",
                         owner=plan)


@transaction.atomic
def objective_update(*, actor, objective: Objective, **values) -> Objective:
    return common.update(actor=actor, obj=objective, fields=OBJECTIVE_FIELDS, values=values,
                         action="plan.objective_update", owner=objective.plan)


@transaction.atomic
def objective_delete(*, actor, objective: Objective) -> None:
    common.delete(actor=actor, obj=objective, action="plan.objective_delete", owner=objective.plan,
                  fields=OBJECTIVE_FIELDS)


@transaction.atomic
def ask_add(*, actor, plan: AdvocacyPlan, text: str, targets=(), findings=(), **values) -> Ask:
    values = common.only(values, ASK_FIELDS)
    _check_objective(plan, values.get("objective"))
    values.setdefault("position", plan.asks.count() + 1)
    targets = common.same_scope(plan, targets, _("target"))
    findings = common.same_scope(plan, findings, _("finding"))
    ask = Ask(plan=plan, text=text.strip(), **values)
    ask.full_clean()
    ask.save()
    ask.targets.set(targets)
    ask.findings.set(findings)
    audit_write(actor=actor, action="plan.ask_add", obj=ask, programme=plan.programme, partnership=plan.partnership,
                changes={"text": {"old": None, "new": ask.text},
                         "targets": {"old": None, "new": sorted(t.pk for t in targets)},
                         "findings": {"old": None, "new": sorted(f.pk for f in findings)}})
    return ask


@transaction.atomic
def ask_update(*, actor, ask: Ask, targets=None, findings=None, **values) -> Ask:
    plan = ask.plan
    values = common.only(values, ASK_FIELDS)
    if "objective" in values:
        _check_objective(plan, values["objective"])
    common.update(actor=actor, obj=ask, fields=ASK_FIELDS, values=values, action="plan.ask_update", owner=plan)
    changes = {}
    if targets is not None:
        changes.update(common.m2m_change(ask, "targets", common.same_scope(plan, targets, _("target"))))
    if findings is not None:
        changes.update(common.m2m_change(ask, "findings", common.same_scope(plan, findings, _("finding"))))
    if changes:
        audit_write(actor=actor, action="plan.ask_update", obj=ask, changes=changes, programme=plan.programme,
                    partnership=plan.partnership)
    return ask


@transaction.atomic
def ask_delete(*, actor, ask: Ask) -> None:
    common.delete(actor=actor, obj=ask, action="plan.ask_delete", owner=ask.plan, fields=ASK_FIELDS)


@transaction.atomic
def activity_add(*, actor, plan: AdvocacyPlan, title: str, starts_on, ends_on, targets=(), **values) -> Activity:
    values = common.only(values, ACTIVITY_FIELDS)
    _check_objective(plan, values.get("objective"))
    if values.get("objective") is not None and "level" not in values:
        values["level"] = values["objective"].level
    _check_category(values.get("budget_category", "advocacy"))
    targets = common.same_scope(plan, targets, _("target"))
    activity = Activity(plan=plan, title=title.strip(), starts_on=starts_on, ends_on=ends_on, **values)
    common.create(actor=actor, obj=activity, fields=ACTIVITY_FIELDS, action="plan.activity_add", owner=plan,
                  extra={"targets": {"old": None, "new": sorted(t.pk for t in targets)}})
    activity.targets.set(targets)
    return activity


@transaction.atomic
def activity_update(*, actor, activity: Activity, targets=None, **values) -> Activity:
    plan = activity.plan
    values = common.only(values, ACTIVITY_FIELDS)
    if "objective" in values:
        _check_objective(plan, values["objective"])
    if "budget_category" in values:
        _check_category(values["budget_category"])
    common.update(actor=actor, obj=activity, fields=ACTIVITY_FIELDS, values=values, action="plan.activity_update",
                  owner=plan)
    if targets is not None:
        changes = common.m2m_change(activity, "targets", common.same_scope(plan, targets, _("target")))
        if changes:
            audit_write(actor=actor, action="plan.activity_update", obj=activity, changes=changes,
                        programme=plan.programme, partnership=plan.partnership)
    return activity


@transaction.atomic
def activity_delete(*, actor, activity: Activity) -> None:
    common.delete(actor=actor, obj=activity, action="plan.activity_delete", owner=activity.plan,
                  fields=ACTIVITY_FIELDS)


def plan_total(plan: AdvocacyPlan) -> Decimal:
    total = plan.activities.aggregate(total=Sum("budget"))["total"] or Decimal("0")
    return Decimal(total).quantize(Decimal("0.01"))


def proposal_lines(plan: AdvocacyPlan) -> list[tuple[str, str, Decimal]]:
    """The plan's budget as the proposal's budget lines: one line per activity with a budget."""
    return [
        (a.budget_category, f"{a.title} ({a.get_level_display()}, {a.starts_on:%d.%m.%Y})"[:300], a.budget)
        for a in plan.activities.order_by("starts_on", "pk") if a.budget > 0
    ]


@transaction.atomic
def plan_feed_proposal(*, actor, plan: AdvocacyPlan):
    """Write the plan's activities and budget into its advocacy proposal (through the grants services).

    The proposal's budget lines are replaced by the plan's; the proposal must still be editable (a draft, or
    returned with comments) and in the plan's currency.
    """
    from ovoz.grants.services.proposals import proposal_update

    proposal = plan.proposal
    if proposal is None:
        raise ValidationError(_("Choose the advocacy proposal this plan feeds first."))
    if proposal.currency != plan.currency:
        raise ValidationError(
            _("The plan is in %(plan)s and the proposal in %(proposal)s: make them the same currency first.")
            % {"plan": plan.currency, "proposal": proposal.currency}
        )
    objectives = "\n".join(f"{o.get_level_display()}: {o.text}" for o in plan.objectives.all())
    activities = "\n".join(
        f"{a.starts_on:%d.%m.%Y}–{a.ends_on:%d.%m.%Y} {a.title}" + (f" ({a.responsible})" if a.responsible else "")
        for a in plan.activities.order_by("starts_on", "pk")
    )
    proposal = proposal_update(actor=actor, proposal=proposal, lines=proposal_lines(plan), objectives=objectives,
                               activities=activities)
    audit_write(actor=actor, action="plan.feed_proposal", obj=plan, programme=plan.programme,
                partnership=plan.partnership,
                changes={"proposal": {"old": None, "new": proposal.pk}, "total": {"old": None,
                                                                                   "new": str(plan_total(plan))}})
    return proposal
