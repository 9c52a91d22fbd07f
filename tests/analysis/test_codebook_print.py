"""The codebook prints as PDF and DOCX in the language asked for, holding the codes the person may see (never
another partnership's own codes) with their definitions; from the codebook page and from the terminal."""

import io

import docx
import pypdf
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from ovoz.analysis.services.codes import code_update


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages).split())


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


@pytest.fixture
def described(analysis):
    c = analysis
    code_update(actor=c.researcher_a, code=c.own_a, definition="Debts owed to a recruiter or an employer.",
                inclusion="She says she cannot leave until the debt is paid.", example="«Долг за билет»")
    return c


def test_a_researcher_prints_her_codebook_in_russian_as_pdf(described, as_user):
    c = described
    response = as_user(c.researcher_a).get(reverse("analysis:codebook_print", args=[c.programme.pk, "pdf"]),
                                           {"lang": "ru"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="codebook-' in response["Content-Disposition"]
    text = _pdf_text(response.content)
    assert "Книга кодов" in text and c.wage.name("ru") in text
    assert "Debt bondage (A)" in text and "Debts owed to a recruiter" in text and "«Долг за билет»" in text
    assert "Border (B)" not in text


def test_the_docx_holds_the_definitions_and_use_criteria_and_leaves_retired_codes_out(described, as_user):
    from ovoz.analysis.services.codes import code_retire

    c = described
    code_retire(actor=c.coordinator, code=c.social)
    response = as_user(c.researcher_a).get(reverse("analysis:codebook_print", args=[c.programme.pk, "docx"]),
                                           {"lang": "en"})
    assert response.status_code == 200
    text = _docx_text(response.content)
    assert "Definition: Debts owed to a recruiter or an employer." in text
    assert "Use when: She says she cannot leave until the debt is paid." in text
    assert c.wage.name("en") in text and c.social.name("en") not in text and "Border (B)" not in text


def test_partner_b_prints_her_own_codes_and_not_those_of_a(described, as_user):
    c = described
    text = _docx_text(as_user(c.researcher_b).get(
        reverse("analysis:codebook_print", args=[c.programme.pk, "docx"])).content)
    assert "Border (B)" in text and "Debt bondage (A)" not in text


@pytest.mark.parametrize("name", ["coresearcher_a", "viewer", "outsider"])
def test_people_who_do_not_analyse_cannot_print_the_codebook(described, as_user, name):
    c = described
    url = reverse("analysis:codebook_print", args=[c.programme.pk, "pdf"])
    assert as_user(getattr(c, name)).get(url).status_code == 404


def test_an_unknown_format_is_not_found(described, as_user):
    c = described
    url = reverse("analysis:codebook_print", args=[c.programme.pk, "odt"])
    assert as_user(c.researcher_a).get(url).status_code == 404


def test_the_codebook_page_offers_to_print_it(described, as_user):
    c = described
    body = as_user(c.researcher_a).get(reverse("analysis:codebook", args=[c.programme.pk])).content.decode()
    assert reverse("analysis:codebook_print", args=[c.programme.pk, "pdf"]) in body
    assert reverse("analysis:codebook_print", args=[c.programme.pk, "docx"]) in body


def test_the_terminal_writes_the_whole_programme_codebook(described, tmp_path):
    c = described
    out = tmp_path / "codebook.docx"
    call_command("codebook", "print", "--programme", str(c.programme.pk), "--format", "docx", "--language", "ky",
                 "--out", str(out))
    text = _docx_text(out.read_bytes())
    assert "Debt bondage (A)" in text and "Border (B)" in text and c.wage.name("ky") in text
    with pytest.raises(CommandError, match="Could not write"):
        call_command("codebook", "print", "--programme", str(c.programme.pk), "--out", str(tmp_path / "no" / "x.pdf"))
