"""Receipts and scans on a report: checked for size and type before anything is written, encrypted on disk."""

import pytest

from ovoz.audit.models import AuditEntry
from ovoz.grants.models import ReportAttachment
from ovoz.grants.services import report_create, report_submit
from ovoz.grants.uploads import MAX_ATTACHMENT_BYTES
from tests.grants.conftest import JPG, PDF, PNG, D, confirmed, files_in, office, upload


@pytest.fixture
def report(cast, grant_a):
    return report_create(actor=None, grant=grant_a, template="interim", period_start=D(2022, 11, 1),
                         period_end=D(2023, 2, 28))


def attach(client, report, f, **extra):
    return client.post(f"/grants/reports/{report.pk}/attachments/new/", {"file": f, **extra}, follow=True)


@pytest.mark.parametrize(
    "name, content",
    [("receipt.pdf", PDF), ("scan.JPG", JPG), ("scan.jpeg", JPG), ("photo.png", PNG),
     ("ledger.xlsx", office("xl")), ("letter.docx", office("word"))],
)
def test_each_accepted_type_is_attached(cast, as_user, report, media, name, content):
    response = attach(as_user(cast.researcher_a), report, upload(name, content))
    assert "The file is attached." in response.content.decode()
    attachment = ReportAttachment.objects.get()
    assert attachment.original_name == name and attachment.size == len(content)
    assert len(files_in(media)) == 1


def test_an_attachment_is_encrypted_on_disk_and_downloaded_whole(cast, as_user, report, media):
    content = PDF + b"Receipt 0042 Bishkek hotel 12 500 som"
    attach(as_user(cast.researcher_a), report, upload("hotel receipt.pdf", content), budget_line=str(cast.travel.pk),
           description="Hotel, first training")
    attachment = ReportAttachment.objects.get()
    (stored,) = files_in(media)
    assert b"Receipt 0042" not in stored.read_bytes()
    assert "hotel" not in stored.name  # the name on disk is random
    assert attachment.budget_line == cast.travel
    response = as_user(cast.coordinator).get(f"/grants/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="hotel receipt.pdf"' in response["Content-Disposition"]
    entry = AuditEntry.objects.get(action="report_attachment.add")
    assert entry.actor == cast.researcher_a and entry.partnership_id == cast.a.pk
    assert entry.changes["file"]["new"] == "hotel receipt.pdf"


def test_a_file_above_20_mb_is_refused_with_the_limit_and_nothing_is_written(cast, as_user, report, media):
    big = PDF + b"0" * (MAX_ATTACHMENT_BYTES - len(PDF) + 1)
    response = attach(as_user(cast.researcher_a), report, upload("scan.pdf", big))
    body = response.content.decode()
    assert "scan.pdf is 20.0\xa0MB; attachments may be at most 20.0\xa0MB." in body
    assert not ReportAttachment.objects.exists()
    assert files_in(media) == []
    assert not AuditEntry.objects.filter(action="report_attachment.add").exists()


def test_a_file_of_exactly_20_mb_is_accepted(cast, report, media):
    from ovoz.grants.services import attachment_add

    attachment_add(actor=None, report=report, upload=upload("scan.pdf", PDF + b"0" * (MAX_ATTACHMENT_BYTES - len(PDF))))
    assert ReportAttachment.objects.get().size == MAX_ATTACHMENT_BYTES


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("tool.exe", b"MZ\x90\x00",
         "tool.exe is not a type Ovoz accepts for a report. Allowed: PDF, JPG, PNG, XLSX, DOCX."),
        ("page.html", b"<html>", "page.html is not a type Ovoz accepts"),
        ("noextension", PDF, "noextension is not a type Ovoz accepts"),
        ("fake.pdf", b"MZ\x90\x00 not a pdf", "fake.pdf is not a real PDF file (its contents do not match its name)."),
        ("fake.png", JPG, "fake.png is not a real PNG file"),
        ("fake.docx", office("xl"), "fake.docx is not a real DOCX file"),
        ("fake.xlsx", b"PK\x03\x04broken zip", "fake.xlsx is not a real XLSX file"),
        ("empty.pdf", b"", "The submitted file is empty."),
    ],
)
def test_a_wrong_type_is_refused_with_a_clear_error_and_nothing_is_written(cast, as_user, report, media, name,
                                                                           content, message):
    response = attach(as_user(cast.researcher_a), report, upload(name, content))
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not ReportAttachment.objects.exists()
    assert files_in(media) == []


def test_nothing_can_be_attached_once_the_report_is_submitted(cast, as_user, report, media):
    report_submit(actor=None, report=report)
    response = attach(as_user(cast.researcher_a), report, upload("r.pdf", PDF))
    assert "can be changed only as a draft" in response.content.decode()
    assert files_in(media) == []


@pytest.mark.parametrize("name", ["coordinator", "coresearcher_a", "researcher_b", "viewer", "outsider"])
def test_only_the_team_attaches(cast, as_user, report, media, name):
    response = as_user(getattr(cast, name)).post(f"/grants/reports/{report.pk}/attachments/new/",
                                                 {"file": upload("r.pdf", PDF)})
    assert response.status_code == 404
    assert files_in(media) == []


@pytest.mark.parametrize("name", ["coresearcher_a", "researcher_b", "viewer", "outsider"])
def test_other_partnerships_and_co_researchers_cannot_download(cast, as_user, report, name):
    from ovoz.grants.services import attachment_add

    attachment = attachment_add(actor=None, report=report, upload=upload("r.pdf", PDF))
    assert as_user(getattr(cast, name)).get(f"/grants/attachments/{attachment.pk}/").status_code == 404


def test_removing_an_attachment_asks_for_the_password_and_a_confirmation(cast, as_user, report, media,
                                                                        django_capture_on_commit_callbacks):
    from ovoz.grants.services import attachment_add

    attachment = attachment_add(actor=None, report=report, upload=upload("r.pdf", PDF))
    client = as_user(cast.mentor_a)
    assert "/auth/confirm/" in client.get(f"/grants/attachments/{attachment.pk}/delete/")["Location"]
    confirmed(client)
    assert "Remove this?" in client.get(f"/grants/attachments/{attachment.pk}/delete/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/grants/attachments/{attachment.pk}/delete/")
    assert not ReportAttachment.objects.exists()
    assert files_in(media) == []
    assert AuditEntry.objects.get(action="report_attachment.delete").changes == {"file": {"old": "r.pdf", "new": None}}
