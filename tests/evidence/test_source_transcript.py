"""Transcripts keep stable character offsets: line endings become LF, every other character stays as it was,
through the service, the edit page and imports from files; a coded transcript can no longer change."""

import html
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ovoz.evidence.models import Source
from ovoz.evidence.services.sources import source_create, source_update
from tests.evidence.test_extract import make_docx, make_odt, make_pdf
from tests.evidence.test_source_pages import form_data

# Tabs, trailing spaces, a decomposed letter (и + combining breve), a character outside the BMP, Uzbek ʻ.
TRICKY = ("  Savol: Ish haqi toʻlandimi?\t \r\nЖавоб: Йўқ — и\u0306 😔\r\rUch oy.  \n\n  ")
NORMALISED = TRICKY.replace("\r\n", "\n").replace("\r", "\n")


def test_line_endings_become_lf_and_nothing_else_changes(evidence):
    source = source_create(actor=None, partnership=evidence.a, kind="interview", title="T", transcript=TRICKY)
    source.refresh_from_db()
    assert source.transcript == NORMALISED
    assert "\u0306" in source.transcript, "no Unicode normalisation: offsets count code points as typed"


def test_offsets_found_in_the_text_stay_valid_after_saving_and_editing_other_fields(evidence):
    source = source_create(actor=None, partnership=evidence.a, kind="interview", title="T", transcript=TRICKY)
    start = NORMALISED.index("Uch oy")
    source_update(actor=None, source=source, notes="Checked with her.", title="Renamed")
    source.refresh_from_db()
    assert source.transcript[start:start + 6] == "Uch oy"
    assert source.transcript == NORMALISED


def test_saving_the_edit_page_as_a_browser_sends_it_keeps_the_transcript_exactly(evidence, as_user):
    source = source_create(actor=None, partnership=evidence.a, kind="interview", title="T", transcript=TRICKY,
                           participants=[evidence.a1])
    client = as_user(evidence.researcher_a)
    page = client.get(f"/sources/{source.pk}/edit/").content.decode()
    shown = html.unescape(re.search(r'<textarea name="transcript"[^>]*>(.*?)</textarea>', page, re.S).group(1))
    # Browsers drop the first newline after <textarea> and send line breaks as CR LF.
    as_sent = shown.removeprefix("\r\n").removeprefix("\n").replace("\n", "\r\n")
    response = client.post(f"/sources/{source.pk}/edit/", form_data(
        title="T", transcript=as_sent, participants=[evidence.a1.pk], notes="new note",
    ))
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.transcript == NORMALISED and source.notes == "new note"


def test_a_coded_transcript_can_no_longer_be_changed(evidence, as_user, monkeypatch):
    import ovoz.evidence.services.sources as services
    import ovoz.evidence.views.sources as views

    source = source_create(actor=None, partnership=evidence.a, kind="interview", title="T", transcript="Original.")
    monkeypatch.setattr(services, "transcript_is_locked", lambda s: True)
    monkeypatch.setattr(views, "transcript_is_locked", lambda s: True)
    with pytest.raises(ValidationError, match="can no longer be changed"):
        source_update(actor=None, source=source, transcript="Rewritten.")
    source_update(actor=None, source=source, notes="A correction: she said four months.")
    client = as_user(evidence.researcher_a)
    page = client.get(f"/sources/{source.pk}/edit/").content.decode()
    assert re.search(r'<textarea name="transcript"[^>]*disabled', page)
    client.post(f"/sources/{source.pk}/edit/", form_data(title="T", transcript="Rewritten through the page."))
    source.refresh_from_db()
    assert source.transcript == "Original."


def test_nothing_locks_a_transcript_until_something_points_into_it(evidence):
    from ovoz.evidence.services.sources import transcript_is_locked

    assert not transcript_is_locked(evidence.s1)
    assert not transcript_is_locked(Source(partnership=evidence.a))


# --- importing into the form -------------------------------------------------------------------------------


def _import(client, url, name, data, **extra):
    return client.post(url, {**form_data(**extra), "action": "import",
                             "import_file": SimpleUploadedFile(name, data), "import_into": "transcript"})


def _textarea(body, name="transcript"):
    match = re.search(rf'<textarea name="{name}"[^>]*>(.*?)</textarea>', body, re.S)
    return html.unescape(match.group(1)).removeprefix("\n")


@pytest.mark.parametrize("name, data, expected", [
    ("интервью.txt", "Зарплату не платили.\r\nДоговора не было.".encode("cp1251"),
     "Зарплату не платили.\nДоговора не было."),
    ("маек.txt", "Эмгек акы төлөнгөн жок.".encode("utf-16"), "Эмгек акы төлөнгөн жок."),
    ("suhbat.docx", make_docx(["Ish haqi toʻlanmadi.", "Shartnoma yoʻq."]), "Ish haqi toʻlanmadi.\nShartnoma yoʻq."),
    ("маек.odt", make_odt(["Маек", "Келишим болгон эмес."]), "Маек\nКелишим болгон эмес."),
    ("letter.pdf", make_pdf(["Wages were not paid."]), "Wages were not paid."),
])
def test_an_imported_file_is_shown_in_the_form_and_saved_only_when_she_saves(evidence, as_user, name, data, expected):
    client = as_user(evidence.researcher_a)
    url = f"/partnerships/{evidence.a.pk}/sources/new/"
    before = Source.objects.count()
    response = _import(client, url, name, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "nothing is saved yet" in body
    assert _textarea(body).strip() == expected
    assert 'value="Interview on wages"' in body, "what she typed is kept"
    assert Source.objects.count() == before
    response = client.post(url, form_data(transcript=_textarea(body).replace("\n", "\r\n")))
    assert response.status_code == 302
    assert Source.objects.get(title="Interview on wages").transcript.strip() == expected


def test_an_import_can_go_into_the_english_translation(evidence, as_user):
    client = as_user(evidence.researcher_a)
    response = client.post(f"/sources/{evidence.s1.pk}/edit/", {
        **form_data(title="Interview A1", transcript=evidence.s1.transcript), "action": "import",
        "import_into": "translation_en", "import_file": SimpleUploadedFile("en.txt", b"Wages were not paid."),
    })
    body = response.content.decode()
    assert _textarea(body, "translation_en") == "Wages were not paid."
    assert _textarea(body) == evidence.s1.transcript


@pytest.mark.parametrize("name, data, message", [
    ("interview.docx", "Это просто текст, а не документ Word.".encode(), "is not a Word document"),
    ("letter.pdf", make_pdf(["Wages were not paid."])[:300], "could not be read"),
    ("huge.txt", b"a" * (21 * 1024 * 1024), "the limit is 20 MB"),
    ("binary.txt", bytes(range(256)) * 8, "not readable text"),
])
def test_a_malformed_file_gives_a_clear_error_and_writes_nothing(evidence, as_user, name, data, message):
    client = as_user(evidence.researcher_a)
    before = Source.objects.count()
    response = _import(client, f"/partnerships/{evidence.a.pk}/sources/new/", name, data)
    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    assert Source.objects.count() == before
    response = _import(client, f"/sources/{evidence.s1.pk}/edit/", name, data, title="Changed?")
    assert message in html.unescape(response.content.decode())
    evidence.s1.refresh_from_db()
    assert evidence.s1.title == "Interview A1" and evidence.s1.transcript == "Иш ҳақи тўланмади."
