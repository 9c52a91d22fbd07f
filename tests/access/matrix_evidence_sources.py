"""Who may reach the pages of sources, attachments and documented violations of partnership A.

The team (mentor and researcher) records and changes; coordinators see what A shares with them and its
participants allow; the employer's name is for A's researchers only; everyone else gets 404.
"""

import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from ovoz.evidence.models import Attachment
from ovoz.evidence.services.consent import ALL_SCOPES, consent_record
from ovoz.evidence.services.incidents import incident_create
from ovoz.evidence.services.participants import participant_create
from ovoz.evidence.services.sources import source_create
from tests.access.expect import only
from tests.evidence.test_extract import make_png
from tests.evidence.test_incident_vocabulary import make_terms

TEAM = ("mentor_a", "researcher_a")
SHARED = ("coordinator", "mentor_a", "researcher_a")
MATRIX_FILE = "sources/access-matrix-photo.png"


def prepare(world):
    terms = make_terms()
    woman = participant_create(actor=None, partnership=world.a)
    consent_record(actor=None, participant=woman, date=datetime.date(2023, 3, 1), method="oral", language="ky",
                   scopes=ALL_SCOPES)
    world.ev_source = source_create(actor=None, partnership=world.a, kind="interview", title="Matrix interview",
                                    transcript="Text.", participants=[woman], shared_with_programme=True)
    # One encrypted file on disk for every run of the matrix, rather than a new one per test.
    png = make_png()
    if not default_storage.exists(MATRIX_FILE):
        default_storage.save(MATRIX_FILE, ContentFile(png))
    world.ev_attachment = Attachment.objects.create(source=world.ev_source, file=MATRIX_FILE,
                                                    original_name="photo.png", content_type="image/png", size=len(png))
    world.ev_incident = incident_create(
        actor=None, partnership=world.a, title="Matrix incident", shared_with_programme=True,
        acts=[{"act_type": terms.unpaid, "victims": [woman]}],
        links=[{"source": world.ev_source, "connection": "victim"}],
        labour={"employer_name": "An employer", "contract": "none"},
    )
    world.ev_link = world.ev_incident.source_links.get()


def _a(c):
    return {"pk": c.a.pk}


ENTRIES = {
    "evidence:source_list": ("get", _a, only(200, *SHARED)),
    "evidence:source_create": ("get", _a, only(200, *TEAM)),
    "evidence:source_detail": ("get", lambda c: {"pk": c.ev_source.pk}, only(200, *SHARED)),
    "evidence:source_edit": ("get", lambda c: {"pk": c.ev_source.pk}, only(200, *TEAM)),
    "evidence:source_delete": ("get", lambda c: {"pk": c.ev_source.pk}, only(200, *TEAM)),
    # Without a file the team is sent back to the source with an error; nobody else learns it exists.
    "evidence:attachment_add": ("post", lambda c: {"pk": c.ev_source.pk}, only(302, *TEAM)),
    "evidence:attachment_download": ("get", lambda c: {"pk": c.ev_attachment.pk}, only(200, *SHARED)),
    "evidence:attachment_delete": ("get", lambda c: {"pk": c.ev_attachment.pk}, only(200, *TEAM)),
    "evidence:incident_list": ("get", _a, only(200, *SHARED)),
    "evidence:incident_create": ("get", _a, only(200, *TEAM)),
    "evidence:incident_detail": ("get", lambda c: {"pk": c.ev_incident.pk}, only(200, *SHARED)),
    "evidence:incident_edit": ("get", lambda c: {"pk": c.ev_incident.pk}, only(200, *TEAM)),
    "evidence:incident_delete": ("get", lambda c: {"pk": c.ev_incident.pk}, only(200, *TEAM)),
    "evidence:incident_employer": ("get", lambda c: {"pk": c.ev_incident.pk}, only(200, "researcher_a")),
    "evidence:incident_link_remove": ("post", lambda c: {"pk": c.ev_link.pk}, only(302, *TEAM)),
}
