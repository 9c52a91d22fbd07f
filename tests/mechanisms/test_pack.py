"""The shadow-report pack goes through the publishing disclosure gate: it holds only quotes of women who allowed
quotes AND sharing with UN mechanisms, hides small cells, loses whatever the gate objects to, leaves nothing
behind in the publishing tables, and shows earlier recommendations to the State with their status."""

import datetime
import io

import pytest
from django.urls import reverse

from ovoz.analysis.services.codings import coding_create
from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import Source
from ovoz.evidence.services.consent import consent_record
from ovoz.evidence.services.participants import participant_create
from ovoz.mechanisms.pack import build_pack
from ovoz.mechanisms.services import mapping_add, recommendation_create, recommendation_status_record
from ovoz.publishing.models import Block, Publication
from tests.mechanisms.conftest import article, mechanism

DAY = datetime.date(2023, 3, 1)


def _person(c, partnership, scopes, actor):
    p = participant_create(actor=actor, partnership=partnership)
    consent_record(actor=actor, participant=p, date=DAY, method="oral", language="ru", scopes=scopes)
    return p


def _source(c, partnership, people, text, title):
    s = Source.objects.create(partnership=partnership, kind="interview", title=title, transcript=text,
                              shared_with_programme=True)
    s.participants.add(*people)
    coding_create(actor=c.researcher_a if partnership == c.a else c.researcher_b, source=s, codes=[c.wage], start=0,
                  end=len(text))
    return s


@pytest.fixture
def pack_world(analysis):
    c = analysis
    mapping_add(actor=c.coordinator, article=article("icescr:7"), code=c.wage)
    coding_create(actor=c.researcher_a, source=c.s1, codes=[c.wage], start=0, end=len(c.s1.transcript))
    coding_create(actor=c.researcher_a, source=c.s2, codes=[c.wage], start=0, end=len(c.s2.transcript))
    c.no_un = _person(c, c.a, ["analysis", "quotes", "statistics", "coordinators"], c.researcher_a)
    _source(c, c.a, [c.no_un], "She allowed quotes but not sharing with the UN.", "No UN")
    return c


def _document_text(document) -> str:
    parts = [document["title"]]
    for section in document["sections"]:
        parts += [section["title"], section["body"]]
        for block in section["blocks"]:
            parts.append(str(block.get("text", "")))
            parts += [f"{row[0]}={row[1]}" for row in (block.get("table") or {}).get("rows", [])]
    return "\n".join(parts)


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)


def _build(c, user, country="KG", code="cescr", partnerships=None):
    from ovoz.mechanisms.access import pack_partnerships

    partnerships = partnerships or pack_partnerships(user, c.programme).filter(country=country)
    return build_pack(user=user, programme=c.programme, country=country, mechanism=mechanism(code),
                      partnerships=partnerships)


def test_the_pack_quotes_only_women_who_allowed_quotes_and_sharing_with_un_mechanisms(pack_world):
    c = pack_world
    pack = _build(c, c.researcher_a)
    text = _document_text(pack.document)
    assert pack.ready
    assert "ICESCR, art. 7" in text
    assert c.s1.transcript in text  # a1 allows everything
    assert "Без договора." not in text  # a2 allows analysis and statistics only
    assert "not sharing with the UN" not in text  # quotes allowed, sharing with UN mechanisms not
    quotes = [b for s in pack.document["sections"] for b in s["blocks"] if b["kind"] == "quote"]
    assert quotes and {pk for q in quotes for pk in q["participants"]} == {c.a1.pk}


def test_the_pack_suppresses_small_cells_in_the_document_and_in_the_docx(pack_world, as_user):
    c = pack_world
    pack = _build(c, c.researcher_a)
    tables = [b["table"] for s in pack.document["sections"] for b in s["blocks"] if b["kind"] == "statistic"]
    assert tables and all(row[1] is None for t in tables for row in t["rows"])
    response = as_user(c.researcher_a).get(reverse("mechanisms:pack_download", args=[c.programme.pk, "docx"]),
                                           {"country": "KG", "mechanism": mechanism("cescr").pk, "language": "en"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    docx_text = _docx_text(response.content)
    assert "fewer than 5" in docx_text
    assert c.s1.transcript in docx_text and "Без договора." not in docx_text
    assert "not sharing with the UN" not in docx_text
    audit = AuditEntry.objects.get(action="pack.render")
    assert audit.actor == c.researcher_a and audit.changes["format"] == "docx"


def test_a_cell_of_five_or_more_is_shown(pack_world):
    c = pack_world
    people = [_person(c, c.a, ["analysis", "statistics"], c.researcher_a) for _ in range(5)]
    _source(c, c.a, people, "A group discussion about wages.", "Group")
    pack = _build(c, c.researcher_a)
    rows = [row for s in pack.document["sections"] for b in s["blocks"] if b["kind"] == "statistic"
            for row in b["table"]["rows"]]
    assert any(row[1] is not None and row[1] >= 5 for row in rows)


def test_what_the_gate_objects_to_is_left_out_of_the_pack(pack_world):
    c = pack_world
    _source(c, c.a, [c.a1], "Gulmira Secretname said the employer kept her wages.", "Named")
    pack = _build(c, c.researcher_a)
    assert pack.ready
    assert "Secretname" not in _document_text(pack.document)
    assert pack.left_out


def test_building_a_pack_leaves_nothing_in_the_publishing_tables(pack_world):
    c = pack_world
    _build(c, c.researcher_a)
    assert not Publication.objects.exists() and not Block.objects.exists()


def test_the_pack_lists_earlier_recommendations_to_the_state_with_their_status_and_the_partners_proposals(
        pack_world):
    c = pack_world
    earlier = recommendation_create(
        actor=c.coordinator, programme=c.programme, origin="concluding", mechanism=mechanism("cescr"), country="KG",
        reference="E/C.12/KGZ/CO/X", issued_on=datetime.date(2015, 7, 1), text="Ensure wages are paid on time.",
        addressee="Government", articles=[article("icescr:7")])
    recommendation_status_record(actor=c.coordinator, recommendation=earlier, status="partial",
                                 observed_on=datetime.date(2020, 1, 1), evidence="Report of the labour inspection.")
    recommendation_create(actor=c.researcher_a, programme=c.programme, partnership=c.a, origin="findings",
                          country="KG", text="Open a wage-claims desk.", addressee="City hall",
                          articles=[article("icescr:7")])
    recommendation_create(actor=c.researcher_b, programme=c.programme, partnership=c.b, origin="findings",
                          country="TJ", text="A proposal of partner B.", addressee="Hukumat")
    text = _document_text(_build(c, c.researcher_a).document)
    assert "Ensure wages are paid on time." in text and "Partially implemented" in text
    assert "E/C.12/KGZ/CO/X" in text
    assert "Open a wage-claims desk." in text
    assert "A proposal of partner B." not in text


def test_researcher_b_cannot_build_a_pack_from_partnership_as_evidence(pack_world, as_user):
    c = pack_world
    client = as_user(c.researcher_b)
    params = {"country": "KG", "mechanism": mechanism("cescr").pk, "language": "en"}
    page = client.get(reverse("mechanisms:pack", args=[c.programme.pk]), params).content.decode()
    assert c.s1.transcript not in page
    assert client.get(reverse("mechanisms:pack_download", args=[c.programme.pk, "docx"]), params).status_code == 400
    text = _document_text(_build(c, c.researcher_b, country="TJ").document)
    assert c.s1.transcript not in text and "Зарплата" in text


def test_viewers_and_co_researchers_cannot_reach_the_pack(pack_world, as_user):
    c = pack_world
    url = reverse("mechanisms:pack", args=[c.programme.pk])
    assert as_user(c.viewer).get(url).status_code == 404
    assert as_user(c.coresearcher_a).get(url).status_code == 404


def test_the_coordinator_builds_a_country_pack_as_pdf_from_what_partnerships_share(pack_world, as_user):
    c = pack_world
    response = as_user(c.coordinator).get(reverse("mechanisms:pack_download", args=[c.programme.pk, "pdf"]),
                                          {"country": "KG", "mechanism": mechanism("cescr").pk, "language": "en"})
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_the_upr_pack_covers_every_instrument_the_state_is_party_to(pack_world):
    c = pack_world
    pack = _build(c, c.researcher_a, code="upr")
    assert "ICESCR, art. 7" in _document_text(pack.document)
    cmw_kz = build_pack(user=c.coordinator, programme=c.programme, country="KG", mechanism=mechanism("cmw"),
                        partnerships=[c.a])
    assert "ICRMW" in _document_text(cmw_kz.document)
