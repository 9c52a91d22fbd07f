"""Exporting a project as .qdpx and a codebook as .qdc: valid against the REFI-QDA schemas, and only what consent
and access allow (no refused sources, no other partnership's material, no names)."""

import io
import zipfile

from lxml import etree

from ovoz.analysis.interop.validate import schema_errors
from ovoz.analysis.models import DoubleCoding
from ovoz.analysis.services.codings import coding_create
from ovoz.analysis.services.interop import codebook_export, project_export
from ovoz.analysis.services.memos import memo_create
from ovoz.audit.models import AuditEntry

NS = {"q": "urn:QDA-XML:project:1.0"}


def unpack(content: bytes):
    archive = zipfile.ZipFile(io.BytesIO(content))
    qde = archive.read("project.qde")
    return archive, qde, etree.fromstring(qde)


def test_a_partnership_project_is_valid_against_the_refi_qda_project_schema(analysis):
    c = analysis
    memo_create(actor=c.researcher_a, programme=c.programme, text="Project memo", partnership=c.a)
    memo_create(actor=c.researcher_a, programme=c.programme, text="On the coding", coding=c.coding_a)
    memo_create(actor=c.researcher_a, programme=c.programme, text="On the code", code=c.own_a)
    content, counts = project_export(actor=c.researcher_a, programme=c.programme, partnership=c.a)
    _archive, qde, root = unpack(content)
    assert schema_errors(qde) == []
    assert counts["codings"] == 1 and counts["memos"] == 3
    assert root.get("origin") == "Ovoz"


def test_the_project_holds_the_texts_and_code_point_positions_of_each_coding(analysis):
    c = analysis
    coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.own_a], start=38, end=50)
    content, _ = project_export(actor=c.researcher_a, programme=c.programme, partnership=c.a)
    archive, _qde, root = unpack(content)
    source = next(s for s in root.iterfind(".//q:TextSource", NS) if s.get("name") == "Multi-script")
    path = source.get("plainTextPath").removeprefix("internal://")
    text = archive.read(f"sources/{path}").decode("utf-8")
    assert text == c.s_multi.transcript
    selections = list(source.iterfind("q:PlainTextSelection", NS))
    spans = {(int(s.get("startPosition")), int(s.get("endPosition"))) for s in selections}
    assert spans == {(0, 17), (38, 50)}
    assert text[38:50] == c.s_multi.transcript[38:50]
    code_guids = {s.find("q:Coding/q:CodeRef", NS).get("targetGUID") for s in selections}
    assert code_guids == {str(c.wage.guid), str(c.own_a.guid)}


def test_sources_whose_participants_refused_analysis_and_other_partnerships_are_not_exported(analysis):
    c = analysis
    content, _ = project_export(actor=c.researcher_a, programme=c.programme, partnership=c.a)
    archive, qde, root = unpack(content)
    names = {s.get("name") for s in root.iterfind(".//q:TextSource", NS)}
    assert "Refused analysis" not in names and "Interview B1" not in names
    assert names == {"Multi-script", "Interview A1", "Interview A2"}
    everything = qde + b"".join(archive.read(n) for n in archive.namelist())
    assert "Она не разрешила".encode() not in everything
    assert "Зарплата.".encode() not in everything
    code_names = {code.get("name") for code in root.iterfind(".//q:Code", NS)}
    assert "Border (B)" not in code_names and "Debt bondage (A)" in code_names


def test_people_are_exported_by_username_and_participants_by_pseudonym_only(analysis):
    c = analysis
    content, _ = project_export(actor=c.researcher_a, programme=c.programme, partnership=c.a)
    _archive, qde, root = unpack(content)
    assert [u.get("name") for u in root.iterfind(".//q:User", NS)] == ["researcher_a"]
    assert b"Researcher of A" not in qde and b"Secretname" not in qde and b"Gulmira" not in qde
    cases = {case.get("name") for case in root.iterfind(".//q:Case", NS)}
    assert cases == {c.a1.code, c.a2.code}


def test_codings_of_a_running_double_coding_round_stay_out_of_the_export(analysis):
    c = analysis
    round_ = DoubleCoding.objects.create(source=c.s1, coder_a=c.researcher_a, coder_b=c.mentor_a)
    coding_create(actor=c.researcher_a, source=c.s1, codes=[c.social], start=0, end=3, double_coding=round_)
    _content, counts = project_export(actor=c.researcher_a, programme=c.programme, partnership=c.a)
    assert counts["codings"] == 1


def test_a_coordinator_exports_only_what_partnerships_share_with_the_programme(analysis):
    c = analysis
    coding_create(actor=c.researcher_a, source=c.s1, codes=[c.social], start=0, end=3)
    content, counts = project_export(actor=c.coordinator, programme=c.programme)
    _archive, qde, root = unpack(content)
    assert schema_errors(qde) == []
    # Interview A2 is marked shared, but its participant did not allow sharing with coordinators.
    assert {s.get("name") for s in root.iterfind(".//q:TextSource", NS)} == {"Interview A1"}
    assert counts["codings"] == 1


def test_exports_are_audited(analysis):
    c = analysis
    project_export(actor=c.researcher_a, programme=c.programme, partnership=c.a)
    codebook_export(actor=c.coordinator, programme=c.programme)
    entries = AuditEntry.objects.filter(action="interop.export").order_by("pk")
    assert [e.changes["format"] for e in entries] == ["qdpx", "qdc"]
    assert entries[0].partnership == c.a and entries[0].changes["codings"] == 1


def test_the_codebook_is_valid_against_the_refi_qda_codebook_schema_and_keeps_the_hierarchy(analysis):
    c = analysis
    content = codebook_export(actor=c.researcher_a, programme=c.programme, partnership=c.a)
    assert schema_errors(content, codebook=True) == []
    root = etree.fromstring(content)
    ns = {"c": "urn:QDA-XML:codebook:1.0"}
    names = [code.get("name") for code in root.iterfind(".//c:Code", ns)]
    assert "Debt bondage (A)" in names and "Border (B)" not in names
    nested = root.xpath("//c:Code[@name='Violations of rights']/c:Code", namespaces=ns)
    assert nested, "the violation vocabulary is nested under its umbrella code"
    wage = root.xpath(f"//c:Code[@guid='{c.wage.guid}']", namespaces=ns)[0]
    assert wage.get("color") == c.wage.colour
