"""Who may reach the deliverables pages: the coordinator's dashboard, timeline and templates; a partnership's
deliverables (its whole team); what was submitted (its researcher and mentor, and the coordinator); her
own calendar feed page (everyone)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from ovoz.deliverables.models import Deliverable, SubmissionMode
from ovoz.deliverables.services import (
    calendar_feed_reset,
    deliverable_submit,
    deliverable_template_create,
    timeline_item_create,
)
from tests.access.expect import ALL_200, every, only

# Fetched by calendar apps, which cannot sign in: the secret in the address is the key.
PUBLIC = {"deliverables:calendar_feed"}
RESEARCH_TEAM_A = ("coordinator", "mentor_a", "researcher_a")
WHOLE_TEAM_A = (*RESEARCH_TEAM_A, "coresearcher_a")


def prepare(world):
    world.deliverable_template = deliverable_template_create(
        actor=None, programme=world.programme, title="Final FPAR report", due_on=datetime.date(2024, 1, 20),
        submission=SubmissionMode.FILE,
    )
    world.deliverable_a = Deliverable.objects.get(partnership=world.a, template=world.deliverable_template)
    world.deliverable_version_a = deliverable_submit(
        actor=None, deliverable=world.deliverable_a, file=SimpleUploadedFile("report.pdf", b"%PDF-1.4 A's report")
    )
    world.timeline_item = timeline_item_create(
        actor=None, programme=world.programme, kind="milestone", title="Reflection meeting",
        starts_on=datetime.date(2024, 9, 26),
    )
    _, world.calendar_token = calendar_feed_reset(actor=world.researcher_a, user=world.researcher_a)


def _programme(c):
    return {"programme_id": c.programme.pk}


ENTRIES = {
    "deliverables:programme_dashboard": ("get", _programme, only(200, "coordinator")),
    "deliverables:timeline_manage": ("get", _programme, only(200, "coordinator")),
    "deliverables:timeline_item_edit": ("get", lambda c: {"pk": c.timeline_item.pk}, only(200, "coordinator")),
    "deliverables:timeline_item_delete": ("get", lambda c: {"pk": c.timeline_item.pk}, only(200, "coordinator")),
    "deliverables:template_manage": ("get", _programme, only(200, "coordinator")),
    "deliverables:template_edit": ("get", lambda c: {"pk": c.deliverable_template.pk}, only(200, "coordinator")),
    "deliverables:template_delete": ("get", lambda c: {"pk": c.deliverable_template.pk}, only(200, "coordinator")),
    # Everyone has the list; it holds only what she may see (nothing, for viewers and outsiders).
    "deliverables:list": ("get", lambda c: {}, ALL_200),
    "deliverables:partnership": ("get", lambda c: {"pk": c.a.pk}, only(200, *WHOLE_TEAM_A)),
    "deliverables:detail": ("get", lambda c: {"pk": c.deliverable_a.pk}, only(200, *RESEARCH_TEAM_A)),
    # Those who see it get the page back with a message (done, or refused and why); the others 404.
    "deliverables:version_create": ("post", lambda c: {"pk": c.deliverable_a.pk}, only(302, *RESEARCH_TEAM_A)),
    "deliverables:withdraw": ("post", lambda c: {"pk": c.deliverable_a.pk}, only(302, *RESEARCH_TEAM_A)),
    "deliverables:review": ("post", lambda c: {"pk": c.deliverable_a.pk}, only(302, *RESEARCH_TEAM_A)),
    "deliverables:set_due": ("post", lambda c: {"pk": c.deliverable_a.pk}, only(302, *RESEARCH_TEAM_A)),
    "deliverables:version_file": (
        "get", lambda c: {"pk": c.deliverable_version_a.pk}, only(200, *RESEARCH_TEAM_A),
    ),
    "deliverables:calendar": ("get", lambda c: {}, ALL_200),
    "deliverables:calendar_reset": ("post", lambda c: {}, ALL_200),
    "deliverables:calendar_stop": ("post", lambda c: {}, every(302)),
    # researcher_a's feed: whoever holds its address gets it, signed in or not (a wrong address is a 404,
    # tested in tests/deliverables/test_calendar_feed.py).
    "deliverables:calendar_feed": ("get", lambda c: {"token": c.calendar_token}, ALL_200),
}
