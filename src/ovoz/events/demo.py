"""The demo programme's trainings and meetings, as of mid-2024, created through the services. Idempotent."""

import datetime
import random

from django.core.files.base import ContentFile

from ovoz.accounts.roles import Role
from ovoz.events import demo_data as data
from ovoz.events.models import Event, Invitation
from ovoz.events.services import (
    agenda_set,
    evaluation_close,
    evaluation_open,
    evaluation_submit,
    evaluation_topics_set,
    event_create,
    expected_outputs_set,
    invitation_respond,
    invitation_set_status,
    invitations_create_mentors_and_researchers,
    material_add,
)
from ovoz.programmes.models import Membership

LINK = ("APWLD: Feminist Participatory Action Research", "https://apwld.org/")


def _team(partnerships) -> dict[str, object]:
    """username-style keys (``mentor.<key>``, ``researcher.<key>``) -> user, from the partnerships' memberships."""
    by_partnership = {p.pk: key for key, p in partnerships.items()}
    team = {}
    memberships = Membership.objects.filter(
        partnership_id__in=by_partnership, role__in=[Role.MENTOR, Role.RESEARCHER]
    ).select_related("user")
    for m in memberships:
        team[f"{m.role}.{by_partnership[m.partnership_id]}"] = m.user
    return team


def _event(programme, spec) -> Event:
    event = Event.objects.filter(programme=programme, title=spec["title"]).first()
    if event is None:
        fields = ("kind", "title", "starts_on", "ends_on", "city", "country", "format", "status", "description")
        event = event_create(actor=None, programme=programme, **{f: spec[f] for f in fields})
    return event


def _agenda(event, spec) -> None:
    if event.agenda.exists():
        return
    sessions = [
        {
            "day": event.starts_on + datetime.timedelta(days=day),
            "starts_at": starts_at,
            "ends_at": ends_at,
            "title": title,
            "facilitator": facilitator,
        }
        for day, starts_at, ends_at, title, facilitator in spec["agenda"]
    ]
    agenda_set(actor=None, event=event, sessions=sessions)


def _outputs(event, spec) -> None:
    if event.outputs.exists():
        return
    outputs = [{"text": t, "outcome": outcome, "note": note} for t, outcome, note in spec["outputs"]]
    expected_outputs_set(actor=None, event=event, outputs=outputs)


def _attendance(event, spec, team) -> None:
    invitations_create_mentors_and_researchers(actor=None, event=event)
    for invitation in event.invitations.select_related("user"):
        key = next((k for k, u in team.items() if u.pk == invitation.user_id), None)
        if event.status == Event.Status.HELD:
            status = Invitation.Status.ABSENT if key in spec["absent"] else Invitation.Status.ATTENDED
            invitation_set_status(actor=None, invitation=invitation, status=status)
        elif key in spec.get("confirmed", []) and invitation.status == Invitation.Status.INVITED:
            invitation_respond(actor=invitation.user, invitation=invitation, attending=True)


def _evaluation(event, spec) -> None:
    if not spec["topics"] or event.responses.exists():
        return
    if not event.topics.exists():
        evaluation_topics_set(actor=None, event=event, topics=[{"title": t} for t in spec["topics"]])
    if event.evaluation_state != Event.EvaluationState.OPEN:
        evaluation_open(actor=None, event=event)
    topics = list(event.topics.all())
    rng = random.Random(spec["key"])  # the same fictional answers on every installation
    attended = event.invitations.filter(status=Invitation.Status.ATTENDED).select_related("user").order_by("pk")
    for n, invitation in enumerate(attended):
        answers = {}
        for topic in topics:
            before = rng.choice([1, 2, 2, 3, 3])
            answers[topic.pk] = (before, min(5, before + rng.choice([1, 1, 2, 2, 3])))
        comment = data.COMMENTS[n] if n < len(data.COMMENTS) and n % 2 == 0 else ""
        evaluation_submit(actor=invitation.user, event=event, answers=answers, comment=comment)
    evaluation_close(actor=None, event=event)


def _materials(event, spec) -> None:
    if spec["key"] != "rt3" or event.materials.exists():
        return
    lines = [event.title, "", data.FICTIONAL_ANSWERS, ""]
    for s in event.agenda.all():
        lines.append(f"{s.day:%d.%m.%Y} {s.starts_at:%H:%M}–{s.ends_at:%H:%M}  {s.title} ({s.facilitator})")
    agenda_file = ContentFile("\n".join(lines).encode("utf-8"), name="agenda-third-regional-training.txt")
    material_add(actor=None, event=event, title="Agenda (demo)", file=agenda_file)
    material_add(actor=None, event=event, title=LINK[0], url=LINK[1])


def demo_load(*, programme, partnerships, coordinator) -> list[Event]:
    """The trainings of seeds 000 and 001 in the demo programme, with invitations of the five partners' mentors
    and researchers, attendance, outcomes and (fictional) evaluations of the trainings held."""
    team = _team(partnerships)
    events = []
    for spec in data.EVENTS:
        event = _event(programme, spec)
        _agenda(event, spec)
        _outputs(event, spec)
        _attendance(event, spec, team)
        _evaluation(event, spec)
        _materials(event, spec)
        events.append(event)
    return events
