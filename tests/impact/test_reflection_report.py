"""The programme's reflection report renders as HTML, PDF and DOCX, with Kyrgyz, Tajik and Uzbek text intact."""

import datetime
import io

import docx
import pytest
from django.core.management import call_command
from pypdf import PdfReader

from ovoz.evidence.services.consent import ALL_SCOPES, consent_record
from ovoz.evidence.services.participants import participant_create
from ovoz.impact.services.outcomes import outcome_create, reflection_create
from ovoz.impact.services.rounds import round_create, selection_add
from ovoz.impact.services.stories import story_create

KY = "Аялдар кеңешке чогулушту, үнү угулду"
TG = "Занон ҳуқуқҳои худро медонанд ва ҷавоб мегиранд"
UZ = "Ayollar oʻz huquqlarini bilishadi"
HIDDEN = "Бул окуя бөлүшүлгөн эмес"


@pytest.fixture
def reflected(cast):
    teller = participant_create(actor=None, partnership=cast.a)
    consent_record(actor=None, participant=teller, date=datetime.date(2023, 3, 1), method="oral", language="ky",
                   scopes=ALL_SCOPES)
    shy = participant_create(actor=None, partnership=cast.a)
    consent_record(actor=None, participant=shy, date=datetime.date(2023, 3, 1), method="oral", language="ky",
                   scopes=["analysis", "coordinators"])
    story = story_create(actor=cast.researcher_a, partnership=cast.a, level="community", title=KY,
                         social_actor="Ак-Жар аялдары", what_changed=TG, storyteller_kind="participant",
                         storyteller=teller, shared_with_programme=True)
    story_create(actor=cast.researcher_a, partnership=cast.a, level="personal", title=HIDDEN,
                 social_actor="—", what_changed=HIDDEN, storyteller_kind="participant", storyteller=shy,
                 shared_with_programme=True)
    selection_round = round_create(actor=cast.coordinator, programme=cast.programme, title="Reflection meeting",
                                   held_on=datetime.date(2024, 9, 25), selectors="Researchers and mentors")
    selection_add(actor=cast.coordinator, selection_round=selection_round, story=story, domain="community",
                  reason="The first time the council listened")
    outcome_create(actor=cast.coordinator, programme=cast.programme, partnership=cast.a, level="structural",
                   description="The municipality registered internal migrants", social_actor="Municipality",
                   concerns="Access to registration", stories=[story])
    reflection_create(actor=cast.mentor_a, programme=cast.programme, partnership=cast.a, kind="threat",
                      title="Pressure on the team", text=UZ, how_met="Meetings moved online")
    return cast


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_html_report_gathers_stories_choices_outcomes_and_lessons(reflected, as_user):
    page = as_user(reflected.coordinator).get(f"/programmes/{reflected.programme.pk}/impact/report/")
    html = page.content.decode()
    assert page.status_code == 200
    for text in (KY, TG, UZ, "The first time the council listened", "Access to registration", "Pressure on the team"):
        assert text in html
    assert HIDDEN not in html  # her consent does not allow quotes


def test_the_pdf_report_keeps_cyrillic_text(reflected, as_user):
    response = as_user(reflected.coordinator).get(f"/programmes/{reflected.programme.pk}/impact/report/?format=pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    compact = "".join(text.split())
    for phrase in (KY, TG, UZ):
        assert "".join(phrase.split()) in compact
    assert "".join(HIDDEN.split()) not in compact


def test_the_docx_report_opens_with_python_docx(reflected, as_user):
    response = as_user(reflected.coordinator).get(f"/programmes/{reflected.programme.pk}/impact/report/?format=docx")
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    for phrase in (KY, TG, UZ, "The first time the council listened"):
        assert phrase in text
    assert HIDDEN not in text


def test_only_coordinators_make_the_report_and_an_unknown_format_is_refused(reflected, as_user):
    url = f"/programmes/{reflected.programme.pk}/impact/report/"
    for user in (reflected.mentor_a, reflected.researcher_b, reflected.viewer):
        assert as_user(user).get(url).status_code == 404
    assert as_user(reflected.coordinator).get(url + "?format=exe").status_code == 400


def test_the_cli_writes_the_report_in_each_format(reflected, tmp_path):
    for fmt in ("html", "pdf", "docx"):
        out = tmp_path / f"report.{fmt}"
        call_command("reflection-report", "--programme", str(reflected.programme.pk), "--format", fmt,
                     "--out", str(out))
        assert out.stat().st_size > 500
    assert "".join(TG.split()) in "".join(pdf_text((tmp_path / "report.pdf").read_bytes()).split())


def test_the_dashboard_shows_which_outcomes_have_evidence_of_change(reflected, as_user):
    page = as_user(reflected.coordinator).get(f"/programmes/{reflected.programme.pk}/impact/")
    html = page.content.decode()
    assert "Evidence of change" in html and "Access to registration" in html


def test_the_programme_dashboard_has_the_evidence_of_change_panel(reflected, as_user):
    page = as_user(reflected.coordinator).get(f"/programmes/{reflected.programme.pk}/timeline/")
    html = page.content.decode()
    assert 'id="evidence-of-change"' in html and "Access to registration" in html
