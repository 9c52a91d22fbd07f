"""Applying codes over HTTP: the browser's UTF-16 offsets land on the right words in every script, quoted words
work without JavaScript, and a coding can be changed and removed; double-coding rounds stay blind."""

import pytest
from django.urls import reverse

from ovoz.analysis.models import Coding, DoubleCoding
from ovoz.analysis.services.codings import coding_create
from ovoz.audit.models import AuditEntry
from tests.analysis.conftest import MULTI


def utf16(text: str, cp: int) -> int:
    return len(text[:cp].encode("utf-16-le")) // 2


def apply(client, source, **data):
    return client.post(reverse("analysis:coding_apply", args=[source.pk]), data)


@pytest.mark.parametrize("words", ["Иш ҳақи", "Oʻgʻil bolalar", "😔", "olmadi 😔 — g'alla", "g'alla", "Зарплату"])
def test_utf16_offsets_from_the_browser_code_exactly_the_selected_words(analysis, as_user, words):
    c = analysis
    start = MULTI.index(words)
    response = apply(as_user(c.researcher_a), c.s_multi, codes=[c.social.pk], units="utf16",
                     start=utf16(MULTI, start), end=utf16(MULTI, start + len(words)))
    assert response.status_code == 302
    coding = Coding.objects.get(source=c.s_multi, code=c.social)
    assert (coding.start, coding.end) == (start, start + len(words))
    assert coding.text() == words
    assert coding.coder == c.researcher_a


def test_a_selection_ending_inside_an_emoji_still_covers_the_whole_emoji(analysis, as_user):
    c = analysis
    at = utf16(MULTI, MULTI.index("😔"))
    apply(as_user(c.researcher_a), c.s_multi, codes=[c.social.pk], units="utf16", start=at, end=at + 1)
    assert Coding.objects.get(source=c.s_multi, code=c.social).text() == "😔"


def test_the_page_script_gets_the_transcript_back_to_swap_in(analysis, as_user):
    c = analysis
    words = "g'alla"
    start = MULTI.index(words)
    response = as_user(c.researcher_a).post(
        reverse("analysis:coding_apply", args=[c.s_multi.pk]),
        {"codes": [c.own_a.pk, c.social.pk], "units": "utf16", "start": utf16(MULTI, start),
         "end": utf16(MULTI, start + len(words))},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="coding-body"') and "<html" not in html
    assert "g&#x27;alla</mark>" in html
    assert Coding.objects.filter(source=c.s_multi, start=start, end=start + len(words)).count() == 2


def test_a_refused_selection_answers_a_sentence_to_the_script_and_stores_nothing(analysis, as_user):
    c = analysis
    before = Coding.objects.count()
    response = as_user(c.researcher_a).post(
        reverse("analysis:coding_apply", args=[c.s_multi.pk]),
        {"codes": [c.social.pk], "units": "utf16", "start": 5, "end": 10_000}, headers={"HX-Request": "true"},
    )
    assert response.status_code == 400
    assert "after the transcript" in response.content.decode()
    assert Coding.objects.count() == before


def test_quoted_words_are_found_and_an_ambiguous_phrase_asks_which_occurrence(analysis, as_user):
    from ovoz.evidence.models import Source

    c = analysis
    source = Source.objects.create(partnership=c.a, kind="interview", title="Twice",
                                   transcript="Он не платил. Потом опять не платил, и ещё.")
    source.participants.add(c.a1)
    client = as_user(c.researcher_a)
    response = apply(client, source, codes=[c.wage.pk], phrase="не платил")
    assert response.status_code == 400
    page = response.content.decode()
    assert "occur 2 times" in page and "опять <mark>не платил</mark>" in page
    assert not Coding.objects.filter(source=source).exists()
    assert apply(client, source, codes=[c.wage.pk], phrase="не платил", occurrence="2").status_code == 302
    coding = Coding.objects.get(source=source)
    assert coding.start == source.transcript.index("не платил", 5) and coding.text() == "не платил"


def test_positions_in_characters_work_without_javascript(analysis, as_user):
    c = analysis
    start = MULTI.index("Зарплату")
    assert apply(as_user(c.researcher_a), c.s_multi, codes=[c.social.pk], start=start,
                 end=start + 8).status_code == 302
    assert Coding.objects.get(source=c.s_multi, code=c.social).text() == "Зарплату"


def test_words_not_in_the_transcript_and_missing_codes_are_explained(analysis, as_user):
    c = analysis
    client = as_user(c.researcher_a)
    assert "not in the transcript" in apply(client, c.s_multi, codes=[c.wage.pk], phrase="nowhere").content.decode()
    assert "at least one code" in apply(client, c.s_multi, phrase="g'alla").content.decode()


def test_a_code_of_another_partnership_cannot_be_applied(analysis, as_user):
    c = analysis
    response = apply(as_user(c.researcher_a), c.s_multi, codes=[c.own_b.pk], phrase="g'alla")
    assert response.status_code == 400
    assert not Coding.objects.filter(code=c.own_b, source=c.s_multi).exists()


@pytest.mark.parametrize("who", ["researcher_b", "coordinator", "coresearcher_a", "viewer"])
def test_nobody_outside_the_team_can_code(analysis, as_user, who):
    c = analysis
    response = apply(as_user(getattr(c, who)), c.s_multi, codes=[c.wage.pk], phrase="g'alla")
    assert response.status_code == 404
    assert not Coding.objects.filter(source=c.s_multi, start=MULTI.index("g'alla")).exists()


def test_the_coordinator_cannot_code_even_a_shared_source(analysis, as_user):
    c = analysis
    assert apply(as_user(c.coordinator), c.s1, codes=[c.wage.pk], phrase="Иш").status_code == 404


def test_the_panel_lists_the_codings_on_a_passage_with_coder_and_actions(analysis, as_user):
    c = analysis
    url = reverse("analysis:coding_panel", args=[c.s_multi.pk, f"{c.coding_a.pk}"])
    page = as_user(c.researcher_a).get(url).content.decode()
    assert "Иш ҳақи тўланмади" in page and "Researcher of A" in page
    assert reverse("analysis:coding_remove", args=[c.coding_a.pk]) in page
    # Another partnership's coding cannot be slipped into the list.
    other = reverse("analysis:coding_panel", args=[c.s_multi.pk, f"{c.coding_b.pk}"])
    assert as_user(c.researcher_a).get(other).status_code == 404


def test_changing_a_codings_code_is_audited(analysis, as_user):
    c = analysis
    response = as_user(c.mentor_a).post(reverse("analysis:coding_change", args=[c.coding_a.pk]), {"code": c.own_a.pk})
    assert response.status_code == 302
    c.coding_a.refresh_from_db()
    assert c.coding_a.code == c.own_a
    assert AuditEntry.objects.filter(action="coding.update").exists()


def test_removing_a_coding_asks_first_then_removes_it(analysis, as_user):
    c = analysis
    client = as_user(c.researcher_a)
    url = reverse("analysis:coding_remove", args=[c.coding_a.pk])
    assert "Remove the coding" in client.get(url).content.decode()
    assert Coding.objects.filter(pk=c.coding_a.pk).exists()
    response = client.post(url, headers={"HX-Request": "true"})
    assert response.status_code == 200 and 'id="coding-body"' in response.content.decode()
    assert not Coding.objects.filter(pk=c.coding_a.pk).exists()
    assert AuditEntry.objects.filter(action="coding.delete").exists()


def test_another_partnerships_researcher_cannot_remove_or_change_a_coding(analysis, as_user):
    c = analysis
    client = as_user(c.researcher_b)
    assert client.post(reverse("analysis:coding_remove", args=[c.coding_a.pk])).status_code == 404
    change = reverse("analysis:coding_change", args=[c.coding_a.pk])
    assert client.post(change, {"code": c.social.pk}).status_code == 404
    assert Coding.objects.filter(pk=c.coding_a.pk, code=c.wage).exists()


# --- double-coding rounds ---------------------------------------------------------------------------------


@pytest.fixture
def in_round(analysis):
    c = analysis
    c.round = DoubleCoding.objects.create(source=c.s_multi, coder_a=c.researcher_a, coder_b=c.mentor_a)
    c.mine = coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.social], start=19, end=25,
                           double_coding=c.round)[0]
    c.theirs = coding_create(actor=c.mentor_a, source=c.s_multi, codes=[c.own_a], start=50, end=56,
                             double_coding=c.round)[0]
    return c


def test_a_coder_of_a_running_round_is_offered_to_code_in_it(in_round, as_user):
    c = in_round
    page = as_user(c.researcher_a).get(reverse("analysis:coding", args=[c.s_multi.pk])).content.decode()
    assert f"?round={c.round.pk}" in page
    # Outside the round the page shows the ordinary codings, not the round's drafts.
    assert f'data-c="{c.coding_a.pk}"' in page and f'data-c="{c.mine.pk}"' not in page


def test_in_a_round_each_coder_sees_only_her_own_round_codings(in_round, as_user):
    c = in_round
    page = as_user(c.researcher_a).get(reverse("analysis:coding", args=[c.s_multi.pk]),
                                       {"round": c.round.pk}).content.decode()
    assert f'data-c="{c.mine.pk}"' in page
    assert f'data-c="{c.theirs.pk}"' not in page and f'data-c="{c.coding_a.pk}"' not in page


def test_codes_posted_in_a_round_belong_to_the_round(in_round, as_user):
    c = in_round
    start = MULTI.index("Зарплату")
    response = as_user(c.mentor_a).post(
        reverse("analysis:coding_apply", args=[c.s_multi.pk]) + f"?round={c.round.pk}",
        {"codes": [c.wage.pk], "units": "utf16", "start": utf16(MULTI, start), "end": utf16(MULTI, start + 8),
         "round": c.round.pk},
    )
    assert response.status_code == 302 and f"round={c.round.pk}" in response["Location"]
    coding = Coding.objects.get(source=c.s_multi, start=start)
    assert coding.double_coding == c.round and coding.coder == c.mentor_a


def test_someone_who_is_not_a_coder_of_the_round_cannot_use_it(in_round, as_user):
    from tests.conftest import make_user

    c = in_round
    from ovoz.programmes.models import Membership

    other = make_user("another_researcher_a")
    Membership.objects.create(user=other, programme=c.programme, partnership=c.a, role="researcher")
    client = as_user(other)
    assert client.get(reverse("analysis:coding", args=[c.s_multi.pk]), {"round": c.round.pk}).status_code == 404
    response = apply(client, c.s_multi, codes=[c.wage.pk], phrase="g'alla", round=c.round.pk)
    assert response.status_code == 404


def test_a_coder_who_finished_the_round_cannot_code_in_it_any_more(in_round, as_user):
    from django.utils import timezone

    c = in_round
    c.round.finished_a_at = timezone.now()
    c.round.save()
    client = as_user(c.researcher_a)
    page = client.get(reverse("analysis:coding", args=[c.s_multi.pk]), {"round": c.round.pk}).content.decode()
    assert 'id="coding-picker"' not in page
    response = apply(client, c.s_multi, codes=[c.wage.pk], phrase="g'alla", round=c.round.pk)
    assert response.status_code == 400 and "finished" in response.content.decode()


def test_the_script_gets_only_the_recut_window_which_matches_the_whole_page(analysis, as_user):
    """After a coding the page's script swaps only the pieces around the selection; they must be exactly the
    pieces a full render of the page has there."""
    import re

    c = analysis
    coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.own_a], start=MULTI.index("Oʻgʻil"),
                  end=MULTI.index("olmadi"))
    client = as_user(c.researcher_a)
    words = "bolalar ish haqi olmadi 😔"
    start = MULTI.index(words)
    # The pieces on the page before: cut at 0, 17 (coding_a), the own_a coding's start and end, and the end.
    lo, hi = MULTI.index("Oʻgʻil"), len(MULTI)
    response = client.post(
        reverse("analysis:coding_apply", args=[c.s_multi.pk]),
        {"codes": [c.social.pk], "units": "utf16", "start": utf16(MULTI, start),
         "end": utf16(MULTI, start + len(words)), "window_start": utf16(MULTI, lo), "window_end": utf16(MULTI, hi)},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    answer = response.json()
    assert answer["window"] == [utf16(MULTI, lo), utf16(MULTI, hi)]
    assert "😔</mark>" in answer["html"] and 'class="cd k' in answer["html"]
    assert answer["margin"].startswith(f'<li data-span="{start}-{start + len(words)}"')
    assert "3 codings." in answer["legend"]
    page = client.get(reverse("analysis:coding", args=[c.s_multi.pk])).content.decode()
    whole = re.search(r'<div id="transcript"[^>]*>(.*?)</div>', page, re.S).group(1)
    assert whole.endswith(answer["html"])


def test_a_window_that_does_not_hold_the_selection_gets_the_whole_transcript(analysis, as_user):
    c = analysis
    response = as_user(c.researcher_a).post(
        reverse("analysis:coding_apply", args=[c.s_multi.pk]),
        {"codes": [c.social.pk], "units": "utf16", "start": 30, "end": 40, "window_start": 0, "window_end": 17},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and 'id="coding-body"' in response.content.decode()
