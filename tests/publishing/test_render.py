"""Briefers render as HTML, PDF and DOCX, in English and the second language; the CLI writes them to files."""

import io

import docx
import pypdf
import pytest
from django.core.management import CommandError, call_command

from ovoz.publishing.services.publications import block_add, publication_update, section_update
from ovoz.publishing.services.rendering import publication_render
from ovoz.publishing.services.workflow import (
    publication_approve,
    publication_publish,
    publication_review,
    publication_submit,
)


@pytest.fixture
def filled(briefer):
    c = briefer
    publication_update(actor=c.researcher_a, publication=c.pub, title_local="Трудовые права внутренних мигранток")
    section_update(actor=c.researcher_a, section=c.context, body="Ak-Zhar is a new settlement near Bishkek.",
                   body_local="Ак-Жар — новостройка у Бишкека. Эмгек укуктары ң ө ү.")
    block_add(actor=c.researcher_a, section=c.voices, kind="quote", coding=c.quote_ok, attribution_fields=[],
              quote_translation="The wages were not paid.")
    block_add(actor=c.researcher_a, section=c.context, kind="chart", statistic={"by": "migrant_status"},
              text="Who took part")
    return c


def test_the_pdf_has_a_cover_page_numbers_and_the_cyrillic_text_comes_back_out(filled):
    c = filled
    pdf = pypdf.PdfReader(io.BytesIO(publication_render(actor=c.researcher_a, publication=c.pub, fmt="pdf",
                                                        language="ru")))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert len(pdf.pages) >= 2
    assert "Трудовые права внутренних мигранток" in " ".join(pdf.pages[0].extract_text().split())
    assert "Ак-Жар — новостройка у Бишкека." in text
    assert "Эмгек укуктары ң ө ү" in text
    assert "Иш ҳақи тўланмади." in text  # the quote, in Uzbek Cyrillic
    assert f"2 / {len(pdf.pages)}" in pdf.pages[1].extract_text()


def test_the_docx_opens_with_python_docx_and_holds_the_quote_and_its_translation(filled):
    c = filled
    data = publication_render(actor=c.researcher_a, publication=c.pub, fmt="docx", language="en")
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Labour rights of women internal migrants" in text
    assert "Иш ҳақи тўланмади." in text and "The wages were not paid." in text
    assert document.tables  # the chart as its table


def test_the_html_draws_the_chart_as_svg(filled):
    c = filled
    html = publication_render(actor=c.researcher_a, publication=c.pub, fmt="html", language="en").decode()
    assert "<svg" in html and "Who took part" in html


def test_the_cli_renders_the_published_version_to_a_file(filled, tmp_path):
    c = filled
    publication_submit(actor=c.researcher_a, publication=c.pub)
    publication_review(actor=c.mentor_a, publication=c.pub, approve=True)
    publication_approve(actor=c.coordinator, publication=c.pub)
    publication_publish(actor=c.coordinator, publication=c.pub)
    section_update_after = c.pub.sections.get(pk=c.context.pk)
    assert section_update_after  # the draft can change later; the published version stays
    out = tmp_path / "briefer.pdf"
    call_command("briefer", "render", c.pub.slug, "--format", "pdf", "--lang", "ru", "--out", str(out))
    assert "Ак-Жар" in " ".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    out_docx = tmp_path / "briefer.docx"
    call_command("briefer", "render", c.pub.slug, "--format", "docx", "--lang", "en", "--out", str(out_docx))
    assert docx.Document(str(out_docx)).paragraphs


def test_the_cli_explains_a_wrong_slug_or_a_language_the_version_lacks(filled, tmp_path):
    c = filled
    with pytest.raises(CommandError, match="no publication"):
        call_command("briefer", "render", "nope", "--out", str(tmp_path / "x.pdf"))
    publication_submit(actor=c.researcher_a, publication=c.pub)
    publication_review(actor=c.mentor_a, publication=c.pub, approve=True)
    publication_approve(actor=c.coordinator, publication=c.pub)
    publication_publish(actor=c.coordinator, publication=c.pub)
    with pytest.raises(CommandError, match="published version exists in"):
        call_command("briefer", "render", c.pub.slug, "--lang", "tg", "--out", str(tmp_path / "x.pdf"))
