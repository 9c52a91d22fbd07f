"""Codings point at exact words, whatever the script; wrong offsets and foreign codes are refused."""

import pytest
from django.core.exceptions import ValidationError

from ovoz.analysis.models import Coding
from ovoz.analysis.services.codings import coding_change, coding_create, coding_delete
from ovoz.evidence.services.sources import source_update, transcript_is_locked
from tests.analysis.conftest import MULTI


@pytest.mark.parametrize("word", ["Иш ҳақи", "Oʻgʻil", "😔", "g'alla", "Зарплату"])
def test_a_coding_covers_exactly_the_chosen_words_in_every_script(analysis, word):
    c = analysis
    start = MULTI.index(word)
    (coding,) = coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.social], start=start,
                              end=start + len(word))
    coding.refresh_from_db()
    assert coding.text() == word


def test_several_codes_can_be_applied_at_once_and_repeating_one_does_nothing(analysis):
    c = analysis
    made = coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.wage, c.social, c.own_a], start=0, end=17)
    assert {m.code for m in made} == {c.social, c.own_a}  # wage was already on that stretch


def test_a_selection_outside_the_transcript_is_refused(analysis):
    c = analysis
    with pytest.raises(ValidationError):
        coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.wage], start=5, end=len(MULTI) + 1)
    with pytest.raises(ValidationError):
        coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.wage], start=5, end=5)


def test_another_partnerships_code_cannot_be_applied(analysis):
    c = analysis
    with pytest.raises(ValidationError):
        coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.own_b], start=0, end=3)


def test_a_coded_transcript_is_locked_against_edits(analysis):
    c = analysis
    assert transcript_is_locked(c.s_multi)
    with pytest.raises(ValidationError):
        source_update(actor=c.researcher_a, source=c.s_multi, transcript="rewritten")


def test_changing_and_removing_a_coding_are_audited(analysis):
    from ovoz.audit.models import AuditEntry

    c = analysis
    coding_change(actor=c.researcher_a, coding=c.coding_a, code=c.social, end=10)
    c.coding_a.refresh_from_db()
    assert (c.coding_a.code, c.coding_a.end) == (c.social, 10)
    coding_delete(actor=c.researcher_a, coding=c.coding_a)
    assert not Coding.objects.filter(pk=c.coding_a.pk).exists()
    assert list(AuditEntry.objects.filter(action__startswith="coding.").values_list("action", flat=True)
                ).count("coding.update") == 1
    assert AuditEntry.objects.filter(action="coding.delete").exists()


def test_a_code_named_twice_or_already_there_is_applied_once_and_audited_once(analysis):
    from ovoz.audit.models import AuditEntry

    c = analysis
    before = AuditEntry.objects.filter(action="coding.create").count()
    made = coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.wage, c.social, c.social], start=0, end=17)
    assert [m.code for m in made] == [c.social]  # wage was already on 0–17 (the fixture's coding)
    assert Coding.objects.filter(source=c.s_multi, start=0, end=17).count() == 2
    assert AuditEntry.objects.filter(action="coding.create").count() == before + 1
