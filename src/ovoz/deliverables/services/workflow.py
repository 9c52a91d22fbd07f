"""A deliverable's life: drafts, submissions as numbered versions, reviews and states, due dates."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write
from ovoz.deliverables import rules
from ovoz.deliverables.files import check_file
from ovoz.deliverables.models import (
    Deliverable,
    DeliverableReview,
    DeliverableState,
    DeliverableVersion,
    ReviewDecision,
    SubmissionMode,
)
from ovoz.programmes.access import is_coordinator_of

S = DeliverableState
TIMELINE_FIELDS = ["kind", "title", "starts_on", "ends_on", "description"]
TEMPLATE_FIELDS = ["title", "kind", "due_on", "description", "submission"]


# --- deliverables: versions and states -----------------------------------------------------------------


def _lock(deliverable: Deliverable) -> Deliverable:
    """The row, locked for this transaction (so two submissions cannot take the same version number)."""
    locked = Deliverable.objects.select_for_update().get(pk=deliverable.pk)
    deliverable.state = locked.state
    deliverable.due_on = locked.due_on
    return deliverable


def _move(*, actor, deliverable: Deliverable, to_state: str, action: str, at=None, extra: dict | None = None) -> None:
    old = deliverable.state
    now = at or timezone.now()
    deliverable.state = to_state
    deliverable.updated_at = now
    fields = ["state", "updated_at"]
    if to_state == S.SUBMITTED:
        deliverable.submitted_at = now
        fields.append("submitted_at")
    if to_state == S.ACCEPTED:
        deliverable.accepted_at = now
        fields.append("accepted_at")
    deliverable.save(update_fields=fields)
    changes = {"state": {"old": old, "new": to_state}} if old != to_state else {}
    changes.update(extra or {})
    audit_write(
        actor=actor, action=action, obj=deliverable, partnership=deliverable.partnership, changes=changes,
        object_repr=f"{deliverable.template.title} – {deliverable.partnership.organisation.name}",
    )


def _new_version(*, actor, deliverable: Deliverable, text: str, file, note: str, submitted: bool, at=None):
    mode = deliverable.template.submission_mode
    text = (text or "").strip()
    if file is not None and not mode.takes_file():
        raise ValidationError(_("This deliverable is submitted as text, not as a file."))
    if text and not mode.takes_text():
        raise ValidationError(_("This deliverable is submitted as a file; attach the file."))
    if mode == SubmissionMode.FILE and file is None:
        raise ValidationError(_("Attach the file of this version."))
    if mode == SubmissionMode.TEXT and not text:
        raise ValidationError(_("Write the text of this version."))
    if mode == SubmissionMode.FILE_OR_TEXT and file is None and not text:
        raise ValidationError(_("Attach a file or write the text of this version."))
    content_type = check_file(file) if file is not None else ""
    number = (deliverable.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = DeliverableVersion(
        deliverable=deliverable,
        number=number,
        text=text,
        note=(note or "").strip()[:500],
        submitted=submitted,
        created_by=actor if getattr(actor, "pk", None) else None,
        created_at=at or timezone.now(),
    )
    if file is not None:
        version.file_name = (getattr(file, "name", "") or "file")[-200:]
        version.file_size = file.size
        version.content_type = content_type
        version.file.save(file.name, file, save=False)
    version.save()
    return version


def _has_content(text: str, file) -> bool:
    return bool((text or "").strip()) or file is not None


@transaction.atomic
def deliverable_save_draft(
    *, actor, deliverable: Deliverable, text: str = "", file=None, note: str = "", at=None
) -> DeliverableVersion:
    """Save a new version without submitting it: the deliverable becomes a draft."""
    _lock(deliverable)
    rules.check(actor, deliverable, S.DRAFT)
    if deliverable.state == S.SUBMITTED:
        raise rules.TransitionRefused(_("It is submitted: withdraw it first to change it."))
    version = _new_version(
        actor=actor, deliverable=deliverable, text=text, file=file, note=note, submitted=False, at=at
    )
    _move(actor=actor, deliverable=deliverable, to_state=S.DRAFT, action="deliverable.save_draft", at=at,
          extra={"version": {"old": version.number - 1 or None, "new": version.number}})
    return version


@transaction.atomic
def deliverable_submit(
    *, actor, deliverable: Deliverable, text: str = "", file=None, note: str = "", at=None
) -> DeliverableVersion:
    """Submit for review: a new version if text or a file is given, otherwise the latest draft."""
    _lock(deliverable)
    rules.check(actor, deliverable, S.SUBMITTED)
    if _has_content(text, file):
        version = _new_version(
            actor=actor, deliverable=deliverable, text=text, file=file, note=note, submitted=True, at=at
        )
    else:
        version = deliverable.versions.order_by("-number").first()
        if version is None:
            raise ValidationError(_("There is nothing to submit yet: attach a file or write the text."))
        if deliverable.state == S.CHANGES_REQUESTED:
            raise ValidationError(_("Changes were requested: save a new version before submitting again."))
        if not version.submitted:
            version.submitted = True
            version.save(update_fields=["submitted"])
    _move(actor=actor, deliverable=deliverable, to_state=S.SUBMITTED, action="deliverable.submit", at=at,
          extra={"version": {"old": None, "new": version.number}})
    return version


@transaction.atomic
def deliverable_withdraw(*, actor, deliverable: Deliverable) -> Deliverable:
    """Take a submission back before it is reviewed: it is a draft again, its versions kept."""
    _lock(deliverable)
    rules.check(actor, deliverable, S.DRAFT)
    if deliverable.state != S.SUBMITTED:
        raise rules.TransitionRefused(_("Only a submitted deliverable can be withdrawn."))
    _move(actor=actor, deliverable=deliverable, to_state=S.DRAFT, action="deliverable.withdraw")
    return deliverable


def _review(*, actor, deliverable: Deliverable, decision: str, comment: str, at=None) -> DeliverableReview:
    return DeliverableReview.objects.create(
        deliverable=deliverable,
        version=deliverable.versions.order_by("-number").first(),
        decision=decision,
        comment=(comment or "").strip(),
        reviewer=actor if getattr(actor, "pk", None) else None,
        created_at=at or timezone.now(),
    )


@transaction.atomic
def deliverable_request_changes(*, actor, deliverable: Deliverable, comment: str, at=None) -> DeliverableReview:
    _lock(deliverable)
    rules.check(actor, deliverable, S.CHANGES_REQUESTED)
    if not (comment or "").strip():
        raise ValidationError(_("Say what should change: a comment is required when asking for changes."))
    review = _review(actor=actor, deliverable=deliverable, decision=ReviewDecision.CHANGES_REQUESTED,
                     comment=comment, at=at)
    _move(actor=actor, deliverable=deliverable, to_state=S.CHANGES_REQUESTED, action="deliverable.request_changes",
          at=at, extra={"review": {"old": None, "new": review.pk}})
    return review


@transaction.atomic
def deliverable_accept(*, actor, deliverable: Deliverable, comment: str = "", at=None) -> DeliverableReview:
    _lock(deliverable)
    rules.check(actor, deliverable, S.ACCEPTED)
    review = _review(actor=actor, deliverable=deliverable, decision=ReviewDecision.ACCEPTED, comment=comment, at=at)
    _move(actor=actor, deliverable=deliverable, to_state=S.ACCEPTED, action="deliverable.accept", at=at,
          extra={"review": {"old": None, "new": review.pk}})
    return review


@transaction.atomic
def deliverable_comment(*, actor, deliverable: Deliverable, comment: str, at=None) -> DeliverableReview:
    """A reviewer's comment that does not change the state."""
    if not rules.is_reviewer(actor, deliverable):
        raise rules.NotYours(_("Only the partnership's mentor or a programme coordinator can review it."))
    if not (comment or "").strip():
        raise ValidationError(_("The comment is empty."))
    review = _review(actor=actor, deliverable=deliverable, decision=ReviewDecision.COMMENT, comment=comment, at=at)
    audit_write(
        actor=actor, action="deliverable.comment", obj=deliverable, partnership=deliverable.partnership,
        changes={"review": {"old": None, "new": review.pk}},
    )
    return review


@transaction.atomic
def deliverable_change_state(
    *, actor, deliverable: Deliverable, state: str, comment: str = "", text: str = "", note: str = ""
):
    """One entry point for a requested state (the API): the same rules as the pages' buttons."""
    current = deliverable.state
    if state == S.DRAFT and current == S.SUBMITTED:
        return deliverable_withdraw(actor=actor, deliverable=deliverable)
    if state == S.DRAFT:
        return deliverable_save_draft(actor=actor, deliverable=deliverable, text=text, note=note)
    if state == S.SUBMITTED:
        return deliverable_submit(actor=actor, deliverable=deliverable, text=text, note=note)
    if state == S.CHANGES_REQUESTED:
        return deliverable_request_changes(actor=actor, deliverable=deliverable, comment=comment)
    if state == S.ACCEPTED:
        return deliverable_accept(actor=actor, deliverable=deliverable, comment=comment)
    rules.check(actor, deliverable, state)  # raises with the reason
    raise rules.TransitionRefused(_("This change of state is not possible."))


def _set_due(*, actor, deliverable: Deliverable, due_on: datetime.date) -> None:
    old = deliverable.due_on
    if old == due_on:
        return
    deliverable.due_on = due_on
    deliverable.save(update_fields=["due_on"])
    audit_write(
        actor=actor, action="deliverable.set_due", obj=deliverable, partnership=deliverable.partnership,
        changes={"due_on": {"old": str(old), "new": str(due_on)}},
    )


@transaction.atomic
def deliverable_set_due(*, actor, deliverable: Deliverable, due_on: datetime.date) -> Deliverable:
    """Give one partnership another due date (an extension): coordinators only."""
    if actor is not None and not is_coordinator_of(actor, deliverable.partnership.programme_id):
        raise rules.NotYours(_("Only a programme coordinator can change a due date."))
    if due_on is None:
        raise ValidationError(_("Give the new due date."))
    _set_due(actor=actor, deliverable=deliverable, due_on=due_on)
    return deliverable
