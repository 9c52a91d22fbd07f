"""Who may reach the grants pages: the coordinator manages; partner A's mentor and researcher see A's grants
and write A's reports and proposals; everyone else (B's researcher included) gets 404 on A's things."""

import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from ovoz.grants.models import GrantKind, ReportAttachment
from ovoz.grants.services import (
    budget_line_add,
    grant_create,
    grant_policy_set,
    proposal_create,
    report_create,
    tranche_add,
)
from tests.access.expect import only

D = datetime.date
# One encrypted file on disk, made once and reused by every test, rather than one upload per test.
ATTACHMENT = "grants/reports/matrix/receipt.pdf"

COORD = only(200, "coordinator")
COORD_POST = only(302, "coordinator")
SEES_A = only(200, "coordinator", "mentor_a", "researcher_a")
TEAM_A = only(200, "mentor_a", "researcher_a")
TEAM_A_POST = only(302, "mentor_a", "researcher_a")
IN_A_OR_COORD_POST = only(302, "coordinator", "mentor_a", "researcher_a")
# Programme pages: the coordinator, and the mentors and researchers of any of its partnerships (their own grants).
WITH_GRANTS = only(200, "coordinator", "mentor_a", "researcher_a", "researcher_b")


def prepare(world):
    grant_policy_set(actor=None, programme=world.programme, currency="USD", research_cap="14000")
    world.grant_a = grant_create(
        actor=None, partnership=world.a, kind=GrantKind.RESEARCH, currency="USD", amount="10000",
        starts_on=D(2022, 11, 1), ends_on=D(2024, 1, 31),
    )
    world.line_a = budget_line_add(actor=None, grant=world.grant_a, category="salary", amount="5000")
    world.tranche_a = tranche_add(actor=None, grant=world.grant_a, planned_on=D(2022, 11, 15), planned_amount="5000")
    world.report_a = report_create(actor=None, grant=world.grant_a, template="interim", period_start=D(2022, 11, 1),
                                   period_end=D(2023, 2, 28))
    if not default_storage.exists(ATTACHMENT):
        default_storage.save(ATTACHMENT, ContentFile(b"%PDF-1.4\n%%EOF\n"))
    world.attachment_a = ReportAttachment.objects.create(
        report=world.report_a, file=ATTACHMENT, original_name="receipt.pdf", content_type="application/pdf", size=15
    )
    world.proposal_a = proposal_create(actor=None, partnership=world.a, title="Plan", starts_on=D(2024, 3, 1),
                                       ends_on=D(2024, 8, 31), currency="USD", lines=[("advocacy", "", "100")])


def programme(c):
    return {"programme_id": c.programme.pk}


ENTRIES = {
    "grants:list": ("get", programme, WITH_GRANTS),
    "grants:proposal_list": ("get", programme, WITH_GRANTS),
    "grants:create": ("get", programme, COORD),
    "grants:policy": ("get", programme, COORD),
    "grants:money": ("get", programme, COORD),
    "grants:proposal_create": ("get", lambda c: {"partnership_id": c.a.pk}, TEAM_A),
    "grants:detail": ("get", lambda c: {"pk": c.grant_a.pk}, SEES_A),
    "grants:edit": ("get", lambda c: {"pk": c.grant_a.pk}, COORD),
    "grants:line_add": ("post", lambda c: {"pk": c.grant_a.pk}, COORD_POST),
    "grants:line_edit": ("get", lambda c: {"pk": c.line_a.pk}, COORD),
    "grants:line_delete": ("get", lambda c: {"pk": c.line_a.pk}, COORD),
    "grants:tranche_add": ("post", lambda c: {"pk": c.grant_a.pk}, COORD_POST),
    "grants:tranche_edit": ("get", lambda c: {"pk": c.tranche_a.pk}, COORD),
    "grants:tranche_delete": ("get", lambda c: {"pk": c.tranche_a.pk}, COORD),
    "grants:report_create": ("get", lambda c: {"pk": c.grant_a.pk}, TEAM_A),
    "grants:report_detail": ("get", lambda c: {"pk": c.report_a.pk}, SEES_A),
    "grants:report_edit": ("get", lambda c: {"pk": c.report_a.pk}, TEAM_A),
    "grants:report_submit": ("post", lambda c: {"pk": c.report_a.pk}, TEAM_A_POST),
    "grants:report_review": ("post", lambda c: {"pk": c.report_a.pk}, COORD_POST),
    "grants:report_comment": ("post", lambda c: {"pk": c.report_a.pk}, IN_A_OR_COORD_POST),
    "grants:attachment_add": ("post", lambda c: {"pk": c.report_a.pk}, TEAM_A_POST),
    "grants:attachment_download": ("get", lambda c: {"pk": c.attachment_a.pk}, SEES_A),
    "grants:attachment_delete": ("get", lambda c: {"pk": c.attachment_a.pk}, TEAM_A),
    "grants:proposal_detail": ("get", lambda c: {"pk": c.proposal_a.pk}, SEES_A),
    "grants:proposal_edit": ("get", lambda c: {"pk": c.proposal_a.pk}, TEAM_A),
    "grants:proposal_submit": ("post", lambda c: {"pk": c.proposal_a.pk}, TEAM_A_POST),
    "grants:proposal_review": ("post", lambda c: {"pk": c.proposal_a.pk}, COORD_POST),
    "grants:proposal_comment": ("post", lambda c: {"pk": c.proposal_a.pk}, IN_A_OR_COORD_POST),
}
