"""Training materials: files kept encrypted on disk, checked for size and type, or links."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from ovoz.audit.models import AuditEntry
from ovoz.events.models import Material
from ovoz.events.services import material_add
from tests.events.conftest import PDF, confirmed


def upload(client, event, name, content, title="Handout"):
    return client.post(
        f"/events/{event.pk}/materials/", {"title": title, "file": SimpleUploadedFile(name, content)}, follow=True
    )


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def test_a_pdf_is_stored_encrypted_and_downloaded_by_the_programmes_teams(cast, as_user, event):
    upload(as_user(cast.coordinator), event, "FPAR guide.pdf", PDF, title="FPAR guide")
    material = Material.objects.get()
    assert material.size == len(PDF) and material.content_type == "application/pdf"
    assert material.original_name == "FPAR guide.pdf" and "FPAR" not in material.file.name
    on_disk = Path(settings.STORAGES["default"].get("OPTIONS", {}).get("location", settings.MEDIA_ROOT))
    raw = (on_disk / material.file.name).read_bytes()
    assert b"%PDF" not in raw
    for person in (cast.coordinator, cast.researcher_b, cast.coresearcher_a):
        response = as_user(person).get(f"/events/materials/{material.pk}/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert 'attachment; filename="FPAR guide.pdf"' in response["Content-Disposition"]
    for person in (cast.viewer, cast.outsider):
        assert as_user(person).get(f"/events/materials/{material.pk}/").status_code == 404
    assert AuditEntry.objects.get(action="event.material_add").changes["file"]["new"] == "FPAR guide.pdf"


def test_office_documents_and_text_are_accepted(cast, as_user, event):
    client = as_user(cast.coordinator)
    upload(client, event, "plan.docx", docx_bytes(), title="Plan")
    upload(client, event, "notes.txt", "Заметки тренинга".encode(), title="Notes")
    assert Material.objects.count() == 2


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("tool.exe", b"MZ\x90\x00", "Files of this type cannot be added"),
        ("fake.pdf", b"<html>not a pdf</html>", "contents are not a PDF file"),
        ("fake.docx", b"%PDF-1.4 dressed up", "contents are not a DOCX file"),
        ("binary.txt", b"\x00\x01\x02\xff\xfe", "contents are not a TXT file"),
        ("empty.pdf", b"", "file is empty"),
    ],
)
def test_files_of_the_wrong_type_or_contents_are_refused_with_a_reason(cast, as_user, event, name, content, message):
    response = upload(as_user(cast.coordinator), event, name, content)
    assert message in response.content.decode()
    assert not Material.objects.exists()


def test_a_file_over_the_limit_is_refused(cast, as_user, event, settings):
    settings.OVOZ_EVENT_MATERIAL_MAX_MB = 1
    big = PDF + b"0" * (1024 * 1024)
    response = upload(as_user(cast.coordinator), event, "big.pdf", big)
    assert "the limit is 1 MB" in response.content.decode()
    assert not Material.objects.exists()


def test_a_link_is_a_material_too_and_must_be_a_web_address(cast, as_user, event):
    client = as_user(cast.coordinator)
    response = client.post(f"/events/{event.pk}/materials/", {"title": "Site", "url": "javascript:alert(1)"})
    assert "full web address" in response.content.decode()
    client.post(f"/events/{event.pk}/materials/", {"title": "APWLD", "url": "https://apwld.org/"})
    material = Material.objects.get()
    assert material.is_link and material.url == "https://apwld.org/"
    assert 'href="https://apwld.org/"' in as_user(cast.researcher_a).get(f"/events/{event.pk}/").content.decode()
    assert as_user(cast.researcher_a).get(f"/events/materials/{material.pk}/").status_code == 404


def test_a_file_and_a_link_together_are_refused(cast, as_user, event):
    response = as_user(cast.coordinator).post(
        f"/events/{event.pk}/materials/",
        {"title": "Both", "url": "https://apwld.org/", "file": SimpleUploadedFile("a.pdf", PDF)},
    )
    assert "either a file or a link" in response.content.decode()
    assert not Material.objects.exists()


def test_only_the_coordinator_adds_materials(cast, as_user, event):
    for person in (cast.mentor_a, cast.researcher_b):
        response = as_user(person).post(f"/events/{event.pk}/materials/", {"title": "x", "url": "https://a.org/"})
        assert response.status_code == 404
    assert not Material.objects.exists()


def test_deleting_a_material_asks_for_the_password_and_removes_the_file(
    cast, as_user, event, django_capture_on_commit_callbacks
):
    material = material_add(actor=cast.coordinator, event=event, title="Guide", file=ContentFile(PDF, name="g.pdf"))
    name = material.file.name
    client = as_user(cast.coordinator)
    assert "/auth/confirm/" in client.get(f"/events/materials/{material.pk}/delete/")["Location"]
    confirmed(client)
    assert as_user(cast.researcher_a).post(f"/events/materials/{material.pk}/delete/").status_code == 404
    client = confirmed(as_user(cast.coordinator))
    assert "Delete this material?" in client.get(f"/events/materials/{material.pk}/delete/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/events/materials/{material.pk}/delete/")
    assert not Material.objects.exists()
    assert not default_storage.exists(name)
    assert AuditEntry.objects.filter(action="event.material_delete").exists()
