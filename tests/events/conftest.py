"""Events of the shared cast's programme, made through the services as a coordinator would."""

import datetime

import pytest

from ovoz.accounts.security import REAUTH_SESSION_KEY
from ovoz.events.models import Event
from ovoz.events.services import event_create, invitation_set_status, invitations_create

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def confirmed(client):
    """As if she had typed her password again a moment ago."""
    session = client.session
    session[REAUTH_SESSION_KEY] = 2**40
    session.save()
    return client


def make_event(cast, **values) -> Event:
    fields = {
        "title": "Second regional training",
        "kind": Event.Kind.REGIONAL_TRAINING,
        "starts_on": datetime.date(2023, 2, 20),
        "ends_on": datetime.date(2023, 2, 24),
        "city": "Tashkent",
        "country": "UZ",
        "status": Event.Status.HELD,
    }
    fields.update(values)
    return event_create(actor=cast.coordinator, programme=cast.programme, **fields)


@pytest.fixture
def event(cast):
    return make_event(cast)


def attended(cast, event, *people):
    """Invite these people and record that they came."""
    invitations = invitations_create(actor=cast.coordinator, event=event, users=people)
    for invitation in invitations:
        invitation_set_status(actor=cast.coordinator, invitation=invitation, status="attended")
    return invitations
