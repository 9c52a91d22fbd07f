"""The codebook: seeded from the focus areas and the violations, changed without ever losing a coding."""

import pytest
from django.core.exceptions import ValidationError

from ovoz.analysis.models import Code, Coding
from ovoz.analysis.services.codes import (
    code_create,
    code_delete,
    code_merge,
    code_move,
    code_restore,
    code_retire,
    code_split,
    codebook_seed,
)
from ovoz.analysis.services.codings import coding_create
from ovoz.audit.models import AuditEntry


def test_the_seeded_codebook_has_the_five_focus_areas_named_in_five_languages(analysis):
    wage = analysis.wage
    assert wage.name_en == "Living wage" and wage.name_ru and wage.name_ky and wage.name_uz and wage.name_tg
    areas = Code.objects.filter(programme=analysis.programme, seed_key__startswith="focus:")
    assert areas.count() == 6  # five focus areas and the violations umbrella


def test_violation_terms_become_codes_under_the_violations_umbrella_keeping_their_hierarchy(analysis):
    codes = Code.objects.filter(programme=analysis.programme, seed_key__startswith="term:")
    assert codes.count() > 10
    assert all(c.parent_id is not None for c in codes)
    with_term_parent = [c for c in codes if c.term.parent_id]
    assert with_term_parent
    for c in with_term_parent:
        assert c.parent.term_id == c.term.parent_id


def test_seeding_twice_creates_nothing_more(analysis):
    before = Code.objects.count()
    assert codebook_seed(actor=analysis.coordinator, programme=analysis.programme) == 0
    assert Code.objects.count() == before


def test_merging_a_code_moves_its_codings_and_sub_codes_and_retires_it(analysis):
    c = analysis
    child = code_create(actor=c.coordinator, programme=c.programme, parent=c.social, name_en="Child allowance")
    coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.social], start=20, end=30)
    coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.social], start=0, end=17)  # same as a wage coding
    total = Coding.objects.count()
    code_merge(actor=c.coordinator, code=c.social, into=c.wage)
    c.social.refresh_from_db()
    child.refresh_from_db()
    assert c.social.retired_at and c.social.merged_into == c.wage
    assert child.parent == c.wage
    assert not Coding.objects.filter(code=c.social).exists()
    assert Coding.objects.filter(code=c.wage, source=c.s_multi, start=20, end=30).exists()
    assert Coding.objects.count() == total - 1  # only the exact duplicate was dropped
    assert AuditEntry.objects.filter(action="code.merge").exists()


def test_a_code_cannot_be_merged_into_its_own_sub_code(analysis):
    c = analysis
    child = code_create(actor=c.coordinator, programme=c.programme, parent=c.social, name_en="Pensions")
    with pytest.raises(ValidationError):
        code_merge(actor=c.coordinator, code=c.social, into=child)


def test_splitting_a_code_moves_the_chosen_codings_to_a_new_sibling(analysis):
    c = analysis
    (extra,) = coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.wage], start=19, end=30)
    new = code_split(actor=c.coordinator, code=c.wage, name_en="Withheld wages", coding_ids=[extra.pk])
    assert new.parent_id == c.wage.parent_id
    assert list(new.codings.all()) == [extra]
    assert c.coding_a in c.wage.codings.all()


def test_moving_a_code_under_its_descendant_is_refused(analysis):
    c = analysis
    child = code_create(actor=c.coordinator, programme=c.programme, parent=c.wage, name_en="Unpaid")
    with pytest.raises(ValidationError):
        code_move(actor=c.coordinator, code=c.wage, parent=child)
    code_move(actor=c.coordinator, code=child, parent=c.social)
    child.refresh_from_db()
    assert child.parent == c.social


def test_a_programme_code_cannot_live_under_a_partnership_code(analysis):
    c = analysis
    with pytest.raises(ValidationError):
        code_move(actor=c.coordinator, code=c.wage, parent=c.own_a)


def test_a_retired_code_keeps_its_codings_but_cannot_be_applied_until_restored(analysis):
    c = analysis
    code_retire(actor=c.coordinator, code=c.wage)
    assert c.wage.codings.count() == 2  # one in each partnership
    with pytest.raises(ValidationError):
        coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.wage], start=1, end=5)
    code_restore(actor=c.coordinator, code=c.wage)
    assert coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.wage], start=1, end=5)


def test_a_used_code_cannot_be_deleted_only_retired_or_merged(analysis):
    c = analysis
    with pytest.raises(ValidationError):
        code_delete(actor=c.coordinator, code=c.wage)
    unused = code_create(actor=c.coordinator, programme=c.programme, name_en="Unused")
    code_delete(actor=c.coordinator, code=unused)
    assert not Code.objects.filter(pk=unused.pk).exists()
