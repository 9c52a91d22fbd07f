"""The search page: one box, filters, marked results, pages, in her language; only for those who may search."""

import pytest
from django.urls import reverse

from tests.search.conftest import source

URL = reverse("search:search")


def test_a_researcher_searches_in_one_box_and_sees_the_matches_marked(corpus, as_user):
    response = as_user(corpus.researcher_a).get(URL, {"q": "ish haqi"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "2 results" in body
    assert "<mark>Иш</mark> <mark>ҳақи</mark> тўланмади." in body
    assert "Suhbat Farg&#x27;onada" in body or "Suhbat Farg'onada" in body
    assert "Interview B1" not in body and "Suhbat B" not in body


def test_the_page_without_a_query_shows_the_box_and_the_filters(corpus, as_user):
    body = as_user(corpus.mentor_a).get(URL).content.decode()
    assert 'name="q"' in body and 'name="migrant_status"' in body and "Returned migrant" in body
    assert 'class="hits"' not in body


def test_only_her_partnerships_are_offered_as_filters(corpus, as_user):
    body = as_user(corpus.coordinator).get(URL).content.decode()
    assert "Partner A (Kyrgyzstan)" in body and "Partner B (Tajikistan)" in body
    # One partnership, one country: nothing to choose, so no such filter.
    body = as_user(corpus.researcher_a).get(URL).content.decode()
    assert 'name="partnership"' not in body and 'name="country"' not in body and "Partner B" not in body


def test_filters_narrow_the_results(corpus, as_user):
    client = as_user(corpus.researcher_a)
    body = client.get(URL, {"q": "ish haqi", "date_from": "2023-04-01"}).content.decode()
    assert "1 result" in body and "Interview A1" not in body
    body = client.get(URL, {"q": "wages", "kind": "incident"}).content.decode()
    assert "withheld at the market" in body and "Consultation in Ak-Zhar" not in body


def test_a_period_that_ends_before_it_starts_is_refused_with_a_clear_message(corpus, as_user):
    body = as_user(corpus.researcher_a).get(
        URL, {"q": "ish", "date_from": "2024-01-01", "date_to": "2023-01-01"}).content.decode()
    assert "The end of the period is before its start." in body and 'class="hits"' not in body


def test_a_choice_she_may_not_make_is_refused(corpus, as_user):
    from ovoz.accounts.models import Organisation
    from ovoz.programmes.models import Partnership

    elsewhere = Partnership.objects.create(programme=corpus.other_programme, country="UZ",
                                           organisation=Organisation.objects.create(name="Partner C"))
    body = as_user(corpus.coordinator).get(URL, {"q": "ish", "partnership": elsewhere.pk}).content.decode()
    assert "Select a valid choice" in body and 'class="hits"' not in body
    body = as_user(corpus.researcher_a).get(URL, {"q": "ish haqi", "partnership": corpus.b.pk}).content.decode()
    assert "Suhbat B" not in body


def test_typing_nothing_searchable_says_so(corpus, as_user):
    body = as_user(corpus.researcher_a).get(URL, {"q": "!!!"}).content.decode()
    assert "Type at least one word with letters or digits." in body


def test_live_results_come_as_a_fragment_for_htmx(corpus, as_user):
    response = as_user(corpus.researcher_a).get(URL, {"q": "ish haqi"}, HTTP_HX_REQUEST="true",
                                                HTTP_HX_TARGET="results")
    body = response.content.decode()
    assert "<mark>" in body and "<html" not in body and 'name="q"' not in body


def test_results_are_paged(corpus, as_user):
    for i in range(25):
        source(corpus.a, f"Extra {i:02d}", "Ish haqi berilmadi.", participants=[corpus.a1])
    client = as_user(corpus.researcher_a)
    first = client.get(URL, {"q": "ish haqi"}).content.decode()
    assert "27 results" in first and "Page 1 of 2" in first and "q=ish+haqi&amp;page=2" in first
    second = client.get(URL, {"q": "ish haqi", "page": "2"}).content.decode()
    assert "Page 2 of 2" in second and second.count('class="hit card"') == 7


def test_the_page_costs_a_bounded_number_of_queries(corpus, as_user, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_user(corpus.researcher_a)
    client.get(URL, {"q": "ish haqi"})
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {"q": "ish haqi"})  # 2 hits
    for i in range(25):
        source(corpus.a, f"Extra {i:02d}", "Ish haqi berilmadi.", participants=[corpus.a1])
    with django_assert_max_num_queries(len(few)):  # 20 hits on the page: nothing is read hit by hit
        assert client.get(URL, {"q": "ish haqi"}).status_code == 200


def test_the_page_speaks_her_language(corpus, as_user):
    corpus.researcher_a.language = "ru"
    corpus.researcher_a.save(update_fields=["language"])
    body = as_user(corpus.researcher_a).get(URL, {"q": "ish haqi"}).content.decode()
    assert '<html lang="ru">' in body
    assert "Returned migrant (ru)" in body  # vocabularies in her language
    assert "<mark>Иш</mark>" in body


@pytest.mark.parametrize("person", ["coresearcher_a", "viewer", "outsider"])
def test_people_who_may_not_search_evidence_get_404(corpus, as_user, person):
    assert as_user(getattr(corpus, person)).get(URL, {"q": "ish haqi"}).status_code == 404


def test_signing_in_comes_first(corpus, client):
    response = client.get(URL, {"q": "ish haqi"})
    assert response.status_code == 302 and "/auth/login/" in response["Location"]
