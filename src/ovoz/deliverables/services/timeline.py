"""The programme timeline and deliverable templates, which give every partnership its deliverables."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, audited_update, diff, snapshot
from ovoz.deliverables.models import (
    Deliverable,
    DeliverableKind,
    DeliverableState,
    DeliverableTemplate,
    DeliverableVersion,
    SubmissionMode,
    TimelineItem,
)
from ovoz.deliverables.services.workflow import _set_due
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
