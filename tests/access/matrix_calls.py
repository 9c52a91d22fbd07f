"""Who may reach the pages of calls for partners.

The public pages of a published call (and the invitation link) answer everyone, with or without an
account: they are listed in ``PUBLIC``. Every management page is the programme coordinator's alone;
the review pages belong to the call's reviewers (here the coordinator and mentor_a).
"""

import datetime

from django.utils import timezone

from ovoz.calls.services import (
    application_submit,
    call_create,
    call_publish,
    call_reviewer_add,
    call_set_criteria,
)
from tests.access.expect import ALL_200, only

# Reachable without signing in: the anonymous check expects 200 here, not a redirect to sign in.
PUBLIC = {"calls:public_list", "calls:public_detail", "calls:apply", "calls:applied", "calls:invitation"}


def prepare(world):
    today = timezone.localdate()
    call = call_create(
        actor=world.coordinator,
        programme=world.programme,
        title="Matrix call",
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=1),
        places_min=1,
        places_max=2,
        focus_areas=["Decent work"],
    )
    call_set_criteria(actor=world.coordinator, call=call, rows=[{"name": "Experience", "weight": 1}])
    call_publish(actor=world.coordinator, call=call)
    world.call = call
    world.application = application_submit(
        actor=None,
        call=call,
        organisation_name="Matrix applicants",
        country="KG",
        women_led=True,
        migrant_led=False,
        experience="Years of it.",
        focus_areas=list(call.focus_areas.all()),
        contact_email="m@example.org",
        researcher_name="R",
        researcher_email="r@example.org",
        researcher_birth_date=datetime.date(1998, 1, 1),
        researcher_from_community=True,
        researcher_english="fluent",
        mentor_name="M",
        mentor_email="mm@example.org",
        mentor_from_community=True,
        mentor_english="none",
        consent=True,
    )
    for user in (world.coordinator, world.mentor_a):
        call_reviewer_add(actor=world.coordinator, call=call, user=user)


def _call(c):
    return {"pk": c.call.pk}


COORDINATOR_PAGE = only(200, "coordinator")
REVIEWERS = only(200, "coordinator", "mentor_a")

ENTRIES = {
    "calls:public_list": ("get", lambda c: {}, ALL_200),
    "calls:public_detail": ("get", _call, ALL_200),
    "calls:apply": ("get", _call, ALL_200),
    "calls:applied": ("get", _call, ALL_200),
    # A link that is not (or no longer) valid explains itself to whoever opens it.
    "calls:invitation": ("get", lambda c: {"uidb64": "MQ", "token": "no-such-token"}, ALL_200),
    "calls:list": ("get", lambda c: {"programme_id": c.programme.pk}, COORDINATOR_PAGE),
    "calls:create": ("get", lambda c: {"programme_id": c.programme.pk}, COORDINATOR_PAGE),
    "calls:detail": ("get", _call, COORDINATOR_PAGE),
    "calls:edit": ("get", _call, COORDINATOR_PAGE),
    "calls:criteria": ("get", _call, COORDINATOR_PAGE),
    "calls:state": ("post", _call, only(302, "coordinator")),
    "calls:reviewers": ("get", _call, COORDINATOR_PAGE),
    "calls:reviewer_remove": ("post", lambda c: {"pk": c.call.pk, "user_id": c.mentor_a.pk}, only(302, "coordinator")),
    "calls:applications": ("get", _call, COORDINATOR_PAGE),
    "calls:ranking": ("get", _call, COORDINATOR_PAGE),
    "calls:selection": ("get", _call, COORDINATOR_PAGE),
    "calls:announce": ("get", _call, COORDINATOR_PAGE),
    "calls:application": ("get", lambda c: {"pk": c.application.pk}, COORDINATOR_PAGE),
    "calls:invitation_resend": ("post", lambda c: {"pk": c.application.pk}, only(302, "coordinator")),
    "calls:review_list": ("get", _call, REVIEWERS),
    "calls:review": ("get", lambda c: {"pk": c.application.pk}, REVIEWERS),
}
