"""Who may reach the import pages of partnership A: its team (mentor and researcher), who may edit its evidence.

Coordinators, the co-researcher, the viewer, partnership B's researcher and outsiders get 404, as if nothing
existed; the index page answers everyone (it lists only the partnerships she may import into).
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from ovoz.imports.models import ImportJob, Instrument, InstrumentVersion, Mapping
from tests.access.expect import ALL_200, only
from tests.imports import builders

TEAM = ("mentor_a", "researcher_a")
XLSFORM_FILE = "imports/access-matrix-survey.xlsx"
_structure = {}


def _read_once() -> dict:
    """The form is read with pyxform once per run, not once per test (the services are tested elsewhere)."""
    if not _structure:
        from ovoz.imports.xlsform import read_xlsform

        content = builders.xlsform()
        _structure.update(read_xlsform(content)[0])
        if not default_storage.exists(XLSFORM_FILE):
            default_storage.save(XLSFORM_FILE, ContentFile(content))
    return _structure


def prepare(world):
    structure = _read_once()
    instrument = Instrument.objects.create(partnership=world.a, form_id=structure["form_id"], title=structure["title"])
    world.imp_version = InstrumentVersion.objects.create(
        instrument=instrument, number=1, xlsform=XLSFORM_FILE, original_name="survey.xlsx", sha256="0" * 64,
        structure=structure, languages=structure["languages"])
    world.imp_instrument = instrument
    world.imp_mapping = Mapping.objects.create(partnership=world.a, instrument=instrument, name="M",
                                               spec=builders.MAPPING)
    world.imp_job = ImportJob.objects.create(partnership=world.a, kind=ImportJob.Kind.SUBMISSIONS,
                                             mapping=world.imp_mapping, instrument_version=world.imp_version,
                                             spec=builders.MAPPING, original_name="empty.json")


def _a(c):
    return {"pk": c.a.pk}


ENTRIES = {
    # Team members of exactly one partnership are taken straight to it; everyone else sees the (empty) list.
    "imports:index": ("get", lambda c: {}, {**ALL_200, "mentor_a": 302, "researcher_a": 302, "researcher_b": 302}),
    "imports:partnership": ("get", _a, only(200, *TEAM)),
    "imports:instrument_upload": ("get", _a, only(200, *TEAM)),
    "imports:table_import": ("get", lambda c: {"pk": c.a.pk, "kind": "participants"}, only(200, *TEAM)),
    "imports:table_template": ("get", lambda c: {"pk": c.a.pk, "kind": "incidents", "fmt": "csv"},
                               only(200, *TEAM)),
    "imports:instrument_detail": ("get", lambda c: {"pk": c.imp_instrument.pk}, only(200, *TEAM)),
    "imports:submissions_import": ("get", lambda c: {"pk": c.imp_instrument.pk}, only(200, *TEAM)),
    "imports:mapping_create": ("get", lambda c: {"pk": c.imp_instrument.pk}, only(200, *TEAM)),
    "imports:version_download": ("get", lambda c: {"pk": c.imp_version.pk}, only(200, *TEAM)),
    "imports:mapping_edit": ("get", lambda c: {"pk": c.imp_mapping.pk}, only(200, *TEAM)),
    "imports:mapping_download": ("get", lambda c: {"pk": c.imp_mapping.pk}, only(200, *TEAM)),
    "imports:job_detail": ("get", lambda c: {"pk": c.imp_job.pk}, only(200, *TEAM)),
    "imports:job_progress": ("get", lambda c: {"pk": c.imp_job.pk}, only(200, *TEAM)),
    # Not checked yet: the team is sent back to the job with a message; nobody else learns it exists.
    "imports:job_run": ("post", lambda c: {"pk": c.imp_job.pk}, only(302, *TEAM)),
}
