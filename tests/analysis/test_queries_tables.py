"""Frequencies, co-occurrence and the code × attribute matrix: hand-counted numbers, consent and access."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from ovoz.analysis.models import Coding
from ovoz.analysis.queries.charts import cooccurrence_heatmap, frequency_chart
from ovoz.analysis.queries.cooccurrence import cooccurrence
from ovoz.analysis.queries.dimensions import NONE, dimensions_for, get_dimension
from ovoz.analysis.queries.frequencies import frequencies
from ovoz.analysis.queries.matrix import attribute_matrix
from ovoz.analysis.services.codes import code_create
from ovoz.analysis.services.codings import coding_create
from ovoz.evidence.models import Source, Term
from ovoz.evidence.services.consent import consent_withdraw
from ovoz.evidence.services.participants import participant_create

TEXT = "x" * 200


@pytest.fixture
def counted(analysis):
    """Three A sources coded P and Q: an interview of a1, an interview of a2 and a focus group of both."""
    c = analysis
    c.returned = Term.objects.create(vocabulary="migrant_status", code="returned-t", label_en="Returned")
    c.internal = Term.objects.create(vocabulary="migrant_status", code="internal-t", label_en="Internal")
    c.a1.migrant_status, c.a2.migrant_status = c.returned, c.internal
    c.a1.save()
    c.a2.save()
    c.p = code_create(actor=c.coordinator, programme=c.programme, name_en="P <code>")
    c.q = code_create(actor=c.coordinator, programme=c.programme, name_en="Q")

    def source(title, *people):
        s = Source.objects.create(partnership=c.a, kind="interview", title=title, transcript=TEXT)
        s.participants.add(*people)
        return s

    c.i1, c.i2, c.fg = source("I1", c.a1), source("I2", c.a2), source("FG", c.a1, c.a2)
    for s, spans in [(c.i1, [(0, 10), (50, 60)]), (c.i2, [(0, 10)]), (c.fg, [(0, 10)])]:
        for start, end in spans:
            coding_create(actor=c.researcher_a, source=s, codes=[c.p], start=start, end=end)
    # Q overlaps P twice on I1 (one of them with an equal start) and once on the focus group.
    for s, start, end in [(c.i1, 0, 5), (c.i1, 55, 80), (c.fg, 5, 20), (c.i2, 10, 20)]:
        coding_create(actor=c.researcher_a, source=s, codes=[c.q], start=start, end=end)
    return c


def row_of(table, code):
    return next(r for r in table.rows if r.code.pk == code.pk)


def test_frequencies_count_segments_distinct_sources_and_distinct_participants(counted):
    c = counted
    table = frequencies(c.researcher_a, None)
    p = row_of(table, c.p)
    assert (p.total.segments, p.total.sources, p.total.participants) == (4, 3, 2)


def test_frequencies_by_migrant_status_count_a_focus_group_under_each_status(counted):
    c = counted
    by = get_dimension(dimensions_for(c.researcher_a), "migrant_status")
    table = frequencies(c.researcher_a, by)
    p = row_of(table, c.p)
    returned, internal = p.cell(str(c.returned.pk)), p.cell(str(c.internal.pk))
    assert (returned.segments, returned.sources, returned.participants) == (3, 2, 1)  # I1 twice, FG
    assert (internal.segments, internal.sources, internal.participants) == (2, 2, 1)  # I2, FG
    assert table.labels[str(c.returned.pk)] == "Returned"


def test_frequencies_by_partnership_for_the_coordinator_count_only_shared_sources(counted):
    c = counted
    c.i1.shared_with_programme = True
    c.i1.save()
    by = get_dimension(dimensions_for(c.coordinator), "partnership")
    p = row_of(frequencies(c.coordinator, by), c.p)
    assert p.total.segments == 2
    assert p.cell(str(c.a.pk)).sources == 1
    assert frequencies(c.researcher_b, by).rows and all(r.code.pk != c.p.pk
                                                        for r in frequencies(c.researcher_b, by).rows)


def test_a_withdrawal_removes_her_sources_from_every_count(counted):
    c = counted
    consent_withdraw(actor=c.researcher_a, participant=c.a2, date=datetime.date(2024, 1, 1), scopes=["analysis"])
    p = row_of(frequencies(c.researcher_a, None), c.p)
    assert (p.total.segments, p.total.sources, p.total.participants) == (2, 1, 1)  # I1 only: FG had a2 in it
    matrix = cooccurrence(c.researcher_a)
    assert matrix.count(c.p.pk, c.q.pk) == 2
    by = get_dimension(dimensions_for(c.researcher_a), "migrant_status")
    _table, rows = attribute_matrix(c.researcher_a, by)
    assert str(c.internal.pk) not in _table.values


def test_the_refused_source_is_never_counted(analysis):
    c = analysis
    Coding.objects.create(source=c.s_refused, code=c.social, start=0, end=5, coder=c.researcher_a)
    Coding.objects.create(source=c.s_refused, code=c.wage, start=0, end=5, coder=c.researcher_a)
    assert all(r.code.pk != c.social.pk for r in frequencies(c.researcher_a, None).rows)
    assert cooccurrence(c.researcher_a).count(c.social.pk, c.wage.pk) == 0


@pytest.mark.parametrize("method", ["sql", "sweep"])
def test_cooccurrence_counts_each_overlapping_pair_of_codings_once(counted, method):
    c = counted
    matrix = cooccurrence(c.researcher_a, method=method)
    # I1: P[0,10)×Q[0,5) (equal starts), P[50,60)×Q[55,80); FG: P[0,10)×Q[5,20); I2: P[0,10) touches Q[10,20).
    assert matrix.count(c.p.pk, c.q.pk) == 3
    assert matrix.count(c.q.pk, c.p.pk) == 3
    assert matrix.count(c.p.pk, c.p.pk) == 4  # the diagonal: P's codings


def test_the_sql_and_the_sweep_agree_on_random_codings(analysis):
    import random

    c = analysis
    rng = random.Random(7)
    codes = [code_create(actor=c.coordinator, programme=c.programme, name_en=f"R{i}") for i in range(5)]
    source = Source.objects.create(partnership=c.a, kind="interview", title="Random", transcript="y" * 500)
    source.participants.add(c.a1)
    Coding.objects.bulk_create([
        Coding(source=source, code=rng.choice(codes), start=(s := rng.randint(0, 480)), end=s + rng.randint(1, 19),
               coder=c.researcher_a) for _ in range(120)
    ])
    sql = cooccurrence(c.researcher_a, method="sql").pairs
    sweep = cooccurrence(c.researcher_a, method="sweep").pairs
    assert sql == sweep and sum(sql.values()) > 0


def test_cooccurrence_of_chosen_codes_only(counted):
    c = counted
    matrix = cooccurrence(c.researcher_a, codes=[c.p, c.wage])
    assert [code.pk for code in matrix.codes] == [c.p.pk, c.wage.pk]
    assert matrix.pairs == {}


def test_the_matrix_cells_link_to_the_segments_behind_them(counted, as_user):
    c = counted
    by = get_dimension(dimensions_for(c.researcher_a), "migrant_status")
    table, rows = attribute_matrix(c.researcher_a, by)
    row, cells = next((r, cells) for r, cells in rows if r.code.pk == c.p.pk)
    client = as_user(c.researcher_a)
    for cell in cells:
        if not cell.count:
            continue
        page = client.get(cell.url)
        assert page.status_code == 200
        assert page.context["page"].paginator.count == cell.count, cell.url
    returned = next(cell for cell in cells if cell.value == str(c.returned.pk))
    assert f"code={c.p.pk}" in returned.url and f"migrant_status={c.returned.pk}" in returned.url


def test_the_matrix_counts_sources_or_participants_on_request(counted):
    c = counted
    by = get_dimension(dimensions_for(c.researcher_a), "kind")
    _t, rows = attribute_matrix(c.researcher_a, by, measure="participants")
    cells = dict((r.code.pk, cells) for r, cells in rows)
    assert [cell.count for cell in cells[c.p.pk]] == [2]


def test_sources_without_participants_have_no_participant_attribute(counted):
    c = counted
    doc = Source.objects.create(partnership=c.a, kind="document", title="Report", transcript=TEXT)
    coding_create(actor=c.researcher_a, source=doc, codes=[c.p], start=0, end=5)
    by = get_dimension(dimensions_for(c.researcher_a), "migrant_status")
    p = row_of(frequencies(c.researcher_a, by), c.p)
    assert NONE not in p.cells
    assert p.total.segments == 5


def test_an_unknown_value_is_its_own_column(counted):
    c = counted
    nobody_known = participant_create(actor=c.researcher_a, partnership=c.a)
    from ovoz.evidence.services.consent import ALL_SCOPES, consent_record

    consent_record(actor=c.researcher_a, participant=nobody_known, date=datetime.date(2023, 3, 1), method="oral",
                   language="ru", scopes=ALL_SCOPES)
    s = Source.objects.create(partnership=c.a, kind="interview", title="Unknown status", transcript=TEXT)
    s.participants.add(nobody_known)
    coding_create(actor=c.researcher_a, source=s, codes=[c.p], start=0, end=5)
    by = get_dimension(dimensions_for(c.researcher_a), "migrant_status")
    table = frequencies(c.researcher_a, by)
    assert row_of(table, c.p).cell(NONE).segments == 1
    assert table.values[-1] == NONE


def test_charts_are_well_formed_escaped_svg_with_a_title(counted):
    c = counted
    by = get_dimension(dimensions_for(c.researcher_a), "migrant_status")
    for svg in (frequency_chart(frequencies(c.researcher_a, by), "segments"),
                frequency_chart(frequencies(c.researcher_a, None), "sources"),
                cooccurrence_heatmap(cooccurrence(c.researcher_a))):
        root = ET.fromstring(str(svg))
        ns = "{http://www.w3.org/2000/svg}"
        assert root.find(f"{ns}title").text
        assert root.find(f"{ns}desc").text
        assert "P <code>" in "".join(root.itertext())  # the name escaped, read back as text
        assert "<code>" not in str(svg)
