"""Advocacy proposals: the partnership's plan and budget for the advocacy phase, approved into a grant.

The state changes take ``at`` (when it happened, default now) so past records can be imported.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, diff, snapshot
from ovoz.grants.models import (
    AdvocacyProposal,
    BudgetCategory,
    BudgetLine,
    GrantKind,
    GrantStatus,
    ProposalBudgetLine,
    ProposalStatus,
    ReviewComment,
)
from ovoz.grants.money import ZERO
from ovoz.grants.services.common import amount_of, check_cap, check_dates, currency_of
from ovoz.grants.services.grants import grant_create
from ovoz.programmes.models import Partnership

PROPOSAL_FIELDS = ["title", "summary", "objectives", "activities", "starts_on", "ends_on", "currency"]


def _clean_lines(lines) -> list[tuple[str, str, object]]:
    out = []
    for n, (category, description, amount) in enumerate(lines, start=1):
        if category not in BudgetCategory.values:
            raise ValidationError(_("Budget line %(n)s: choose a category.") % {"n": n})
        label = _("Budget line %(n)s") % {"n": n}
        out.append((category, (description or "").strip()[:300], amount_of(amount, label)))
    return out


def _lines_repr(proposal: AdvocacyProposal) -> list[str]:
    return [f"{line.category}|{line.description}|{line.amount}" for line in proposal.budget_lines.all()]


def _set_lines(proposal: AdvocacyProposal, lines) -> None:
    proposal.budget_lines.all().delete()
    ProposalBudgetLine.objects.bulk_create(
        ProposalBudgetLine(proposal=proposal, category=c, description=d, amount=a, position=i)
        for i, (c, d, a) in enumerate(lines, start=1)
    )


def proposal_total(proposal: AdvocacyProposal):
    return sum((line.amount for line in proposal.budget_lines.all()), ZERO)


def _values(values: dict) -> dict:
    out = {}
    for name in ("title", "summary", "objectives", "activities"):
        if name in values:
            out[name] = (values[name] or "").strip()
    if "title" in out and not out["title"]:
        raise ValidationError(_("Give the proposal a title."))
    if "currency" in values:
        out["currency"] = currency_of(values["currency"])
    for name in ("starts_on", "ends_on"):
        if name in values:
            out[name] = values[name]
    return out


@transaction.atomic
def proposal_create(
    *,
    actor,
    partnership: Partnership,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    currency: str,
    summary: str = "",
    objectives: str = "",
    activities: str = "",
    lines=(),
) -> AdvocacyProposal:
    values = _values(
        {"title": title, "summary": summary, "objectives": objectives, "activities": activities,
         "starts_on": starts_on, "ends_on": ends_on, "currency": currency}
    )
    check_dates(starts_on, ends_on)
    cleaned = _clean_lines(lines)
    proposal = AdvocacyProposal.objects.create(
        partnership=partnership, created_by=actor if getattr(actor, "pk", None) else None, **values
    )
    _set_lines(proposal, cleaned)
    changes = diff({}, snapshot(proposal, PROPOSAL_FIELDS))
    changes["budget_lines"] = {"old": None, "new": _lines_repr(proposal)}
    audit_write(actor=actor, action="advocacy_proposal.create", obj=proposal, partnership=partnership, changes=changes)
    return proposal


def _editable(proposal: AdvocacyProposal) -> None:
    if not proposal.is_editable:
        raise ValidationError(
            _("This proposal is %(status)s: it can be changed only as a draft or when returned with comments.")
            % {"status": proposal.get_status_display().lower()}
        )


@transaction.atomic
def proposal_update(*, actor, proposal: AdvocacyProposal, lines=None, **values) -> AdvocacyProposal:
    """Change the proposal's text, period, currency and (when ``lines`` is given) its whole budget."""
    proposal = AdvocacyProposal.objects.select_for_update().select_related("partnership").get(pk=proposal.pk)
    _editable(proposal)
    values = _values(values)
    check_dates(values.get("starts_on", proposal.starts_on), values.get("ends_on", proposal.ends_on))
    before = snapshot(proposal, PROPOSAL_FIELDS)
    for name, value in values.items():
        setattr(proposal, name, value)
    proposal.save(update_fields=list(values) or None)
    changes = diff(before, snapshot(proposal, PROPOSAL_FIELDS))
    if lines is not None:
        old = _lines_repr(proposal)
        _set_lines(proposal, _clean_lines(lines))
        new = _lines_repr(proposal)
        if old != new:
            changes["budget_lines"] = {"old": old, "new": new}
    if changes:
        audit_write(
            actor=actor, action="advocacy_proposal.update", obj=proposal, partnership=proposal.partnership,
            changes=changes,
        )
    return proposal


@transaction.atomic
def proposal_submit(*, actor, proposal: AdvocacyProposal, at=None) -> AdvocacyProposal:
    proposal = AdvocacyProposal.objects.select_for_update().select_related("partnership").get(pk=proposal.pk)
    _editable(proposal)
    total = proposal_total(proposal)
    if total <= 0:
        raise ValidationError(_("Add the budget lines (with amounts) before submitting the proposal."))
    # Say so now rather than at approval: a proposal above the advocacy cap could not be approved.
    check_cap(programme_id=proposal.partnership.programme_id, kind=GrantKind.ADVOCACY, currency=proposal.currency,
              amount=total)
    changes = {"status": {"old": proposal.status, "new": ProposalStatus.SUBMITTED}}
    proposal.status = ProposalStatus.SUBMITTED
    proposal.submitted_at = at or timezone.now()
    proposal.save(update_fields=["status", "submitted_at"])
    audit_write(
        actor=actor, action="advocacy_proposal.submit", obj=proposal, partnership=proposal.partnership,
        changes=changes,
    )
    return proposal


def _decide(actor, proposal: AdvocacyProposal, new: str, comment: str, at) -> tuple[AdvocacyProposal, dict]:
    if proposal.status != ProposalStatus.SUBMITTED:
        raise ValidationError(
            _("Only a submitted proposal can be decided on; this one is %(status)s.")
            % {"status": proposal.get_status_display().lower()}
        )
    changes = {"status": {"old": proposal.status, "new": new}}
    proposal.status = new
    proposal.decided_at = at or timezone.now()
    if comment:
        ReviewComment.objects.create(
            proposal=proposal, author=actor if getattr(actor, "pk", None) else None, body=comment, decision=new,
            created_at=proposal.decided_at,
        )
        changes["comment"] = {"old": None, "new": comment}
    return proposal, changes


@transaction.atomic
def proposal_return(*, actor, proposal: AdvocacyProposal, comment: str, at=None) -> AdvocacyProposal:
    """Send the proposal back to the partnership with comments; it can be changed and submitted again."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Say what should change: a comment is required when returning a proposal."))
    proposal = AdvocacyProposal.objects.select_for_update().select_related("partnership").get(pk=proposal.pk)
    proposal, changes = _decide(actor, proposal, ProposalStatus.CHANGES_REQUESTED, comment, at)
    proposal.save(update_fields=["status", "decided_at"])
    audit_write(
        actor=actor, action="advocacy_proposal.return", obj=proposal, partnership=proposal.partnership,
        changes=changes,
    )
    return proposal


@transaction.atomic
def proposal_approve(*, actor, proposal: AdvocacyProposal, comment: str = "", at=None) -> AdvocacyProposal:
    """Approve the proposal: the advocacy grant is created with its period, currency and budget lines."""
    proposal = AdvocacyProposal.objects.select_for_update().select_related("partnership__organisation").get(
        pk=proposal.pk
    )
    proposal, changes = _decide(actor, proposal, ProposalStatus.APPROVED, (comment or "").strip(), at)
    lines = list(proposal.budget_lines.all())
    total = sum((line.amount for line in lines), ZERO)
    grant = grant_create(
        actor=actor,
        partnership=proposal.partnership,
        kind=GrantKind.ADVOCACY,
        currency=proposal.currency,
        amount=total,
        starts_on=proposal.starts_on,
        ends_on=proposal.ends_on,
        status=GrantStatus.ACTIVE,
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(grant=grant, category=line.category, description=line.description, amount=line.amount,
                   position=line.position)
        for line in lines
    )
    proposal.grant = grant
    proposal.save(update_fields=["status", "decided_at", "grant"])
    changes["grant"] = {"old": None, "new": str(grant.pk)}
    audit_write(
        actor=actor, action="advocacy_proposal.approve", obj=proposal, partnership=proposal.partnership,
        changes=changes,
    )
    return proposal


@transaction.atomic
def proposal_comment_add(*, actor, proposal: AdvocacyProposal, body: str, at=None) -> ReviewComment:
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write a comment first."))
    comment = ReviewComment.objects.create(
        proposal=proposal, author=actor if getattr(actor, "pk", None) else None, body=body,
        created_at=at or timezone.now(),
    )
    audit_write(
        actor=actor, action="advocacy_proposal.comment", obj=proposal, partnership=proposal.partnership,
        changes={"comment": {"old": None, "new": body}},
    )
    return comment
