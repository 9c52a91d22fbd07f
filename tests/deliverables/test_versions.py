"""Each submission is a new numbered version, kept; files are checked, stored encrypted and served only
to the partnership's research team and the coordinators."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from ovoz.deliverables import files
from ovoz.deliverables.models import DeliverableVersion
from ovoz.deliverables.services import (
    deliverable_request_changes,
    deliverable_save_draft,
    deliverable_submit,
)
from tests.deliverables.conftest import pdf


def test_every_draft_and_submission_is_a_new_version_and_none_is_lost(work):
    d = work.design_a
    deliverable_save_draft(actor=work.researcher_a, deliverable=d, text="First thoughts")
    deliverable_save_draft(actor=work.mentor_a, deliverable=d, text="Mentor's edits", note="tightened the questions")
    deliverable_submit(actor=work.researcher_a, deliverable=d)  # the latest draft, as it is
    deliverable_request_changes(actor=work.coordinator, deliverable=d, comment="Add the women-only sessions.")
    deliverable_submit(actor=work.researcher_a, deliverable=d, text="Revised with women-only sessions")
    versions = list(d.versions.order_by("number"))
    assert [(v.number, v.text, v.submitted, v.created_by.username) for v in versions] == [
        (1, "First thoughts", False, "researcher_a"),
        (2, "Mentor's edits", True, "mentor_a"),
        (3, "Revised with women-only sessions", True, "researcher_a"),
    ]
    assert versions[1].note == "tightened the questions"
    assert d.reviews.get().version == versions[1]


def test_version_numbers_are_counted_per_deliverable(work):
    deliverable_save_draft(actor=work.researcher_a, deliverable=work.design_a, text="A one")
    deliverable_save_draft(actor=work.researcher_b, deliverable=work.design_b, text="B one")
    deliverable_save_draft(actor=work.researcher_b, deliverable=work.design_b, text="B two")
    assert list(work.design_a.versions.values_list("number", flat=True)) == [1]
    assert sorted(work.design_b.versions.values_list("number", flat=True)) == [1, 2]


def test_a_file_is_stored_encrypted_and_its_original_name_kept(work):
    body = b"%PDF-1.4\nFinal report of partner A\n"
    version = deliverable_submit(actor=work.researcher_a, deliverable=work.report_a, file=pdf("Report A v1.pdf", body))
    assert version.file_name == "Report A v1.pdf"
    assert version.file_size == len(body)
    assert version.content_type == "application/pdf"
    assert "Report" not in version.file.name  # a random name on disk
    with open(default_storage.path(version.file.name), "rb") as raw:
        assert b"Final report" not in raw.read()
    with version.file.open("rb") as fh:
        assert fh.read() == body


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("tool.exe", b"MZ\x90\x00"), "cannot be submitted"),
        (SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf"), "does not look like a pdf"),
        (SimpleUploadedFile("notes.txt", b"bin\x00ary"), "does not look like a txt"),
        (SimpleUploadedFile("empty.pdf", b""), "is empty"),
    ],
)
def test_files_of_the_wrong_kind_are_refused_and_nothing_is_written(work, upload, message):
    with pytest.raises(ValidationError, match=message):
        deliverable_submit(actor=work.researcher_a, deliverable=work.report_a, file=upload)
    work.report_a.refresh_from_db()
    assert work.report_a.state == "not_started"
    assert not DeliverableVersion.objects.exists()


def test_a_file_over_the_limit_is_refused(work, monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 20)
    with pytest.raises(ValidationError, match="files up to 20"):
        deliverable_submit(actor=work.researcher_a, deliverable=work.report_a, file=pdf(body=b"%PDF-" + b"x" * 30))


def test_each_deliverable_takes_what_its_template_asks_for(work):
    with pytest.raises(ValidationError, match="submitted as text, not as a file"):
        deliverable_submit(actor=work.researcher_a, deliverable=work.design_a, file=pdf())
    with pytest.raises(ValidationError, match="attach the file"):
        deliverable_submit(actor=work.researcher_a, deliverable=work.report_a, text="Here is my report")
    with pytest.raises(ValidationError, match="nothing to submit"):
        deliverable_submit(actor=work.researcher_a, deliverable=work.report_a)


def test_the_file_downloads_for_the_team_and_the_coordinator_only(work, as_user):
    version = deliverable_submit(actor=work.researcher_a, deliverable=work.report_a, file=pdf("Report A.pdf"))
    url = f"/deliverable-versions/{version.pk}/file/"
    for name in ["researcher_a", "mentor_a", "coordinator"]:
        response = as_user(getattr(work, name)).get(url)
        assert response.status_code == 200, name
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert 'filename="Report A.pdf"' in response["Content-Disposition"]
        assert response["Content-Disposition"].startswith("attachment")
    for name in ["coresearcher_a", "researcher_b", "viewer", "outsider"]:
        assert as_user(getattr(work, name)).get(url).status_code == 404, name
