"""Who may reach the safety pages: partnership A's risk register, incident log and its own contacts are for A's
mentor and researcher and the coordinators only (not A's co-researcher, not B, not viewers); the programme's
contacts list for every team member; the emergency lock for coordinators and A's mentor. The quick exit answers
POST only, for everyone."""

import datetime

from ovoz.safety.lock import partnership_lock
from ovoz.safety.services import (
    risk_create,
    safety_incident_create,
    support_contact_create,
)
from tests.access.expect import every, only

SAFETY = ("coordinator", "mentor_a", "researcher_a")
TEAMS = ("coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b")


def prepare(world):
    world.sf_risk = risk_create(actor=world.mentor_a, partnership=world.a, title="Calls from the police",
                                category="authorities", affects="researchers", description="Twice in May.")
    world.sf_incident = safety_incident_create(actor=world.mentor_a, partnership=world.a,
                                               occurred_on=datetime.date(2024, 5, 2), title="Visit to the office",
                                               category="authorities", affects="organisation",
                                               description="Two officers asked for the list of participants.")
    world.sf_contact = support_contact_create(actor=world.mentor_a, programme=world.programme, partnership=world.a,
                                              kind="legal", name="A lawyer", how_to_reach="+996 000 000")


def _a(c):
    return {"pk": c.a.pk}


def _locked_a(c):
    """Lock A first (rolled back after each request): its own team is signed out at once."""
    partnership_lock(actor=c.coordinator, partnership=c.a)
    return {"pk": c.a.pk}


ENTRIES = {
    "safety:quick_exit": ("get", lambda c: {}, every(405)),
    "safety:partnership": ("get", _a, only(200, *SAFETY)),
    "safety:risk_create": ("get", _a, only(200, *SAFETY)),
    "safety:risk_detail": ("get", lambda c: {"pk": c.sf_risk.pk}, only(200, *SAFETY)),
    "safety:risk_edit": ("get", lambda c: {"pk": c.sf_risk.pk}, only(200, *SAFETY)),
    "safety:risk_review": ("post", lambda c: {"pk": c.sf_risk.pk}, only(302, *SAFETY)),
    "safety:risk_delete": ("get", lambda c: {"pk": c.sf_risk.pk}, only(200, *SAFETY)),
    "safety:incident_list": ("get", _a, only(200, *SAFETY)),
    "safety:incident_create": ("get", _a, only(200, *SAFETY)),
    "safety:incident_detail": ("get", lambda c: {"pk": c.sf_incident.pk}, only(200, *SAFETY)),
    "safety:incident_edit": ("get", lambda c: {"pk": c.sf_incident.pk}, only(200, *SAFETY)),
    "safety:follow_up": ("post", lambda c: {"pk": c.sf_incident.pk}, only(302, *SAFETY)),
    "safety:incident_delete": ("get", lambda c: {"pk": c.sf_incident.pk}, only(200, *SAFETY)),
    "safety:contacts": ("get", lambda c: {"programme_id": c.programme.pk}, only(200, *TEAMS)),
    "safety:contact_create": ("get", lambda c: {"programme_id": c.programme.pk}, only(200, "coordinator")),
    "safety:contact_edit": ("get", lambda c: {"pk": c.sf_contact.pk}, only(200, *SAFETY)),
    "safety:contact_delete": ("get", lambda c: {"pk": c.sf_contact.pk}, only(200, *SAFETY)),
    "safety:lock": ("get", _a, only(200, "coordinator", "mentor_a")),
    # With A locked, A's own team is signed out (sent to sign in); the coordinator may lift it.
    "safety:unlock": ("get", _locked_a, {
        "coordinator": 200, "mentor_a": 302, "researcher_a": 302, "coresearcher_a": 302,
        "researcher_b": 404, "viewer": 404, "outsider": 404,
    }),
}
