"""The query pages over HTTP: segments with filters, exports (audited, no identities), tables and charts."""

import csv
import io

import pytest
from django.urls import reverse

from ovoz.analysis.models import Coding
from ovoz.analysis.services.codings import coding_create
from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import Source

SECRET_NAME = "Gulmira Secretname"


@pytest.fixture
def pages(analysis):
    """The wage code on the multi-script interview (a1 = Gulmira) and on the refused source."""
    c = analysis
    Coding.objects.create(source=c.s_refused, code=c.wage, start=0, end=8, coder=c.researcher_a)
    return c


def test_a_researcher_reads_her_segments_with_context_and_pseudonym_codes(pages, as_user):
    c = pages
    response = as_user(c.researcher_a).get(reverse("analysis:query_segments"), {"code": c.wage.pk, "context": 30})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Иш ҳақи тўланмади" in body
    assert c.a1.code in body
    assert SECRET_NAME not in body
    assert "Она не разрешила" not in body  # the refused source
    assert response.context["page"].paginator.count == 1


def test_a_researcher_of_b_gets_none_of_a(pages, as_user):
    c = pages
    response = as_user(c.researcher_b).get(reverse("analysis:query_segments"), {"code": c.wage.pk})
    body = response.content.decode()
    assert "Иш ҳақи" not in body
    assert "Зарплата" in body  # her own source


def test_codes_of_another_partnership_are_ignored_as_if_unknown(pages, as_user):
    c = pages
    response = as_user(c.researcher_b).get(reverse("analysis:query_segments"), {"code": c.own_a.pk})
    assert response.context["page"] is None


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx"])
def test_exports_hold_the_segments_and_never_a_name_and_are_audited(pages, as_user, fmt):
    c = pages
    client = as_user(c.researcher_a)
    response = client.post(reverse("analysis:query_export"), {"query": f"code={c.wage.pk}", "format": fmt})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    content = response.content
    if fmt == "csv":
        text = content.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
    elif fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content)).active
        rows = [[str(v) if v is not None else "" for v in row] for row in sheet.iter_rows(values_only=True)]
        text = "\n".join("\t".join(r) for r in rows)
    else:
        from docx import Document

        document = Document(io.BytesIO(content))
        text = "\n".join(p.text for p in document.paragraphs)
        assert any(p.style.name.startswith("Heading") and c.wage.name() in p.text for p in document.paragraphs)
    assert c.coding_a.text() in text
    assert c.a1.code in text
    assert SECRET_NAME not in text
    assert "Она не разрешила" not in text
    entry = AuditEntry.objects.get(action="analysis.export")
    assert entry.actor == c.researcher_a
    assert entry.changes["format"]["new"] == fmt
    assert entry.changes["sources"]["new"] == [c.s_multi.pk]


def test_an_export_with_nothing_to_export_writes_no_audit_row(pages, as_user):
    c = pages
    response = as_user(c.researcher_b).post(reverse("analysis:query_export"),
                                            {"query": f"code={c.social.pk}", "format": "csv"})
    assert response.status_code == 302
    assert not AuditEntry.objects.filter(action="analysis.export").exists()


def test_exports_are_posted_not_fetched(pages, as_user):
    assert as_user(pages.researcher_a).get(reverse("analysis:query_export")).status_code == 405


def test_the_segments_page_makes_the_same_number_of_queries_for_many_segments(pages, as_user,
                                                                              django_assert_max_num_queries):
    c = pages
    client = as_user(c.researcher_a)
    url = reverse("analysis:query_segments")
    client.get(url, {"code": c.wage.pk})  # session and caches warm
    for i in range(20):
        s = Source.objects.create(partnership=c.a, kind="interview", title=f"Extra {i}", transcript="Иш ҳақи йўқ.")
        s.participants.add(c.a1, c.a2)
        coding_create(actor=c.researcher_a, source=s, codes=[c.wage, c.social], start=0, end=7)
    with django_assert_max_num_queries(40):
        response = client.get(url, {"code": [c.wage.pk, c.social.pk], "subcodes": "1"})
    assert response.context["page"].paginator.count == 21


@pytest.mark.parametrize("name", ["analysis:query_frequencies", "analysis:query_cooccurrence", "analysis:query_matrix"])
def test_the_table_pages_keep_a_bounded_number_of_queries(pages, as_user, django_assert_max_num_queries, name):
    c = pages
    client = as_user(c.researcher_a)
    client.get(reverse(name))
    for i in range(15):
        s = Source.objects.create(partnership=c.a, kind="interview", title=f"Extra {i}", transcript="Иш ҳақи йўқ.")
        s.participants.add(c.a1)
        coding_create(actor=c.researcher_a, source=s, codes=[c.wage, c.social], start=0, end=7)
    with django_assert_max_num_queries(40):
        response = client.get(reverse(name), {"by": "migrant_status"})
    assert response.status_code == 200


def test_the_frequency_page_draws_its_chart_and_offers_it_as_svg(pages, as_user):
    c = pages
    client = as_user(c.researcher_a)
    page = client.get(reverse("analysis:query_frequencies"), {"by": "partnership"})
    assert "<svg" in page.content.decode()
    svg = client.get(reverse("analysis:query_frequencies"), {"by": "partnership", "format": "svg"})
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.decode().count("<title") >= 2


def test_the_cooccurrence_page_states_its_definition_and_links_cells_to_overlaps(pages, as_user):
    c = pages
    coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.social], start=5, end=20)
    page = as_user(c.researcher_a).get(reverse("analysis:query_cooccurrence"))
    body = page.content.decode()
    assert "overlap by at least one character" in body
    assert f"code={c.wage.pk}&amp;code={c.social.pk}&amp;mode=all" in body \
        or f"code={c.social.pk}&amp;code={c.wage.pk}&amp;mode=all" in body


def test_the_coordinator_counts_only_what_is_shared_with_her(pages, as_user):
    c = pages
    coding_create(actor=c.researcher_a, source=c.s1, codes=[c.social], start=0, end=3)
    page = as_user(c.coordinator).get(reverse("analysis:query_frequencies"))
    rows = {r.code.pk: r for r in page.context["table"].rows}
    assert set(rows) == {c.social.pk}  # s_multi (wage) is not shared, B's source neither


def test_viewers_and_outsiders_see_empty_pages(pages, as_user):
    c = pages
    for person in (c.viewer, c.outsider):
        client = as_user(person)
        assert client.get(reverse("analysis:query_frequencies")).context["table"].rows == []
        assert client.get(reverse("analysis:query_matrix")).context["rows"] == []
