"""The suggestion pages: train with the measures shown, suggest on a transcript, accept or reject one by one
(htmx) or in bulk, and nobody outside the partnership's team reaches any of it."""

import pytest
from django.urls import reverse

from ovoz.analysis.models import Coding, Suggestion
from ovoz.analysis.services.suggestions import suggestions_run, suggestions_train
from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import Source
from tests.analysis.suggestions_corpus import add_coded_sources, corpus

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def coded(analysis):
    analysis.corpus_sources = add_coded_sources(analysis, 30)
    text, _spans = corpus(1, seed=42)[0]
    analysis.fresh = Source.objects.create(partnership=analysis.a, kind="interview", title="Fresh interview",
                                           transcript=text)
    analysis.fresh.participants.add(analysis.a1)
    return analysis


@pytest.fixture
def suggested(coded):
    suggestions_train(actor=coded.researcher_a, programme=coded.programme, partnership=coded.a)
    coded.made = suggestions_run(actor=coded.researcher_a, source=coded.fresh)
    assert coded.made
    return coded


def test_a_researcher_trains_and_sees_the_held_out_measures_beside_the_baseline(coded, as_user):
    client = as_user(coded.researcher_a)
    page = client.get(reverse("analysis:suggestions_partnership", args=[coded.a.pk]))
    assert page.status_code == 200 and "Training…" in page.content.decode()
    response = client.post(reverse("analysis:suggestions_train_partnership", args=[coded.a.pk]), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and 'id="latest-run"' in html
    assert "Measured on held-out codings" in html and "Keyword baseline" in html and "Police extortion" in html
    page = client.get(reverse("analysis:suggestions_partnership", args=[coded.a.pk])).content.decode()
    assert "Measured on held-out codings" in page and "Fresh interview" in page
    assert coded.a.organisation.name in client.get(reverse("analysis:suggestions")).content.decode()


def test_training_with_too_few_codings_says_why(analysis, as_user):
    response = as_user(analysis.researcher_a).post(
        reverse("analysis:suggestions_train_partnership", args=[analysis.a.pk]), follow=True)
    assert "code more transcripts first" in response.content.decode()


def test_the_review_page_shows_each_sentence_with_its_codes_and_confidence(
    suggested, as_user, django_assert_max_num_queries
):
    client = as_user(suggested.researcher_a)
    url = reverse("analysis:suggestions_source", args=[suggested.fresh.pk])
    with django_assert_max_num_queries(20):
        html = client.get(url).content.decode()
    first = suggested.made[0]
    assert suggested.fresh.transcript[first.start:first.end] in html
    assert "<meter" in html and "Measured on held-out codings" in html


def test_accepting_a_suggestion_codes_exactly_its_sentence(suggested, as_user):
    s = suggested.made[0]
    response = as_user(suggested.researcher_a).post(reverse("analysis:suggestion_accept", args=[s.pk]), **HTMX)
    assert response.status_code == 200 and f'id="suggestion-{s.pk}"' in response.content.decode()
    s.refresh_from_db()
    assert s.status == "accepted" and s.decided_by == suggested.researcher_a and s.coding_id
    coding = Coding.objects.get(pk=s.coding_id)
    assert coding.code_id == s.code_id and coding.coder == suggested.researcher_a
    assert coding.text() == suggested.fresh.transcript[s.start:s.end]
    assert coding.text().endswith((".", "!", "…", "?"))
    assert AuditEntry.objects.filter(action="suggestion.accept", object_id=str(s.pk)).exists()
    assert AuditEntry.objects.filter(action="coding.create", object_id=str(coding.pk)).exists()
    # Deciding twice is refused, and nothing changes.
    again = as_user(suggested.researcher_a).post(reverse("analysis:suggestion_accept", args=[s.pk]), **HTMX)
    assert "already been decided" in again.content.decode()
    assert Coding.objects.filter(source=suggested.fresh).count() == 1


def test_rejecting_one_and_accepting_the_rest_in_bulk(suggested, as_user):
    client = as_user(suggested.researcher_a)
    first, *rest = suggested.made
    client.post(reverse("analysis:suggestion_reject", args=[first.pk]))
    assert Suggestion.objects.get(pk=first.pk).status == "rejected"
    assert AuditEntry.objects.filter(action="suggestion.reject", object_id=str(first.pk)).exists()
    response = client.post(reverse("analysis:suggestions_source_bulk", args=[suggested.fresh.pk]),
                           {"decision": "accept", "min_confidence": "0"}, follow=True)
    assert response.status_code == 200
    assert Suggestion.objects.filter(source=suggested.fresh, status="accepted").count() == len(rest)
    assert Coding.objects.filter(source=suggested.fresh).count() == len({(s.start, s.end, s.code_id) for s in rest})
    assert Suggestion.objects.get(pk=first.pk).status == "rejected"


def test_suggest_button_replaces_pending_suggestions(suggested, as_user):
    response = as_user(suggested.researcher_a).post(
        reverse("analysis:suggestions_source_run", args=[suggested.fresh.pk]), follow=True)
    assert "codes suggested" in response.content.decode() or "code suggested" in response.content.decode()
    assert Suggestion.objects.filter(source=suggested.fresh, status="pending").count() == len(suggested.made)


def test_researcher_b_and_the_coordinator_cannot_reach_partner_as_suggestions(suggested, as_user):
    s = suggested.made[0]
    for user in (suggested.researcher_b, suggested.coordinator, suggested.coresearcher_a, suggested.viewer):
        client = as_user(user)
        assert client.get(reverse("analysis:suggestions_partnership", args=[suggested.a.pk])).status_code == 404
        assert client.post(reverse("analysis:suggestions_train_partnership",
                                   args=[suggested.a.pk])).status_code == 404
        assert client.get(reverse("analysis:suggestions_source", args=[suggested.fresh.pk])).status_code == 404
        assert client.post(reverse("analysis:suggestion_accept", args=[s.pk])).status_code == 404
        assert client.post(reverse("analysis:suggestion_reject", args=[s.pk])).status_code == 404
    assert Suggestion.objects.get(pk=s.pk).status == "pending"
    # B's own page lists B's classifier, not A's.
    html = as_user(suggested.researcher_b).get(reverse("analysis:suggestions")).content.decode()
    assert suggested.b.organisation.name in html and suggested.a.organisation.name not in html


def test_no_suggestion_is_made_or_shown_on_a_source_whose_participant_refused_analysis(suggested, as_user):
    refused = suggested.s_refused
    client = as_user(suggested.researcher_a)
    assert client.get(reverse("analysis:suggestions_source", args=[refused.pk])).status_code == 404
    assert client.post(reverse("analysis:suggestions_source_run", args=[refused.pk])).status_code == 404
    hidden = Suggestion.objects.create(source=refused, code=suggested.wage, start=0, end=5, confidence=0.9)
    assert client.post(reverse("analysis:suggestion_accept", args=[hidden.pk])).status_code == 404
    assert not Coding.objects.filter(source=refused).exists()
