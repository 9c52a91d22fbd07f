"""Who may reach the events pages: coordinators manage; the programme's teams see events, materials and reports;
only a participant who attended reaches her evaluation form; viewers and outsiders get 404."""

import datetime

from django.core.files.base import ContentFile

from ovoz.events.services import (
    evaluation_open,
    evaluation_topics_set,
    event_create,
    invitation_set_status,
    invitations_create,
    material_add,
)
from tests.access.expect import ALL_200, only

COORDINATOR = ("coordinator",)
PROGRAMME_TEAMS = ("coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b")


def prepare(world):
    world.event = event_create(
        actor=world.coordinator,
        programme=world.programme,
        title="Matrix training",
        starts_on=datetime.date(2023, 10, 3),
        ends_on=datetime.date(2023, 10, 7),
        status="held",
    )
    (world.invitation,) = invitations_create(actor=world.coordinator, event=world.event, users=[world.researcher_a])
    invitation_set_status(actor=world.coordinator, invitation=world.invitation, status="attended")
    evaluation_topics_set(actor=world.coordinator, event=world.event, topics=[{"title": "FPAR methodology"}])
    evaluation_open(actor=world.coordinator, event=world.event)
    world.material = material_add(
        actor=world.coordinator, event=world.event, title="Guide", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="g.pdf")
    )


def _event(c):
    return {"pk": c.event.pk}


def _programme(c):
    return {"programme_id": c.programme.pk}


ENTRIES = {
    "events:index": ("get", lambda c: {}, ALL_200),
    "events:list": ("get", _programme, only(200, *PROGRAMME_TEAMS)),
    "events:create": ("get", _programme, only(200, *COORDINATOR)),
    "events:detail": ("get", _event, only(200, *PROGRAMME_TEAMS)),
    "events:edit": ("get", _event, only(200, *COORDINATOR)),
    "events:delete": ("get", _event, only(200, *COORDINATOR)),
    "events:agenda": ("get", _event, only(200, *COORDINATOR)),
    "events:outputs": ("get", _event, only(200, *COORDINATOR)),
    "events:materials": ("get", _event, only(200, *COORDINATOR)),
    "events:material_download": ("get", lambda c: {"pk": c.material.pk}, only(200, *PROGRAMME_TEAMS)),
    "events:material_delete": ("get", lambda c: {"pk": c.material.pk}, only(200, *COORDINATOR)),
    "events:invitations": ("get", _event, only(200, *COORDINATOR)),
    "events:invite": ("post", _event, only(302, *COORDINATOR)),
    "events:invitation_status": ("post", lambda c: {"pk": c.invitation.pk}, only(302, *COORDINATOR)),
    "events:invitation_withdraw": ("post", lambda c: {"pk": c.invitation.pk}, only(302, *COORDINATOR)),
    # Only the invited person answers her invitation (here her attendance is recorded: a message, no change).
    "events:respond": ("post", _event, only(302, "researcher_a")),
    "events:topics": ("get", _event, only(200, *COORDINATOR)),
    "events:evaluation_state": ("post", _event, only(302, *COORDINATOR)),
    # The form exists only for those who attended.
    "events:evaluate": ("get", _event, only(200, "researcher_a")),
    "events:report": ("get", _event, only(200, *PROGRAMME_TEAMS)),
}
