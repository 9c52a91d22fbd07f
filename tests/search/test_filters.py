"""Filters apply inside the search: partnership, country, migrant status, violation type, dates, language, kind."""

import datetime

from ovoz.search.engine import Filters, search
from tests.search.conftest import titles


def test_filter_by_partnership_and_country(corpus):
    coordinator = corpus.coordinator
    assert titles(search(coordinator, "ish haqi", {"partnership": corpus.a.pk})) == {"Interview A1",
                                                                                     "Suhbat Farg'onada"}
    assert titles(search(coordinator, "ish haqi", {"country": "TJ"})) == set()
    assert titles(search(corpus.researcher_a, "ish haqi", {"country": "kg"})) == {"Interview A1",
                                                                                  "Suhbat Farg'onada"}


def test_a_partnership_she_may_not_see_gives_nothing(corpus):
    assert titles(search(corpus.researcher_a, "ish haqi", {"partnership": corpus.b.pk})) == set()


def test_filter_by_the_migrant_status_of_the_participants(corpus):
    me = corpus.researcher_a
    assert titles(search(me, "зарплат*", {"migrant_status": [corpus.internal.pk]})) == {"Интервью в Бишкеке",
                                                                                       "receipt-scan.pdf"}
    assert titles(search(me, "ish haqi", {"migrant_status": [corpus.internal.pk]})) == set()
    assert titles(search(me, "ish haqi", {"migrant_status": [corpus.returned.pk, corpus.internal.pk]})) == {
        "Interview A1", "Suhbat Farg'onada"}


def test_the_migrant_status_filter_reads_her_status_as_it_is_now(corpus):
    corpus.a1.migrant_status = corpus.internal
    corpus.a1.save(update_fields=["migrant_status"])
    assert titles(search(corpus.researcher_a, "ish haqi", {"migrant_status": [corpus.internal.pk]})) == {
        "Interview A1", "Suhbat Farg'onada"}


def test_filter_by_violation_type_includes_the_narrower_types(corpus):
    me = corpus.researcher_a
    # The incident's act is "wages withheld", filed under "labour rights violations"; it cites uz_latin.
    for term in (corpus.wage_theft, corpus.labour):
        assert titles(search(me, "wages", {"violation_type": [term.pk]})) == {"Wages withheld at the market"}
        assert titles(search(me, "ish haqi", {"violation_type": [term.pk]})) == {"Suhbat Farg'onada"}
    assert titles(search(me, "wages", {"violation_type": [corpus.police.pk]})) == set()


def test_filter_by_date_range(corpus):
    me = corpus.researcher_a
    spring = Filters(date_from=datetime.date(2023, 4, 1), date_to=datetime.date(2023, 12, 31))
    assert titles(search(me, "ish haqi", spring)) == {"Suhbat Farg'onada"}
    assert titles(search(me, "ish haqi", {"date_to": datetime.date(2023, 3, 1)})) == {"Interview A1"}


def test_filter_by_language_and_kind(corpus):
    me = corpus.researcher_a
    assert titles(search(me, "ish haqi", {"language": "uz"})) == {"Interview A1", "Suhbat Farg'onada"}
    assert titles(search(me, "ish haqi", {"language": "ru"})) == set()
    assert titles(search(me, "wages", {"kind": "incident"})) == {"Wages withheld at the market"}
    assert titles(search(me, "wages", {"kind": "consultation"})) == {"Consultation in Ak-Zhar"}
    assert titles(search(me, "зарплат*", {"kind": "attachment"})) == {"receipt-scan.pdf"}


def test_filters_combine(corpus):
    me = corpus.researcher_a
    both = {"language": "uz", "date_from": datetime.date(2023, 4, 1), "migrant_status": [corpus.returned.pk]}
    results = search(me, "ish haqi", both)
    assert titles(results) == {"Suhbat Farg'onada"} and results.count == 1
