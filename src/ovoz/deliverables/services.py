"""Every change to timelines, templates, deliverables, reminders and calendar feeds, each with its audit row.

Services take ``actor=None`` for the system (the demo loader, ``ovoz remind``): the state machine's
order still holds, but no role is asked for.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.audit.models import AuditEntry
from ovoz.audit.services import audit_write, audited_update, diff, snapshot
from ovoz.deliverables import rules
from ovoz.deliverables.files import check_file
from ovoz.deliverables.models import (
    CalendarFeed,
    Deliverable,
    DeliverableKind,
    DeliverableReview,
    DeliverableState,
    DeliverableTemplate,
    DeliverableVersion,
    Reminder,
    ReviewDecision,
    SubmissionMode,
    TimelineItem,
)
from ovoz.programmes.access import is_coordinator_of
from ovoz.programmes.models import Partnership, Programme

S = DeliverableState
TIMELINE_FIELDS = ["kind", "title", "starts_on", "ends_on", "description"]
TEMPLATE_FIELDS = ["title", "kind", "due_on", "description", "submission"]

# --- the timeline --------------------------------------------------------------------------------------


def _check_timeline_dates(kind: str, starts_on, ends_on) -> None:
    if kind == TimelineItem.Kind.MILESTONE and ends_on is not None:
        raise ValidationError(_("A milestone has one date; leave the end empty or make it a phase."))
    if kind == TimelineItem.Kind.PHASE:
        if ends_on is None:
            raise ValidationError(_("A phase needs an end date."))
        if ends_on < starts_on:
            raise ValidationError(_("A phase cannot end before it starts."))


@transaction.atomic
def timeline_item_create(
    *,
    actor,
    programme: Programme,
    kind: str,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    description: str = "",
) -> TimelineItem:
    _check_timeline_dates(kind, starts_on, ends_on)
    item = TimelineItem(
        programme=programme, kind=kind, title=title.strip(), starts_on=starts_on, ends_on=ends_on,
        description=description.strip(),
    )
    item.full_clean()
    item.save()
    audit_write(
        actor=actor, action="timeline_item.create", obj=item, programme=programme,
        changes=diff({}, snapshot(item, TIMELINE_FIELDS)),
    )
    return item


@transaction.atomic
def timeline_item_update(*, actor, item: TimelineItem, **values) -> TimelineItem:
    _check_timeline_dates(
        values.get("kind", item.kind), values.get("starts_on", item.starts_on), values.get("ends_on", item.ends_on)
    )
    return audited_update(
        actor=actor, instance=item, fields=TIMELINE_FIELDS, values=values, action="timeline_item.update",
        programme=item.programme,
    )


@transaction.atomic
def timeline_item_delete(*, actor, item: TimelineItem) -> None:
    audit_write(
        actor=actor, action="timeline_item.delete", obj=item, programme=item.programme,
        changes=diff(snapshot(item, TIMELINE_FIELDS), {}) or {"title": {"old": item.title, "new": None}},
    )
    item.delete()


# --- templates ----------------------------------------------------------------------------------------


def _check_template(programme: Programme, title: str, kind: str, submission: str, exclude_pk=None) -> None:
    if not title.strip():
        raise ValidationError(_("A deliverable needs a title."))
    if kind not in DeliverableKind.values:
        raise ValidationError(_("Choose a kind of deliverable from the list."))
    if submission not in SubmissionMode.values:
        raise ValidationError(_("Choose how the deliverable is submitted: a file, text, or either."))
    clash = DeliverableTemplate.objects.filter(programme=programme, title__iexact=title.strip())
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError(
            _("This programme already has a deliverable called “%(title)s”.") % {"title": title.strip()}
        )


def _create_deliverable(*, actor, template: DeliverableTemplate, partnership: Partnership) -> Deliverable:
    deliverable = Deliverable.objects.create(partnership=partnership, template=template, due_on=template.due_on)
    audit_write(
        actor=actor, action="deliverable.create", obj=deliverable, partnership=partnership,
        object_repr=f"{template.title} – {partnership.organisation.name}",
        changes={
            "state": {"old": None, "new": deliverable.state},
            "due_on": {"old": None, "new": str(template.due_on)},
        },
    )
    return deliverable


@transaction.atomic
def deliverable_template_create(
    *,
    actor,
    programme: Programme,
    title: str,
    due_on: datetime.date,
    kind: str = DeliverableKind.OTHER,
    description: str = "",
    submission: str = SubmissionMode.FILE_OR_TEXT,
) -> DeliverableTemplate:
    """A new deliverable for the whole programme: every existing partnership gets its copy at once."""
    _check_template(programme, title, kind, submission)
    template = DeliverableTemplate.objects.create(
        programme=programme, title=title.strip(), kind=kind, due_on=due_on, description=description.strip(),
        submission=submission,
    )
    audit_write(
        actor=actor, action="deliverable_template.create", obj=template, programme=programme,
        changes=diff({}, snapshot(template, TEMPLATE_FIELDS)),
    )
    for partnership in programme.partnerships.select_related("organisation", "programme"):
        _create_deliverable(actor=actor, template=template, partnership=partnership)
    return template


@transaction.atomic
def deliverable_template_update(*, actor, template: DeliverableTemplate, **values) -> DeliverableTemplate:
    """Change a template. A new due date moves every partnership's deliverable that still had the old
    one; deliverables given another date (an extension) keep theirs."""
    _check_template(
        template.programme,
        values.get("title", template.title),
        values.get("kind", template.kind),
        values.get("submission", template.submission),
        exclude_pk=template.pk,
    )
    if "title" in values:
        values["title"] = values["title"].strip()
    old_due = template.due_on
    audited_update(
        actor=actor, instance=template, fields=TEMPLATE_FIELDS, values=values, action="deliverable_template.update",
        programme=template.programme,
    )
    if template.due_on != old_due:
        for deliverable in template.deliverables.filter(due_on=old_due).select_related("partnership__programme"):
            _set_due(actor=actor, deliverable=deliverable, due_on=template.due_on)
    return template


@transaction.atomic
def deliverable_template_delete(*, actor, template: DeliverableTemplate) -> None:
    """Remove a template and its deliverables, only while nothing has been written for any of them."""
    if template.deliverables.exclude(state=S.NOT_STARTED).exists() or DeliverableVersion.objects.filter(
        deliverable__template=template
    ).exists():
        raise ValidationError(
            _("Partnerships have already worked on this deliverable; it cannot be removed. Change it instead.")
        )
    audit_write(
        actor=actor, action="deliverable_template.delete", obj=template, programme=template.programme,
        changes=diff(snapshot(template, TEMPLATE_FIELDS), {}) or {"title": {"old": template.title, "new": None}},
    )
    template.delete()


@transaction.atomic
def deliverables_create_for_partnership(*, actor, partnership: Partnership) -> list[Deliverable]:
    """Give a partnership its deliverables from its programme's templates; those it has are left alone."""
    have = set(Deliverable.objects.filter(partnership=partnership).values_list("template_id", flat=True))
    created = []
    for template in DeliverableTemplate.objects.filter(programme_id=partnership.programme_id).exclude(pk__in=have):
        created.append(_create_deliverable(actor=actor, template=template, partnership=partnership))
    return created


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


# --- reminders ----------------------------------------------------------------------------------------


@transaction.atomic
def reminder_record(*, actor, deliverable: Deliverable, kind: str, sent_on: datetime.date, recipients) -> Reminder:
    """Note that a reminder went out, so the same one is not sent again (see ``ovoz remind``)."""
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                deliverable=deliverable, kind=kind, sent_on=sent_on, due_on=deliverable.due_on,
                recipients="\n".join(u.username for u in recipients),
            )
    except IntegrityError:
        raise ValidationError(_("This reminder was already sent today.")) from None
    audit_write(
        actor=actor, action="deliverable.remind", obj=deliverable, partnership=deliverable.partnership,
        changes={"reminder": {"old": None, "new": kind}, "to": {"old": None, "new": reminder.recipients.split("\n")}},
    )
    return reminder


# --- calendar feeds -----------------------------------------------------------------------------------


@transaction.atomic
def calendar_feed_reset(*, actor, user) -> tuple[CalendarFeed, str]:
    """Make her a new secret calendar address; the old one, if any, stops working at once.
    Returns the feed and its token, which is not stored and cannot be shown again."""
    token = CalendarFeed.generate()
    feed, created = CalendarFeed.objects.update_or_create(
        user=user,
        defaults={"digest": CalendarFeed.hash(token), "prefix": token[:6], "created_at": timezone.now(),
                  "last_used_at": None},
    )
    audit_write(
        actor=actor, action="calendar_feed.create" if created else "calendar_feed.reset", obj=feed,
        object_repr=user.username, kind=AuditEntry.Kind.AUTH,
    )
    return feed, token


@transaction.atomic
def calendar_feed_stop(*, actor, user) -> None:
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is None:
        return
    audit_write(actor=actor, action="calendar_feed.stop", obj=feed, object_repr=user.username,
                kind=AuditEntry.Kind.AUTH)
    feed.delete()


def calendar_feed_mark_used(feed: CalendarFeed) -> None:
    """Bookkeeping, not a change worth an audit row: when a calendar app last fetched the feed (hourly)."""
    now = timezone.now()
    if feed.last_used_at is None or (now - feed.last_used_at).total_seconds() > 3600:
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
