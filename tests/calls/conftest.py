"""A call of the cast's programme, open today, and the ways to fill it with applications and reviews."""

import datetime

import pytest
from django.utils import timezone

from ovoz.accounts.security import REAUTH_SESSION_KEY
from ovoz.calls.models import Call
from ovoz.calls.services import (
    application_submit,
    call_close,
    call_create,
    call_publish,
    call_reviewer_add,
    call_set_criteria,
)

# The cast's programme starts on 1 August 2022.
YOUNG = datetime.date(1995, 5, 5)


def application_data(call, **overrides) -> dict:
    """Keyword arguments for ``application_submit``: an eligible application unless overridden."""
    values = {
        "organisation_name": "Women of the Valley",
        "country": "KG",
        "women_led": True,
        "migrant_led": False,
        "experience": "Ten years of legal aid to women migrants.",
        "focus_areas": list(call.focus_areas.all()[:1]),
        "contact_email": "office@valley.example.org",
        "researcher_name": "Aida Researcher",
        "researcher_email": "aida@valley.example.org",
        "researcher_birth_date": YOUNG,
        "researcher_from_community": True,
        "researcher_english": "working",
        "mentor_name": "Mira Mentor",
        "mentor_email": "mira@valley.example.org",
        "mentor_from_community": False,
        "mentor_english": "basic",
        "consent": True,
    }
    values.update(overrides)
    return values


def form_data(call, **overrides) -> dict:
    """What the public form posts for an eligible application."""
    data = {
        "organisation_name": "Women of the Valley",
        "country": "KG",
        "women_led": "on",
        "focus_areas": [str(call.focus_areas.first().pk)],
        "experience": "Ten years of legal aid to women migrants.",
        "contact_email": "office@valley.example.org",
        "researcher_name": "Aida Researcher",
        "researcher_email": "aida@valley.example.org",
        "researcher_birth_date": "1995-05-05",
        "researcher_from_community": "on",
        "researcher_english": "working",
        "mentor_name": "Mira Mentor",
        "mentor_email": "mira@valley.example.org",
        "mentor_english": "basic",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def submit(call, **overrides):
    return application_submit(actor=None, call=call, **application_data(call, **overrides))


def confirmed(client):
    """As if she had typed her password again a moment ago."""
    session = client.session
    session[REAUTH_SESSION_KEY] = 2**40
    session.save()
    return client


@pytest.fixture
def call(cast):
    """A published call of the cast's programme, open today, with two weighted criteria."""
    today = timezone.localdate()
    call = call_create(
        actor=cast.coordinator,
        programme=cast.programme,
        title="Call for partners 2022",
        opens_on=today - datetime.timedelta(days=10),
        closes_on=today + datetime.timedelta(days=10),
        places_min=2,
        places_max=3,
        focus_areas=["Decent work", "Social protection"],
    )
    call_set_criteria(
        actor=cast.coordinator,
        call=call,
        rows=[
            {"name": "Experience", "description": "", "weight": 3},
            {"name": "Community roots", "description": "", "weight": 1},
        ],
    )
    call_publish(actor=cast.coordinator, call=call)
    return call


@pytest.fixture
def reviewed(cast, call):
    """The call closed with three applications (two eligible), mentor_a and the coordinator reviewing."""
    call.apps = {
        "valley": submit(call),
        "steppe": submit(call, organisation_name="Steppe Sisters", country="TJ", contact_email="hi@steppe.example"),
        "late": submit(call, organisation_name="Too Old Group", researcher_birth_date=datetime.date(1970, 1, 1)),
    }
    call_close(actor=cast.coordinator, call=call)
    for user in (cast.coordinator, cast.mentor_a):
        call_reviewer_add(actor=cast.coordinator, call=call, user=user)
    call.refresh_from_db()
    call.crit = {c.name: c for c in call.criteria.all()}
    return call


def state(call) -> str:
    return Call.objects.get(pk=call.pk).state
