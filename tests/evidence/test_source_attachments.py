"""Media attachments: checked by content and size, encrypted on disk, downloaded only through the access rules
and into the audit log, with the text of PDF scans kept for search."""

import os

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import Attachment
from ovoz.evidence.services.attachments import attachment_add
from tests.evidence.test_extract import make_pdf, make_png, make_wav
from tests.evidence.test_source_pages import reauthenticated


def attach(client, source, name, data):
    return client.post(f"/sources/{source.pk}/attachments/", {"file": SimpleUploadedFile(name, data)})


def raw_bytes_on_disk(attachment) -> bytes:
    with open(default_storage.path(attachment.file.name), "rb") as fh:
        return fh.read()


def test_a_photo_is_stored_encrypted_and_comes_back_whole_through_the_download(evidence, as_user):
    png = make_png()
    client = as_user(evidence.researcher_a)
    response = attach(client, evidence.s1, "Gulmira at the market.png", png)
    assert response.status_code == 302
    attachment = Attachment.objects.get(source=evidence.s1)
    assert attachment.content_type == "image/png" and attachment.size == len(png)
    assert attachment.original_name == "Gulmira at the market.png"
    assert "Gulmira" not in attachment.file.name, "the stored name says nothing about her"
    on_disk = raw_bytes_on_disk(attachment)
    assert png not in on_disk and not on_disk.startswith(b"\x89PNG"), "the file on disk is not plain"
    download = client.get(f"/attachments/{attachment.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == png
    assert download["Content-Type"] == "image/png"
    assert "attachment" in download["Content-Disposition"]
    assert download["Cache-Control"] == "private, no-store"
    read = AuditEntry.objects.get(kind="read", object_id=str(attachment.pk))
    assert read.actor == evidence.researcher_a and read.partnership_id == evidence.a.pk
    assert AuditEntry.objects.filter(action="attachment.add", object_id=str(attachment.pk)).exists()


def test_audio_can_be_played_inline_and_every_play_is_audited(evidence, as_user):
    attachment = attachment_add(actor=None, source=evidence.s1, upload=SimpleUploadedFile("voice.wav", make_wav()))
    assert attachment.content_type == "audio/wav"
    response = as_user(evidence.mentor_a).get(f"/attachments/{attachment.pk}/", {"inline": "1"})
    assert response.status_code == 200 and response["Content-Disposition"].startswith("inline")
    assert AuditEntry.objects.filter(kind="read", object_id=str(attachment.pk), actor=evidence.mentor_a).count() == 1


def test_who_may_download_follows_the_source(evidence, as_user):
    shared = attachment_add(actor=None, source=evidence.s1, upload=SimpleUploadedFile("p.png", make_png()))
    not_allowed = attachment_add(actor=None, source=evidence.s2, upload=SimpleUploadedFile("p.png", make_png()))
    assert as_user(evidence.coordinator).get(f"/attachments/{shared.pk}/").status_code == 200
    assert as_user(evidence.coordinator).get(f"/attachments/{not_allowed.pk}/").status_code == 404
    for person in ("researcher_b", "coresearcher_a", "viewer", "outsider"):
        assert as_user(getattr(evidence, person)).get(f"/attachments/{shared.pk}/").status_code == 404, person
    assert not AuditEntry.objects.filter(kind="read", actor=evidence.researcher_b).exists()
    assert as_user(evidence.coordinator).post(
        f"/sources/{evidence.s1.pk}/attachments/", {"file": SimpleUploadedFile("p.png", make_png())}
    ).status_code == 404


def test_a_pdf_scan_keeps_its_text_for_search(evidence):
    attachment = attachment_add(actor=None, source=evidence.s1,
                                upload=SimpleUploadedFile("letter.pdf", make_pdf(["Labour inspection answer."])))
    assert attachment.content_type == "application/pdf"
    assert "Labour inspection answer." in attachment.extracted_text
    image_only = attachment_add(actor=None, source=evidence.s1, upload=SimpleUploadedFile("scan.pdf", make_pdf([])))
    assert image_only.extracted_text == ""


@pytest.fixture
def saved_files(monkeypatch):
    """The names of files stored during the test (other test runs may share the media folder)."""
    from ovoz.storage import EncryptedFileSystemStorage

    names, original = [], EncryptedFileSystemStorage._save

    def spy(self, name, content):
        names.append(name)
        return original(self, name, content)

    monkeypatch.setattr(EncryptedFileSystemStorage, "_save", spy)
    return names


@pytest.mark.parametrize("name, data, message", [
    ("voice.mp3", "Это не аудио".encode(), "Attach audio (mp3, m4a, ogg, wav), photos (jpg, png) or scans (pdf)"),
    ("notes.docx", b"PK\x03\x04" + b"\x00" * 100, "a zip archive"),
    ("photo.png", make_png() + b"\x00" * (16 * 1024 * 1024), "A PNG image can be at most 15 MB"),
    ("scan.pdf", make_pdf(["Cut short"])[:200], "could not be read"),
])
def test_a_wrong_or_oversized_file_is_refused_and_nothing_is_written(evidence, as_user, saved_files, name, data,
                                                                     message):
    response = attach(as_user(evidence.researcher_a), evidence.s1, name, data)
    assert response.status_code == 302
    page = as_user(evidence.researcher_a).get(response["Location"]).content.decode()
    assert message in page.replace("&#x27;", "'")
    assert not Attachment.objects.exists()
    assert saved_files == []


def test_the_spy_sees_a_stored_file(evidence, saved_files):
    attachment_add(actor=None, source=evidence.s1, upload=SimpleUploadedFile("p.png", make_png()))
    assert len(saved_files) == 1


def test_the_type_comes_from_the_content_not_the_name(evidence):
    attachment = attachment_add(actor=None, source=evidence.s1, upload=SimpleUploadedFile("photo.jpg", make_png()))
    assert attachment.content_type == "image/png" and attachment.file.name.endswith(".png")


def test_deleting_an_attachment_asks_for_the_password_and_removes_the_file(
    evidence, as_user, django_capture_on_commit_callbacks
):
    attachment = attachment_add(actor=None, source=evidence.s1, upload=SimpleUploadedFile("p.png", make_png()))
    path = default_storage.path(attachment.file.name)
    assert reauthenticated(as_user(evidence.coordinator)).get(f"/attachments/{attachment.pk}/delete/").status_code \
        == 404
    client = as_user(evidence.researcher_a)
    assert "/auth/confirm/" in client.get(f"/attachments/{attachment.pk}/delete/")["Location"]
    reauthenticated(client)
    assert "Delete this attachment?" in client.get(f"/attachments/{attachment.pk}/delete/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        reauthenticated(client).post(f"/attachments/{attachment.pk}/delete/")
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    assert not os.path.exists(path)
    assert AuditEntry.objects.filter(action="attachment.delete", object_repr="p.png").exists()


def test_deleting_a_source_deletes_its_files(evidence, as_user, django_capture_on_commit_callbacks):
    attachment = attachment_add(actor=None, source=evidence.s2, upload=SimpleUploadedFile("v.wav", make_wav()))
    path = default_storage.path(attachment.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        reauthenticated(as_user(evidence.researcher_a)).post(f"/sources/{evidence.s2.pk}/delete/")
    assert not os.path.exists(path)
