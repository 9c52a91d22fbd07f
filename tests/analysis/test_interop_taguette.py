"""Taguette's codebook CSV and highlights CSV (its own export format: tag, description, number of highlights,
number of documents; id, document, tag, content)."""

from pathlib import Path

from ovoz.analysis.interop.taguette_csv import locate, tag_guid
from ovoz.analysis.models import Code, Coding
from ovoz.analysis.services.interop import qda_import

FIXTURES = Path(__file__).parent / "fixtures" / "taguette"


def test_a_taguette_codebook_becomes_partnership_codes_with_dotted_tags_nested(analysis):
    c = analysis
    report = qda_import(actor=c.researcher_a, programme=c.programme, partnership=c.a, dry_run=False,
                        content=(FIXTURES / "codebook.csv").read_bytes(), filename="codebook.csv")
    assert report.kind == "taguette_codebook"
    assert sorted(report.codes_created) == ["documents", "housing", "wages", "wages › unpaid"]
    unpaid = Code.objects.get(guid=tag_guid("wages.unpaid"))
    assert unpaid.name_en == "unpaid" and unpaid.parent.name_en == "wages" and unpaid.partnership == c.a
    assert Code.objects.get(guid=tag_guid("wages")).definition == "Pay: its amount, delays, deductions"


def test_a_coordinator_imports_a_taguette_codebook_into_the_programme_codebook(analysis):
    c = analysis
    qda_import(actor=c.coordinator, programme=c.programme, dry_run=False,
               content=(FIXTURES / "codebook.csv").read_bytes())
    assert Code.objects.filter(partnership__isnull=True, guid=tag_guid("housing")).exists()


def test_highlights_are_found_again_in_the_transcripts_by_their_text(analysis):
    c = analysis
    report = qda_import(actor=c.researcher_a, programme=c.programme, partnership=c.a, dry_run=False,
                        content=(FIXTURES / "highlights.csv").read_bytes(), filename="highlights.csv")
    assert report.kind == "taguette_highlights"
    made = {(cd.code.name_en, cd.text()) for cd in Coding.objects.filter(source=c.s_multi, code__partnership=c.a)
            .select_related("code")}
    assert made == {("unpaid", "Oʻgʻil bolalar ish haqi olmadi 😔"), ("wages", "Иш ҳақи тўланмади."),
                    ("documents", "Иш ҳақи тўланмади.")}
    messages = {p.where: p.message for p in report.problems}
    assert "was not found" in messages["Highlight 13 (Multi-script)"]
    assert "stands in 3 places" in messages["Highlight 14 (Multi-script)"]
    assert "No source of this partnership" in messages["Highlight 15 (A document we do not have)"]
    again = qda_import(actor=c.researcher_a, programme=c.programme, partnership=c.a, dry_run=False,
                       content=(FIXTURES / "highlights.csv").read_bytes())
    assert again.codings_created == 0 and again.codings_existing == 3


def test_highlights_are_not_matched_in_sources_whose_participants_refused_analysis(analysis):
    c = analysis
    content = "id,document,tag,content\n1,Refused analysis,wages,не разрешила\n".encode()
    report = qda_import(actor=c.researcher_a, programme=c.programme, partnership=c.a, dry_run=False, content=content)
    assert report.codings_created == 0
    assert not Coding.objects.filter(source=c.s_refused).exists()


def test_collapsed_whitespace_is_found_across_line_breaks():
    text = "Мы жили\n  в общежитии, 😔 без\tдоговора."
    [(start, end)] = locate(text, "жили в общежитии, 😔 без договора")
    assert text[start:end] == "жили\n  в общежитии, 😔 без\tдоговора"
    assert locate(text, "нет такого") == []
