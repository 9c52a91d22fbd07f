"""The coding page's one-source access check answers exactly as the list of sources one may analyse, for every
role of the cast and every state of consent, so fetching one source faster lets nothing more through."""

import datetime

import pytest
from django.http import Http404

from ovoz.analysis.access import analysable_sources_visible_to, can_code, get_analysable_source_for_user
from ovoz.evidence.models import Source
from ovoz.evidence.services.consent import ALL_SCOPES, consent_record, consent_withdraw
from ovoz.evidence.services.participants import participant_create

PEOPLE = ("coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider")
DAY = datetime.date(2023, 3, 1)


def _answers(user, pk, *, write=False) -> bool:
    try:
        source = get_analysable_source_for_user(user, pk, write=write)
    except Http404:
        return False
    assert source.pk == pk
    return True


def _assert_same_answers(c, sources):
    for name in PEOPLE:
        user = getattr(c, name)
        listed = set(analysable_sources_visible_to(user).values_list("pk", flat=True))
        for source in sources:
            assert _answers(user, source.pk) == (source.pk in listed), (name, source.title)
            writable = source.pk in listed and can_code(user, Source.objects.get(pk=source.pk))
            assert _answers(user, source.pk, write=True) == writable, (name, source.title, "write")


def _more_sources(c):
    """Beyond the fixture: no participants at all, shared in B, and shared with one participant who did not
    allow coordinators beside one who did."""
    bare = Source.objects.create(partnership=c.a, kind="interview", title="No participants", transcript="Бош.",
                                 shared_with_programme=True)
    shared_b = Source.objects.create(partnership=c.b, kind="interview", title="Shared B", transcript="Зарплата.",
                                     shared_with_programme=True)
    shared_b.participants.add(c.b1)
    mixed = Source.objects.create(partnership=c.a, kind="focus_group", title="Mixed", transcript="Биргаликда.",
                                  shared_with_programme=True)
    mixed.participants.add(c.a1, c.a2)
    other = participant_create(actor=c.researcher_a, partnership=c.a)
    consent_record(actor=c.researcher_a, participant=other, date=DAY, method="oral", language="ky",
                   scopes=ALL_SCOPES)
    both = Source.objects.create(partnership=c.a, kind="focus_group", title="Both allow", transcript="Иккаласи.",
                                 shared_with_programme=True)
    both.participants.add(c.a1, other)
    return [bare, shared_b, mixed, both]


def test_every_role_gets_the_same_answer_from_the_one_source_check_as_from_the_list(analysis):
    c = analysis
    sources = [c.s1, c.s2, c.sb, c.s_multi, c.s_refused, *_more_sources(c)]
    _assert_same_answers(c, sources)
    # Coordinators: the shared source whose participant allows them, never the others.
    assert _answers(c.coordinator, c.s1.pk) and not _answers(c.coordinator, c.s2.pk)
    assert not _answers(c.researcher_a, c.s_refused.pk) and not _answers(c.researcher_b, c.s1.pk)


@pytest.mark.parametrize("scopes", [None, ["analysis"], ["coordinators"]])
def test_withdrawn_consent_gives_the_same_answers_at_once(analysis, scopes):
    c = analysis
    sources = [c.s1, c.s2, c.sb, c.s_multi, c.s_refused, *_more_sources(c)]
    consent_withdraw(actor=c.researcher_a, participant=c.a1, date=datetime.date(2024, 1, 1), scopes=scopes,
                     method="oral", language="ky")
    _assert_same_answers(c, sources)
    if scopes != ["coordinators"]:
        assert not _answers(c.researcher_a, c.s_multi.pk)
    assert not _answers(c.coordinator, c.s1.pk)


def test_a_missing_or_malformed_source_is_not_found(analysis):
    c = analysis
    for pk in (10**9, "abc", None, "1; drop"):
        assert not _answers(c.researcher_a, pk)


def test_every_role_may_apply_the_same_codes_by_the_one_statement_as_by_the_codebook_query(analysis):
    from ovoz.analysis.access import codes_usable_on, codes_usable_on_by_pk
    from ovoz.analysis.models import Code
    from ovoz.analysis.services.codes import code_retire

    c = analysis
    code_retire(actor=c.coordinator, code=c.social)
    ids = list(Code.objects.values_list("pk", flat=True)) + [10**9]
    for name in PEOPLE:
        user = getattr(c, name)
        for source in (c.s1, c.s2, c.sb, c.s_multi):
            expected = set(codes_usable_on(user, source).filter(pk__in=ids).values_list("pk", flat=True))
            assert {code.pk for code in codes_usable_on_by_pk(user, source, ids)} == expected, (name, source.title)
    # What the comparison covers: the programme codebook, each team's own codes, and no retired code.
    on_a = {code.pk for code in codes_usable_on_by_pk(c.researcher_a, c.s1, ids)}
    assert c.wage.pk in on_a and c.own_a.pk in on_a and c.own_b.pk not in on_a and c.social.pk not in on_a
    assert c.own_a.pk in {code.pk for code in codes_usable_on_by_pk(c.coordinator, c.s1, ids)}
    assert codes_usable_on_by_pk(c.outsider, c.s1, ids) == []


def test_every_role_reads_the_same_code_names_by_the_one_statement_as_by_the_codebook_query(analysis):
    from django.utils import translation

    from ovoz.analysis.access import code_names_visible_to, codes_visible_to
    from ovoz.analysis.models import Code
    from ovoz.analysis.services.codes import code_retire

    c = analysis
    code_retire(actor=c.coordinator, code=c.social)  # retired codes keep their name on the codings
    ids = list(Code.objects.values_list("pk", flat=True)) + [10**9]
    for language in ("en", "ru", "uz"):
        with translation.override(language):
            for name in PEOPLE:
                user = getattr(c, name)
                expected = {code.pk: code.name() for code in codes_visible_to(user).filter(pk__in=ids)}
                assert code_names_visible_to(user, ids) == expected, (name, language)
    names = code_names_visible_to(c.researcher_b, ids)
    assert c.own_b.pk in names and c.own_a.pk not in names and c.social.pk in names
    assert code_names_visible_to(c.outsider, ids) == {}
