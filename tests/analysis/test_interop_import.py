"""Importing .qdpx and .qdc files written by other tools: QualCoder counts characters, Taguette UTF-8 bytes;
what cannot be mapped is reported; a dry run writes nothing; a second import creates nothing new."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from ovoz.analysis.interop import detect
from ovoz.analysis.interop.safe import InteropFileError
from ovoz.analysis.models import Code, Coding, Memo
from ovoz.analysis.services.interop import qda_import
from ovoz.evidence.models import Source

FIXTURES = Path(__file__).parent / "fixtures"


def packed(folder: str) -> bytes:
    """The fixture folder zipped (the same content as the committed .qdpx next to it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for path in sorted((FIXTURES / folder).rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(FIXTURES / folder).as_posix())
    return out.getvalue()


def test_the_committed_qdpx_fixtures_match_their_readable_folders():
    for name, folder in (("qualcoder.qdpx", "qualcoder"), ("taguette.qdpx", "taguette_project")):
        archive = zipfile.ZipFile(FIXTURES / name)
        for member in archive.namelist():
            assert archive.read(member) == (FIXTURES / folder / member).read_bytes()


def qualcoder(c, dry_run=False, actor=None):
    return qda_import(actor=actor or c.researcher_a, programme=c.programme, partnership=c.a, dry_run=dry_run,
                      content=(FIXTURES / "qualcoder.qdpx").read_bytes(), filename="qualcoder.qdpx")


def test_a_dry_run_reports_what_would_be_created_and_writes_nothing(analysis):
    c = analysis
    counts = (Code.objects.count(), Source.objects.count(), Coding.objects.count(), Memo.objects.count())
    report = qualcoder(c, dry_run=True)
    assert (Code.objects.count(), Source.objects.count(), Coding.objects.count(), Memo.objects.count()) == counts
    assert report.dry_run
    assert report.codes_created == ["Documents confiscated", "Documents confiscated › Passport", "Unpaid wages",
                                    "Housing"]
    assert sorted(report.sources_created) == ["Interview Bishkek 3", "Suhbat Andijon 1"]
    assert report.codings_created == 5


def test_what_cannot_be_mapped_is_reported(analysis):
    report = qualcoder(analysis, dry_run=True)
    messages = " | ".join(f"{p.where}: {p.message}" for p in report.problems)
    assert "Payslip photo: A picture source is not imported" in messages
    assert "refers to a code that is not in the file's codebook" in messages
    assert "The selection 80–120 is outside the text (84 characters)" in messages
    warnings = " | ".join(p.message for p in report.warnings)
    assert "cases are not imported" in warnings and "variables are not imported" in warnings
    assert "no participants linked" in warnings


def test_qualcoder_character_offsets_land_on_the_same_words_in_cyrillic_uzbek_and_emoji(analysis):
    c = analysis
    report = qualcoder(c)
    assert ("Interview Bishkek 3", "codepoint", "origin") in report.units
    source = Source.objects.get(partnership=c.a, title="Interview Bishkek 3")
    texts = {(cd.code.name_en, cd.text()) for cd in Coding.objects.filter(source=source).select_related("code")}
    assert texts == {("Passport", "забрал паспорт"), ("Unpaid wages", "Зарплату не платили три месяца 😔"),
                     ("Housing", "Мы жили в общежитии")}
    # The second text had Windows line endings: stored with LF, and the positions after them moved back.
    uz = Source.objects.get(partnership=c.a, title="Suhbat Andijon 1")
    assert "\r" not in uz.transcript
    assert {cd.text() for cd in Coding.objects.filter(source=uz)} == {
        "Oʻgʻil bolalar maktabga bormadi", "Ish haqi g'alla bilan to'landi. 🙏"}


def test_codes_keep_their_hierarchy_colour_description_and_guid(analysis):
    c = analysis
    qualcoder(c)
    passport = Code.objects.get(guid="c0de0002-0000-4000-8000-000000000002")
    assert passport.partnership == c.a and passport.parent.name_en == "Documents confiscated"
    assert passport.colour == "#984ea3"
    assert Code.objects.get(name_en="Housing", partnership=c.a).colour == "#44aa44"
    wages = Code.objects.get(name_en="Unpaid wages", partnership=c.a)
    assert wages.definition == "Wages withheld, late or paid in kind."
    assert wages.inclusion == "the speaker says pay was not given."


def test_notes_become_memos_on_the_source_and_the_coding(analysis):
    c = analysis
    report = qualcoder(c)
    assert report.memos_created == 2
    on_source = Memo.objects.get(title="About this interview")
    assert on_source.source.title == "Interview Bishkek 3" and on_source.partnership == c.a
    on_coding = Memo.objects.get(title="Three months")
    assert on_coding.coding.text() == "Зарплату не платили три месяца 😔"


def test_importing_the_same_file_again_creates_nothing(analysis):
    c = analysis
    qualcoder(c)
    counts = (Code.objects.count(), Source.objects.count(), Coding.objects.count(), Memo.objects.count())
    again = qualcoder(c)
    assert (Code.objects.count(), Source.objects.count(), Coding.objects.count(), Memo.objects.count()) == counts
    assert again.codes_created == [] and again.sources_created == [] and again.codings_created == 0
    assert again.codings_existing == 5 and len(again.sources_matched) == 2


def test_taguette_byte_offsets_are_detected_and_converted(analysis):
    c = analysis
    report = qda_import(actor=c.researcher_a, programme=c.programme, partnership=c.a, dry_run=False,
                        content=(FIXTURES / "taguette.qdpx").read_bytes())
    assert report.units == [("osh-interview-1.html", "utf8", "origin")]
    source = Source.objects.get(title="osh-interview-1.html")
    assert sorted(cd.text() for cd in source.codings.all()) == ["ish haqi yo'q", "зарплату", "не отдал паспорт 🛂"]
    assert any("cuts a character in two" in p.message for p in report.problems)
    # Braced upper-case GUIDs are understood.
    assert Code.objects.filter(guid="26f942b1-da9e-56f6-85c6-170d3a80213a", partnership=c.a).exists()


def test_a_codebook_imports_into_the_programme_codebook_for_coordinators_only(analysis):
    c = analysis
    content = (FIXTURES / "qualcoder" / "project.qde").read_bytes()
    assert detect.file_kind(content) is None  # a bare project without its texts is refused
    from ovoz.analysis.services.interop import codebook_export

    qdc = codebook_export(actor=c.researcher_a, programme=c.programme, partnership=c.a)
    with pytest.raises(ValidationError):
        qda_import(actor=c.researcher_a, programme=c.programme, content=qdc, dry_run=False)
    report = qda_import(actor=c.coordinator, programme=c.programme, content=qdc, dry_run=False)
    # The programme's codes are recognised; the partnership's own code becomes a programme code.
    assert report.codes_created == ["Debt bondage (A)"]
    assert Code.objects.filter(name_en="Debt bondage (A)", partnership__isnull=True).exists()


def test_positions_tell_bytes_from_characters_when_the_origin_is_unknown():
    text = "Иш ҳақи 😔 ok"
    assert detect.source_unit("", text, [0, 30])[0] == detect.UTF8  # beyond the characters, within the bytes
    assert detect.source_unit("", text, [0, 3])[0] == detect.CODEPOINT  # byte 3 is inside "ш"
    assert detect.source_unit("", "plain ascii", [0, 5]) == (detect.CODEPOINT, "default")
    assert detect.source_unit("QualCoder 3.5", text, [0, 30])[0] == detect.CODEPOINT


def zip_of(members: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_inflated(analysis):
    c = analysis
    bomb = zip_of({"project.qde": b"<Project/>", "sources/x.txt": b"\0" * (50 * 1024 * 1024)})
    with pytest.raises(InteropFileError, match="suspiciously"):
        qda_import(actor=c.researcher_a, programme=c.programme, partnership=c.a, content=bomb)


@pytest.mark.parametrize("evil", [
    b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>',
    b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    b'<Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>',
])
def test_entities_and_doctypes_are_refused(analysis, evil):
    c = analysis
    with pytest.raises(InteropFileError) as refused:
        qda_import(actor=c.researcher_a, programme=c.programme, partnership=c.a,
                   content=zip_of({"project.qde": evil}))
    assert "DOCTYPE" in str(refused.value) or "entity" in str(refused.value)
    assert "root:" not in str(refused.value)


def test_a_file_of_another_kind_gets_a_clear_error(analysis):
    c = analysis
    with pytest.raises(InteropFileError, match="not a REFI-QDA project"):
        qda_import(actor=c.researcher_a, programme=c.programme, partnership=c.a, content=b"%PDF-1.4 hello")


def test_a_partnership_member_cannot_import_into_another_partnership(analysis):
    c = analysis
    with pytest.raises(ValidationError):
        qda_import(actor=c.researcher_b, programme=c.programme, partnership=c.a,
                   content=(FIXTURES / "qualcoder.qdpx").read_bytes())
