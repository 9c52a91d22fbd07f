"""Every change to events, invitations and evaluations, each in one transaction with its audit row.

Evaluation answers never enter the audit log: it records that someone answered, never what.
"""

import datetime
from collections.abc import Callable, Iterable
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.validators import URLValidator
from django.db import models, transaction
from django.utils.translation import gettext as _

from ovoz.accounts.roles import Role
from ovoz.audit.services import audit_write, audited_update, diff, snapshot
from ovoz.events.access import invitable_memberships, respondent_key
from ovoz.events.files import check_material_file
from ovoz.events.models import (
    AgendaSession,
    EvaluationResponse,
    EvaluationScore,
    EvaluationTopic,
    Event,
    ExpectedOutput,
    Invitation,
    Material,
)

EVENT_FIELDS = ["kind", "title", "starts_on", "ends_on", "city", "country", "format", "description", "status"]
SESSION_FIELDS = ["day", "starts_at", "ends_at", "title", "facilitator"]
OUTPUT_FIELDS = ["text", "outcome", "note"]
TOPIC_FIELDS = ["title"]
EState = Event.EvaluationState


def _check_dates(starts_on: datetime.date, ends_on: datetime.date) -> None:
    if ends_on < starts_on:
        raise ValidationError(_("An event cannot end before it starts."))


def _delete_files_after_commit(names: list[str]) -> None:
    def delete():
        for name in names:
            default_storage.delete(name)

    if names:
        transaction.on_commit(delete)


# --- events -------------------------------------------------------------------------------------------


@transaction.atomic
def event_create(
    *,
    actor,
    programme,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    kind: str = Event.Kind.REGIONAL_TRAINING,
    city: str = "",
    country: str = "",
    format: str = Event.Format.IN_PERSON,
    description: str = "",
    status: str = Event.Status.PLANNED,
) -> Event:
    _check_dates(starts_on, ends_on)
    event = Event(
        programme=programme,
        title=title.strip(),
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        city=city.strip(),
        country=country,
        format=format,
        description=description.strip(),
        status=status,
    )
    event.full_clean()
    event.save()
    audit_write(
        actor=actor,
        action="event.create",
        obj=event,
        programme=programme,
        changes=diff({}, snapshot(event, EVENT_FIELDS)),
    )
    return event


@transaction.atomic
def event_update(*, actor, event: Event, **values) -> Event:
    starts_on = values.get("starts_on", event.starts_on)
    ends_on = values.get("ends_on", event.ends_on)
    _check_dates(starts_on, ends_on)
    outside = event.agenda.exclude(day__gte=starts_on, day__lte=ends_on).count()
    if outside:
        raise ValidationError(
            _("%(n)d agenda session(s) would fall outside the new dates; move them first.") % {"n": outside}
        )
    for name in ("title", "city", "description"):
        if name in values:
            values[name] = values[name].strip()
    return audited_update(
        actor=actor, instance=event, fields=EVENT_FIELDS, values=values, action="event.update",
        programme=event.programme,
    )


@transaction.atomic
def event_delete(*, actor, event: Event) -> None:
    files = [m.file.name for m in event.materials.exclude(file="")]
    audit_write(
        actor=actor,
        action="event.delete",
        obj=event,
        programme=event.programme,
        changes={"title": {"old": event.title, "new": None}},
    )
    event.delete()
    _delete_files_after_commit(files)


# --- ordered lists: agenda, expected outputs, topics ---------------------------------------------------


def _sync_ordered(
    *,
    event: Event,
    model: type[models.Model],
    items: list[dict],
    fields: list[str],
    refuse_removal: Callable[[models.Model], str | None] = lambda obj: None,
) -> tuple[list, list]:
    """Make the event's rows of ``model`` match ``items``, in order: rows named by ``id`` are updated, the
    others created, rows not named deleted. Returns the (before, after) snapshots for the audit row."""
    existing = {obj.pk: obj for obj in model.objects.filter(event=event)}
    named = {item.get("id") for item in items if item.get("id")}
    if named - set(existing):
        raise ValidationError(_("An item of this list no longer exists; reload the page and try again."))
    removed = [obj for pk, obj in existing.items() if pk not in named]
    problems = [p for p in (refuse_removal(obj) for obj in removed) if p]
    if problems:
        raise ValidationError(problems)
    before = [snapshot(obj, fields) for obj in existing.values()]
    for obj in removed:
        obj.delete()
    after = []
    for position, item in enumerate(items):
        obj = existing.get(item.get("id")) or model(event=event)
        for name in fields:
            value = item.get(name, getattr(obj, name))
            setattr(obj, name, value.strip() if isinstance(value, str) else value)
        obj.position = position
        obj.full_clean()
        obj.save()
        after.append(snapshot(obj, fields))
    return before, after


def _audit_list(*, actor, event: Event, action: str, name: str, before: list, after: list) -> None:
    if before != after:
        audit_write(
            actor=actor,
            action=action,
            obj=event,
            programme=event.programme,
            changes={name: {"old": before, "new": after}},
        )


@transaction.atomic
def agenda_set(*, actor, event: Event, sessions: list[dict]) -> list[AgendaSession]:
    """The whole agenda, in order: each session a dict of day, starts_at, ends_at, title, facilitator (and id)."""
    errors = []
    for item in sessions:
        day = item.get("day")
        if not (item.get("title") or "").strip():
            errors.append(_("Every session needs a title."))
        if day is None or not (event.starts_on <= day <= event.ends_on):
            errors.append(
                _("“%(title)s” is not on a day of the event (%(start)s – %(end)s).")
                % {"title": item.get("title", ""), "start": event.starts_on, "end": event.ends_on}
            )
        if item.get("starts_at") and item.get("ends_at") and item["ends_at"] <= item["starts_at"]:
            errors.append(_("“%(title)s” ends before it starts.") % {"title": item.get("title", "")})
    if errors:
        raise ValidationError(errors)
    before, after = _sync_ordered(event=event, model=AgendaSession, items=sessions, fields=SESSION_FIELDS)
    _audit_list(actor=actor, event=event, action="event.agenda", name="agenda", before=before, after=after)
    return list(event.agenda.all())


@transaction.atomic
def expected_outputs_set(*, actor, event: Event, outputs: list[dict]) -> list[ExpectedOutput]:
    """The expected outputs, in order, each with its outcome (met, partly met, not met) and a note."""
    if any(not (item.get("text") or "").strip() for item in outputs):
        raise ValidationError(_("Every expected output needs a text."))
    before, after = _sync_ordered(event=event, model=ExpectedOutput, items=outputs, fields=OUTPUT_FIELDS)
    _audit_list(actor=actor, event=event, action="event.outputs", name="outputs", before=before, after=after)
    return list(event.outputs.all())


# --- materials ----------------------------------------------------------------------------------------


@transaction.atomic
def material_add(*, actor, event: Event, title: str, file=None, url: str = "") -> Material:
    title = title.strip()
    url = url.strip()
    if not title:
        raise ValidationError(_("Give the material a title."))
    if bool(file) == bool(url):
        raise ValidationError(_("Add either a file or a link."))
    material = Material(event=event, title=title, added_by=actor if getattr(actor, "pk", None) else None)
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise ValidationError(
                _("The link must be a full web address starting with https:// or http://.")
            ) from None
        material.url = url
        material.save()
    else:
        material.content_type = check_material_file(file)
        material.size = file.size
        material.original_name = PurePath(file.name).name[:255]
        material.file.save(material.original_name, file, save=True)
    what = {"url": url} if url else {"file": material.original_name}
    try:
        audit_write(
            actor=actor,
            action="event.material_add",
            obj=material,
            programme=event.programme,
            changes=diff({}, {"title": title, **what}),
        )
    except Exception:
        if material.file:
            default_storage.delete(material.file.name)
        raise
    return material


@transaction.atomic
def material_delete(*, actor, material: Material) -> None:
    audit_write(
        actor=actor,
        action="event.material_delete",
        obj=material,
        programme=material.event.programme,
        changes={"title": {"old": material.title, "new": None}},
    )
    name = material.file.name if material.file else ""
    material.delete()
    _delete_files_after_commit([name] if name else [])


# --- invitations and attendance -------------------------------------------------------------------------


def _audit_invitation(*, actor, invitation: Invitation, action: str, old, new) -> None:
    audit_write(
        actor=actor,
        action=action,
        obj=invitation,
        object_repr=f"{invitation.user.username} – {invitation.event.title}",
        programme=invitation.event.programme,
        partnership=invitation.partnership,
        changes={"status": {"old": old, "new": new}},
    )


@transaction.atomic
def invitations_create(*, actor, event: Event, users: Iterable) -> list[Invitation]:
    """Invite team members of the event's programme; those already invited are left as they are."""
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("This event is cancelled; nobody can be invited to it."))
    members = {}
    for membership in invitable_memberships(event):
        members.setdefault(membership.user_id, membership)
    already = set(event.invitations.values_list("user_id", flat=True))
    users = list(users)
    strangers = [u.username for u in users if u.pk not in members]
    if strangers:
        raise ValidationError(
            _("Not in a partnership of this programme: %(names)s.") % {"names": ", ".join(strangers)}
        )
    created = []
    for user in users:
        if user.pk in already:
            continue
        membership = members[user.pk]
        invitation = Invitation.objects.create(
            event=event, user=user, partnership=membership.partnership, role=membership.role
        )
        _audit_invitation(actor=actor, invitation=invitation, action="event.invite", old=None, new=invitation.status)
        created.append(invitation)
        already.add(user.pk)
    return created


def invitations_create_mentors_and_researchers(*, actor, event: Event) -> list[Invitation]:
    """Invite every mentor and researcher of the programme's partnerships."""
    memberships = invitable_memberships(event).filter(role__in=[Role.MENTOR, Role.RESEARCHER])
    return invitations_create(actor=actor, event=event, users=[m.user for m in memberships])


@transaction.atomic
def invitation_set_status(*, actor, invitation: Invitation, status: str) -> Invitation:
    """The coordinator records a status: invited, confirmed, attended or absent."""
    if status not in Invitation.Status.values:
        raise ValidationError(_("Unknown status."))
    old = invitation.status
    if old != status:
        invitation.status = status
        invitation.save(update_fields=["status"])
        _audit_invitation(actor=actor, invitation=invitation, action="event.attendance", old=old, new=status)
    return invitation


@transaction.atomic
def invitation_respond(*, actor, invitation: Invitation, attending: bool) -> Invitation:
    """The invited person confirms that she will come, or takes her confirmation back."""
    if getattr(actor, "pk", None) != invitation.user_id:
        raise ValidationError(_("Only the invited person can answer her invitation."))
    if invitation.event.status == Event.Status.CANCELLED:
        raise ValidationError(_("This event is cancelled."))
    if invitation.status not in (Invitation.Status.INVITED, Invitation.Status.CONFIRMED):
        raise ValidationError(_("Your attendance is already recorded."))
    new = Invitation.Status.CONFIRMED if attending else Invitation.Status.INVITED
    old = invitation.status
    if old != new:
        invitation.status = new
        invitation.save(update_fields=["status"])
        _audit_invitation(actor=actor, invitation=invitation, action="event.respond", old=old, new=new)
    return invitation


@transaction.atomic
def invitation_withdraw(*, actor, invitation: Invitation) -> None:
    if invitation.status not in (Invitation.Status.INVITED, Invitation.Status.CONFIRMED):
        raise ValidationError(_("Her attendance is recorded; mark her absent instead of withdrawing the invitation."))
    _audit_invitation(actor=actor, invitation=invitation, action="event.uninvite", old=invitation.status, new=None)
    invitation.delete()


# --- evaluation ---------------------------------------------------------------------------------------


def _topic_has_answers(topic: EvaluationTopic) -> str | None:
    if topic.scores.exists():
        return _("“%(topic)s” already has answers and cannot be removed.") % {"topic": topic.title}
    return None


@transaction.atomic
def evaluation_topics_set(*, actor, event: Event, topics: list[dict]) -> list[EvaluationTopic]:
    """The topics participants rate before and after, in order (each a dict of title, and id if it exists)."""
    if event.evaluation_state == EState.CLOSED:
        raise ValidationError(_("The evaluation is closed; reopen it to change its topics."))
    titles = [(item.get("title") or "").strip() for item in topics]
    if not all(titles):
        raise ValidationError(_("Every topic needs a title."))
    if len({t.casefold() for t in titles}) != len(titles):
        raise ValidationError(_("Two topics have the same title."))
    before, after = _sync_ordered(
        event=event, model=EvaluationTopic, items=topics, fields=TOPIC_FIELDS, refuse_removal=_topic_has_answers
    )
    _audit_list(actor=actor, event=event, action="evaluation.topics", name="topics", before=before, after=after)
    return list(event.topics.all())


def _set_evaluation_state(*, actor, event: Event, state: str, action: str) -> Event:
    return audited_update(
        actor=actor, instance=event, fields=["evaluation_state"], values={"evaluation_state": state}, action=action,
        programme=event.programme,
    )


@transaction.atomic
def evaluation_open(*, actor, event: Event) -> Event:
    """Open (or reopen) the evaluation to the participants who attended."""
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("This event is cancelled."))
    if not event.topics.exists():
        raise ValidationError(_("Add at least one topic before opening the evaluation."))
    return _set_evaluation_state(actor=actor, event=event, state=EState.OPEN, action="evaluation.open")


@transaction.atomic
def evaluation_close(*, actor, event: Event) -> Event:
    """Close the evaluation: answers can no longer be given or changed."""
    if event.evaluation_state != EState.OPEN:
        raise ValidationError(_("The evaluation is not open."))
    return _set_evaluation_state(actor=actor, event=event, state=EState.CLOSED, action="evaluation.close")


@transaction.atomic
def evaluation_submit(*, actor, event: Event, answers: dict[int, tuple[int, int]], comment: str = "") -> bool:
    """Her before/after self-assessment (1–5) for every topic, and an optional comment.

    One answer per person: a second submission replaces the first while the evaluation is open.
    Returns True when this was her first answer.
    """
    if event.evaluation_state != EState.OPEN:
        raise ValidationError(_("The evaluation is not open."))
    attended = Invitation.objects.filter(event=event, user=actor, status=Invitation.Status.ATTENDED).exists()
    if not attended:
        raise ValidationError(_("Only participants who attended can answer the evaluation."))
    topics = list(event.topics.all())
    if set(answers) != {t.pk for t in topics}:
        raise ValidationError(_("Rate every topic, before and after."))
    for before, after in answers.values():
        if not all(isinstance(v, int) and 1 <= v <= 5 for v in (before, after)):
            raise ValidationError(_("Each rating is a whole number from 1 to 5."))
    response, created = EvaluationResponse.objects.select_for_update().get_or_create(
        event=event, respondent_key=respondent_key(event, actor), defaults={"comment": comment.strip()}
    )
    if not created:
        response.comment = comment.strip()
        response.save(update_fields=["comment"])
    for topic in topics:
        before, after = answers[topic.pk]
        EvaluationScore.objects.update_or_create(
            response=response, topic=topic, defaults={"before": before, "after": after}
        )
    # Who answered, never what: the audit row names the event, not the response.
    audit_write(
        actor=actor,
        action="evaluation.submit" if created else "evaluation.change",
        obj=event,
        programme=event.programme,
    )
    return created
