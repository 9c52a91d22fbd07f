"""Who may reach the participant register, her page, identity reveals, consent pages and exports."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from ovoz.evidence.services.consent import ALL_SCOPES, consent_record
from ovoz.evidence.services.participants import participant_create
from tests.access.expect import only

TEAM = ("mentor_a", "researcher_a")


def prepare(world):
    """A participant of A who shares everything (written consent, form attached) and one who shares nothing."""
    world.pp_shared = participant_create(actor=world.researcher_a, partnership=world.a, name="Matrix Name")
    world.pp_consent = consent_record(
        actor=world.researcher_a, participant=world.pp_shared, date=datetime.date(2024, 5, 1), method="written",
        language="ky", scopes=ALL_SCOPES, form=SimpleUploadedFile("form.pdf", b"%PDF-1.4 signed"),
    )
    world.pp_private = participant_create(actor=world.researcher_a, partnership=world.a)
    consent_record(actor=world.researcher_a, participant=world.pp_private, date=datetime.date(2024, 5, 1),
                   method="oral", language="ru", scopes=["analysis"])


def _a(c):
    return {"pk": c.a.pk}


def _shared(c):
    return {"pk": c.pp_shared.pk}


ENTRIES = {
    "evidence:participant_list": ("get", _a, only(200, "coordinator", *TEAM)),
    "evidence:participant_create": ("get", _a, only(200, *TEAM)),
    "evidence:participant_export": ("get", _a, only(200, "coordinator", *TEAM)),
    "evidence:participant_detail": ("get", _shared, only(200, "coordinator", *TEAM)),
    "evidence:participant_edit": ("get", _shared, only(200, *TEAM)),
    "evidence:participant_identity": ("get", _shared, only(200, "researcher_a")),
    "evidence:consent_record": ("get", _shared, only(200, *TEAM)),
    "evidence:consent_withdraw": ("get", _shared, only(200, *TEAM)),
    "evidence:consent_summary": ("get", _shared, only(200, *TEAM)),
    "evidence:consent_form": ("get", lambda c: {"pk": c.pp_consent.pk}, only(200, "researcher_a")),
}
