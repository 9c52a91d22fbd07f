"""Search finds only what the person may see and what consent allows, inside the query: counts are right."""

import datetime

import pytest

from ovoz.evidence.access import incidents_visible_to, sources_visible_to
from ovoz.evidence.services.consent import consent_withdraw
from ovoz.search.engine import count, search
from tests.search.conftest import source, titles

TODAY = datetime.date(2024, 6, 1)
EVERYONE = ["coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"]


def test_researcher_b_never_finds_partnership_as_text(corpus):
    results = search(corpus.researcher_b, "ish haqi")
    assert titles(results) == {"Suhbat B"}
    assert results.count == 1
    for words in ("иш ҳақи", "зарплату", "расписка", "wages", "Xujand", "pasportimni"):
        assert all(h.partnership == corpus.b for h in search(corpus.researcher_b, words).hits), words


def test_partnership_as_team_finds_its_own_and_nothing_of_b(corpus):
    for person in (corpus.researcher_a, corpus.mentor_a):
        assert titles(search(person, "ish haqi")) == {"Interview A1", "Suhbat Farg'onada"}


def test_the_coordinator_finds_only_shared_material_whose_participants_allow_it(corpus):
    # s1 and uz_latin are shared, with a1 who allows coordinators; s2 is shared but a2 does not allow them;
    # ru, ky, tg are not shared at all.
    assert titles(search(corpus.coordinator, "ish haqi")) == {"Interview A1", "Suhbat Farg'onada"}
    assert titles(search(corpus.coordinator, "зарплату")) == set()
    assert titles(search(corpus.coordinator, "Без договора")) == set()  # s2: shared, a2 does not allow it
    assert titles(search(corpus.researcher_a, "Без договора")) == {"Interview A2"}


@pytest.mark.parametrize("person", ["coresearcher_a", "viewer", "outsider"])
def test_people_without_access_to_evidence_find_nothing(corpus, person):
    for words in ("ish haqi", "зарплату", "wages"):
        results = search(getattr(corpus, person), words)
        assert results.count == 0 and results.hits == []


def test_a_site_administrator_finds_nothing_either(corpus):
    from tests.conftest import make_user

    assert search(make_user("admin", is_superuser=True), "ish haqi").count == 0


def test_a_withdrawn_participants_source_is_not_found_by_team_analysis_search(corpus):
    assert "Interview A1" in titles(search(corpus.researcher_a, "ish haqi"))
    consent_withdraw(actor=corpus.researcher_a, participant=corpus.a1, date=TODAY)
    # No re-indexing: consent is read at the moment of the search.
    for person in (corpus.researcher_a, corpus.mentor_a, corpus.coordinator):
        results = search(person, "ish haqi")
        assert titles(results) == set() and results.count == 0
    # Her incident and the sources she is in are gone too; the rest stays.
    assert titles(search(corpus.researcher_a, "wages")) == {"Consultation in Ak-Zhar"}


def test_withdrawing_only_analysis_takes_her_material_out_of_search(corpus):
    consent_withdraw(actor=corpus.researcher_a, participant=corpus.a2, date=TODAY, scopes=["analysis"])
    assert titles(search(corpus.researcher_a, "зарплат*")) == set()


def test_withdrawing_sharing_with_coordinators_hides_it_from_them_only(corpus):
    consent_withdraw(actor=corpus.researcher_a, participant=corpus.a1, date=TODAY, scopes=["coordinators"])
    assert titles(search(corpus.coordinator, "ish haqi")) == set()
    assert titles(search(corpus.researcher_a, "ish haqi")) == {"Interview A1", "Suhbat Farg'onada"}


def test_a_participant_without_consent_keeps_her_material_out_of_search(corpus):
    from ovoz.evidence.services.participants import participant_create

    newcomer = participant_create(actor=corpus.researcher_a, partnership=corpus.a)
    source(corpus.a, "Not consented yet", "ish haqi haqida gaplashdik", participants=[newcomer])
    assert "Not consented yet" not in titles(search(corpus.researcher_a, "ish haqi"))


def test_counts_and_pages_are_right_because_access_applies_inside_the_query(corpus):
    # Twenty-five of B's sources that say "ish haqi": they must not fill A's pages or counts.
    for i in range(25):
        source(corpus.b, f"B {i}", "Ish haqi yo'q.", participants=[corpus.b1])
    results = search(corpus.researcher_a, "ish haqi", per_page=1)
    assert results.count == 2 and results.page.paginator.num_pages == 2
    assert count(corpus.researcher_a, "ish haqi") == 2
    assert count(corpus.researcher_b, "ish haqi") == 26


@pytest.mark.parametrize("person", EVERYONE)
def test_search_never_finds_what_the_evidence_access_rules_hide(corpus, person):
    """The SQL of ovoz.search.access and the querysets of ovoz.evidence.access agree for the whole cast."""
    user = getattr(corpus, person)
    visible_sources = set(sources_visible_to(user, scope="analysis").values_list("pk", flat=True))
    visible_incidents = set(incidents_visible_to(user, scope="analysis").values_list("pk", flat=True))
    for words in ("ish haqi", "зарплат*", "wages", "Xujand", "эмгек", "расписка", "без"):
        for hit in search(user, words, per_page=200).hits:
            if hit.object_type == "incident":
                assert hit.object_id in visible_incidents
            elif hit.object_type == "attachment":
                assert hit.obj.source_id in visible_sources
            else:
                assert hit.object_id in visible_sources
    # And it finds all of them that match: each visible source's own title words find it.
    if visible_sources:
        assert titles(search(user, "ish haqi")) == {
            t for t in ("Interview A1", "Suhbat Farg'onada", "Suhbat B")
            if t in set(sources_visible_to(user, scope="analysis").values_list("title", flat=True))
        }
