"""Codings are read only through sources one may analyse: own partnership, shared, consent to analysis."""

from ovoz.analysis.access import codes_visible_to, codings_visible_to, get_code_for_user
from ovoz.analysis.services.codings import coding_create


def test_each_team_sees_only_its_own_codings(analysis):
    c = analysis
    assert set(codings_visible_to(c.researcher_a)) == {c.coding_a}
    assert set(codings_visible_to(c.mentor_a)) == {c.coding_a}
    assert set(codings_visible_to(c.researcher_b)) == {c.coding_b}


def test_co_researchers_viewers_and_outsiders_see_no_codings(analysis):
    c = analysis
    for person in (c.coresearcher_a, c.viewer, c.outsider):
        assert not codings_visible_to(person).exists()


def test_material_without_consent_to_analysis_has_no_visible_codings(analysis):
    c = analysis
    from ovoz.analysis.models import Coding

    Coding.objects.create(source=c.s_refused, code=c.wage, start=0, end=3, coder=c.researcher_a)
    assert not codings_visible_to(c.researcher_a).filter(source=c.s_refused).exists()


def test_withdrawing_consent_hides_the_codings_at_once(analysis):
    import datetime

    from ovoz.evidence.services.consent import consent_withdraw

    c = analysis
    consent_withdraw(actor=c.researcher_a, participant=c.a1, date=datetime.date(2024, 1, 1), method="oral",
                     language="ky")
    assert not codings_visible_to(c.researcher_a).exists()


def test_coordinators_see_codings_only_on_sources_shared_with_the_programme(analysis):
    c = analysis
    assert not codings_visible_to(c.coordinator).exists()  # s_multi is not shared
    (shared,) = coding_create(actor=c.researcher_a, source=c.s1, codes=[c.wage], start=0, end=3)
    assert set(codings_visible_to(c.coordinator)) == {shared}


def test_partnership_codes_are_seen_by_their_team_and_the_coordinators_only(analysis):
    c = analysis
    assert c.own_a in codes_visible_to(c.researcher_a)
    assert c.own_a in codes_visible_to(c.coordinator)
    assert c.own_a not in codes_visible_to(c.researcher_b)
    assert c.wage in codes_visible_to(c.researcher_b)
    assert not codes_visible_to(c.outsider).exists()


def test_only_coordinators_change_programme_codes(analysis):
    import pytest
    from django.http import Http404

    c = analysis
    assert get_code_for_user(c.coordinator, c.wage.pk, write=True) == c.wage
    with pytest.raises(Http404):
        get_code_for_user(c.researcher_a, c.wage.pk, write=True)
    assert get_code_for_user(c.researcher_a, c.own_a.pk, write=True) == c.own_a
    with pytest.raises(Http404):
        get_code_for_user(c.researcher_b, c.own_a.pk)
