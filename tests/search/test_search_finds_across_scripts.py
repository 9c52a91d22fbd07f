"""What a search finds: the same words in any script, phrases, prefixes, exclusions, every kind of text."""

from ovoz.search.engine import search
from tests.search.conftest import titles


def test_ish_haqi_in_cyrillic_finds_the_transcript_written_in_latin_and_the_other_way_round(corpus):
    me = corpus.researcher_a
    assert titles(search(me, "иш ҳақи")) == {"Interview A1", "Suhbat Farg'onada"}
    assert titles(search(me, "ish haqi")) == {"Interview A1", "Suhbat Farg'onada"}
    assert titles(search(me, "Ish Haqi")) == titles(search(me, "ИШ ҲАҚИ"))


def test_russian_case_and_yo_do_not_matter(corpus):
    me = corpus.researcher_a
    assert titles(search(me, "работодатель")) == {"Интервью в Бишкеке"}
    assert titles(search(me, "ЕЕ паспорт")) == {"Интервью в Бишкеке"}
    assert titles(search(me, "её")) == {"Интервью в Бишкеке"}


def test_a_phrase_finds_the_words_together_and_in_order_only(corpus):
    me = corpus.researcher_a
    assert titles(search(me, '"ish haqi"')) == {"Interview A1", "Suhbat Farg'onada"}
    assert titles(search(me, '"haqi ish"')) == set()
    assert titles(search(me, '"выплатил зарплату"')) == {"Интервью в Бишкеке"}
    assert titles(search(me, '"зарплату выплатил"')) == set()


def test_a_prefix_finds_every_ending(corpus):
    me = corpus.researcher_a
    assert titles(search(me, "зарплат*")) == {"Интервью в Бишкеке", "receipt-scan.pdf"}
    assert titles(search(me, "зарплату")) == {"Интервью в Бишкеке"}


def test_a_word_with_a_minus_is_left_out(corpus):
    me = corpus.researcher_a
    assert titles(search(me, "ish haqi -pasportimni")) == {"Interview A1"}


def test_kyrgyz_and_tajik_are_found_from_latin_too(corpus):
    me = corpus.researcher_a
    assert titles(search(me, "emgek akymdy")) == {"Маек Ошто"}
    assert titles(search(me, "Xujand")) == {"Суҳбат дар Хуҷанд"}
    assert titles(search(me, "шиносномаамро")) == {"Суҳбат дар Хуҷанд"}


def test_consultation_notes_outcomes_incident_narratives_and_attached_files_are_searched(corpus):
    me = corpus.researcher_a
    assert titles(search(me, "complaint inspection")) == {"Consultation in Ak-Zhar"}
    assert titles(search(me, "wages")) == {"Consultation in Ak-Zhar", "Wages withheld at the market"}
    assert titles(search(me, "расписка")) == {"receipt-scan.pdf"}
    kinds = {h.object_type for h in search(me, "wages").hits}
    assert kinds == {"source", "incident"}


def test_titles_are_searched_and_rank_first(corpus):
    results = search(corpus.researcher_a, "market")
    assert [h.obj.title for h in results.hits] == ["Wages withheld at the market"]


def test_nothing_typed_finds_nothing_and_costs_no_query(corpus, django_assert_num_queries):
    with django_assert_num_queries(0):
        results = search(corpus.researcher_a, "  !! ")
    assert results.count == 0 and results.hits == [] and not results.query


def test_the_count_and_pages_are_those_of_the_whole_result(corpus):
    me = corpus.researcher_a
    everything = search(me, "ish haqi OR", per_page=1)  # "or" is a word like any other: nothing has it
    assert everything.count == 0
    first = search(me, "ish haqi", page=1, per_page=1)
    second = search(me, "ish haqi", page=2, per_page=1)
    beyond = search(me, "ish haqi", page=99, per_page=1)
    assert first.count == second.count == 2
    assert first.page.paginator.num_pages == 2
    assert {first.hits[0].obj.title, second.hits[0].obj.title} == {"Interview A1", "Suhbat Farg'onada"}
    assert beyond.page.number == 2 and beyond.hits[0].obj.title == second.hits[0].obj.title


def test_the_best_matches_come_first_and_past_the_rank_limit_the_newest(corpus, monkeypatch):
    from ovoz.search import engine
    from tests.search.conftest import source

    me = corpus.researcher_a
    source(corpus.a, "Once", "Паспорт.", participants=[corpus.a1], date=engine.datetime.date(2024, 5, 1))
    source(corpus.a, "Thrice паспорт", "Паспорт, паспорт, паспорт.", participants=[corpus.a1],
           date=engine.datetime.date(2022, 1, 1))
    best = search(me, "паспорт")
    assert best.order == "relevance" and best.hits[0].obj.title == "Thrice паспорт"
    newest = search(me, "паспорт", order="newest")
    assert newest.order == "newest" and newest.hits[0].obj.title == "Once"
    monkeypatch.setattr(engine, "RANK_LIMIT", 2)
    crowded = search(me, "паспорт", per_page=2, page=2)
    assert crowded.order == "newest" and crowded.count == 3
    assert [h.obj.title for h in crowded.hits] == [h.obj.title for h in search(me, "паспорт", order="newest").hits[2:]]
    forced = search(me, "паспорт", order="relevance")
    assert forced.order == "relevance" and forced.hits[0].obj.title == "Thrice паспорт"
