"""Segment retrieval: the boolean of codes on hand-made overlapping codings, context, consent and access."""

import datetime

import pytest

from ovoz.analysis.models import Coding
from ovoz.analysis.queries.dimensions import NONE, dimensions_for, get_dimension
from ovoz.analysis.queries.retrieval import ALL, SegmentQuery, context_after, context_before, find_segments
from ovoz.analysis.services.codes import code_create
from ovoz.analysis.services.codings import coding_create
from ovoz.evidence.models import Source, Term
from ovoz.evidence.services.consent import consent_withdraw

TEXT = "".join(f"word{i:02d} " for i in range(20))  # 140 characters, a word every 7


@pytest.fixture
def coded(analysis):
    """X [0,21) and [70,84); Y [14,42); Z [35,56); X's sub-code W [77,91): on one consenting source of A."""
    c = analysis
    c.x = code_create(actor=c.coordinator, programme=c.programme, name_en="X")
    c.y = code_create(actor=c.coordinator, programme=c.programme, name_en="Y")
    c.z = code_create(actor=c.coordinator, programme=c.programme, name_en="Z")
    c.w = code_create(actor=c.coordinator, programme=c.programme, parent=c.x, name_en="W under X")
    c.src = Source.objects.create(partnership=c.a, kind="interview", title="Hand-coded", transcript=TEXT,
                                  date=datetime.date(2023, 5, 1))
    c.src.participants.add(c.a1)
    for code, start, end in [(c.x, 0, 21), (c.x, 70, 84), (c.y, 14, 42), (c.z, 35, 56), (c.w, 77, 91)]:
        coding_create(actor=c.researcher_a, source=c.src, codes=[code], start=start, end=end)
    return c


def spans(user, **kwargs):
    return [(s.start, s.end) for s in find_segments(user, SegmentQuery(**kwargs)) if s.source_id]


def test_any_code_gives_each_coding_of_it(coded):
    assert spans(coded.researcher_a, codes=[coded.x]) == [(0, 21), (70, 84)]


def test_or_gives_the_codings_of_either_code(coded):
    assert spans(coded.researcher_a, codes=[coded.x, coded.z]) == [(0, 21), (35, 56), (70, 84)]


def test_and_gives_only_the_stretch_where_both_codes_apply(coded):
    assert spans(coded.researcher_a, codes=[coded.x, coded.y], mode=ALL) == [(14, 21)]
    assert spans(coded.researcher_a, codes=[coded.y, coded.z], mode=ALL) == [(35, 42)]


def test_and_of_codes_that_never_overlap_gives_nothing_even_on_the_same_source(coded):
    assert spans(coded.researcher_a, codes=[coded.x, coded.z], mode=ALL) == []
    assert spans(coded.researcher_a, codes=[coded.x, coded.y, coded.z], mode=ALL) == []


def test_not_leaves_out_segments_overlapping_the_excluded_code(coded):
    assert spans(coded.researcher_a, codes=[coded.x], exclude=[coded.y]) == [(70, 84)]
    assert spans(coded.researcher_a, codes=[coded.x], exclude=[coded.z]) == [(0, 21), (70, 84)]


def test_touching_stretches_do_not_overlap(coded):
    coding_create(actor=coded.researcher_a, source=coded.src, codes=[coded.z], start=84, end=90)
    # Z [84,90) touches X [70,84) without sharing a character.
    assert spans(coded.researcher_a, codes=[coded.x], exclude=[coded.z]) == [(0, 21), (70, 84)]


def test_sub_codes_are_included_only_when_asked(coded):
    assert spans(coded.researcher_a, codes=[coded.x]) == [(0, 21), (70, 84)]
    assert spans(coded.researcher_a, codes=[coded.x], subcodes=True) == [(0, 21), (70, 84), (77, 91)]
    # With sub-codes, X AND Y still needs both: W counts as X.
    assert spans(coded.researcher_a, codes=[coded.x, coded.y], mode=ALL, subcodes=True) == [(14, 21)]


def test_a_stretch_coded_with_two_asked_codes_is_one_segment_naming_both(coded):
    coding_create(actor=coded.researcher_a, source=coded.src, codes=[coded.z], start=0, end=21)
    found = find_segments(coded.researcher_a, SegmentQuery(codes=[coded.x, coded.z]))
    first = found[0]
    assert (first.start, first.end) == (0, 21)
    assert set(first.code_ids) == {coded.x.pk, coded.z.pk}
    assert len(found) == 3


def test_context_is_cut_at_word_boundaries():
    text = "alpha beta gamma delta epsilon"
    assert context_before(text, 17, 8) == "…gamma "  # "a gamma " would start mid-word
    assert context_after(text, 10, 9) == " gamma…"  # " gamma de" would end mid-word
    assert context_before(text, 6, 100) == "alpha "
    assert context_after(text, 23, 100) == "epsilon"
    assert context_before(text, 6, 0) == ""


def test_segments_on_a_source_whose_participant_refused_analysis_are_never_found(analysis):
    c = analysis
    Coding.objects.create(source=c.s_refused, code=c.wage, start=0, end=5, coder=c.researcher_a)
    found = find_segments(c.researcher_a, SegmentQuery(codes=[c.wage]))
    assert {s.source_id for s in found} == {c.s_multi.pk}


def test_segments_disappear_once_the_participant_withdraws_analysis(analysis):
    c = analysis
    assert find_segments(c.researcher_a, SegmentQuery(codes=[c.wage]))
    consent_withdraw(actor=c.researcher_a, participant=c.a1, date=datetime.date(2024, 1, 2), scopes=["analysis"])
    assert find_segments(c.researcher_a, SegmentQuery(codes=[c.wage])) == []


def test_each_team_finds_only_its_own_segments_and_the_coordinator_only_shared_ones(analysis):
    c = analysis
    coding_create(actor=c.researcher_a, source=c.s1, codes=[c.wage], start=0, end=3)
    assert {s.source_id for s in find_segments(c.researcher_b, SegmentQuery(codes=[c.wage]))} == {c.sb.pk}
    assert {s.source_id for s in find_segments(c.researcher_a, SegmentQuery(codes=[c.wage]))} == {
        c.s_multi.pk, c.s1.pk}
    # s1 is shared with the programme; s_multi and B's source are not.
    assert {s.source_id for s in find_segments(c.coordinator, SegmentQuery(codes=[c.wage]))} == {c.s1.pk}
    for nobody in (c.viewer, c.outsider):
        assert find_segments(nobody, SegmentQuery(codes=[c.wage])) == []


def test_codings_of_an_unfinished_double_coding_round_are_left_out(analysis):
    from ovoz.analysis.models import DoubleCoding

    c = analysis
    round_ = DoubleCoding.objects.create(source=c.s1, coder_a=c.researcher_a, coder_b=c.mentor_a)
    Coding.objects.create(source=c.s1, code=c.wage, start=0, end=3, coder=c.researcher_a, double_coding=round_)
    assert {s.source_id for s in find_segments(c.researcher_a, SegmentQuery(codes=[c.wage]))} == {c.s_multi.pk}


def test_filters_by_partnership_migrant_status_and_programme_attribute(coded):
    from ovoz.evidence.models import AttributeDefinition

    c = coded
    status = Term.objects.create(vocabulary="migrant_status", code="returned-q", label_en="Returned")
    c.a1.migrant_status = status
    c.a1.attributes = {"children": "2"}
    c.a1.save()
    AttributeDefinition.objects.create(programme=c.programme, key="children", label="Children")
    dims = dimensions_for(c.researcher_a)
    by = {k: get_dimension(dims, k) for k in ("partnership", "migrant_status", "attr.children", "country")}
    assert spans(c.researcher_a, codes=[c.x], filters={by["partnership"]: str(c.a.pk)}) == [(0, 21), (70, 84)]
    assert spans(c.researcher_a, codes=[c.x], filters={by["partnership"]: str(c.b.pk)}) == []
    assert spans(c.researcher_a, codes=[c.x], filters={by["migrant_status"]: str(status.pk)}) == [(0, 21), (70, 84)]
    assert spans(c.researcher_a, codes=[c.x], filters={by["migrant_status"]: NONE}) == []
    assert spans(c.researcher_a, codes=[c.x], filters={by["attr.children"]: "2"}) == [(0, 21), (70, 84)]
    assert spans(c.researcher_a, codes=[c.x], filters={by["attr.children"]: "3"}) == []
    assert spans(c.researcher_a, codes=[c.x], filters={by["country"]: c.a.country}) == [(0, 21), (70, 84)]
    assert spans(c.researcher_a, codes=[c.x], filters={by["partnership"]: "not-a-number"}) == []
