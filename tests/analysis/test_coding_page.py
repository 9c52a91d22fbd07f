"""The coding page: the transcript with its coded stretches marked, the margin, filters, and who sees what."""

import html as html_lib
import re

import pytest
from django.urls import reverse

from ovoz.analysis.models import Coding
from ovoz.analysis.services.codings import coding_create
from ovoz.analysis.views.coding_render import Span, segments, transcript_html
from tests.analysis.conftest import MULTI


def page_of(client, source, **params):
    return client.get(reverse("analysis:coding", args=[source.pk]), params)


def transcript_part(html: str) -> str:
    return re.search(r'<div id="transcript"[^>]*>(.*?)</div>', html, re.S).group(1)


def test_a_researcher_sees_the_transcript_with_her_coding_marked(analysis, as_user):
    c = analysis
    response = page_of(as_user(c.researcher_a), c.s_multi)
    assert response.status_code == 200
    html = response.content.decode()
    part = transcript_part(html)
    assert f'<mark class="cd k{c.wage.pk}" data-c="{c.coding_a.pk}" id="at-0">Иш ҳақи тўланмади</mark>' in part
    # The marks add no characters: the transcript's text is exactly the stored text.
    assert html_lib.unescape(re.sub(r"<[^>]+>", "", part)) == MULTI
    assert c.wage.name_en in html  # the code list and the margin


def test_the_transcript_is_cut_at_every_boundary_and_overlaps_are_marked(analysis):
    spans = [Span(1, 0, 10, 7), Span(2, 5, 15, 8), Span(3, 5, 8, 9)]
    pieces = segments(20, spans)
    assert [(a, b, [s.pk for s in cov]) for a, b, cov in pieces] == [
        (0, 5, [1]), (5, 8, [1, 2, 3]), (8, 10, [1, 2]), (10, 15, [2]), (15, 20, []),
    ]
    html = transcript_html("abcdefghijklmnopqrst", spans)
    # The innermost (latest started, shortest) coding gives the colour; overlaps get the striped class.
    assert '<mark class="cd k9 ov" data-c="1 2 3" id="at-5">fgh</mark>' in html
    assert '<mark class="cd k7" data-c="1" id="at-0">abcde</mark>' in html


def test_text_is_escaped_and_carriage_returns_survive_html_parsing():
    html = transcript_html("<b>\r\nx</b>", [Span(1, 0, 3, 1)])
    assert "<b>" not in html
    assert '<mark class="cd k1" data-c="1" id="at-0">&lt;b&gt;</mark>&#13;\nx&lt;/b&gt;' in html


def test_the_view_filters_by_code_and_by_coder(analysis, as_user):
    c = analysis
    social = coding_create(actor=c.mentor_a, source=c.s_multi, codes=[c.social], start=19, end=25)[0]
    client = as_user(c.researcher_a)
    part = transcript_part(page_of(client, c.s_multi, code=c.social.pk).content.decode())
    assert f'data-c="{social.pk}"' in part and f'data-c="{c.coding_a.pk}"' not in part
    part = transcript_part(page_of(client, c.s_multi, coder=c.researcher_a.pk).content.decode())
    assert f'data-c="{social.pk}"' not in part and f'data-c="{c.coding_a.pk}"' in part
    html = page_of(client, c.s_multi, coder=c.researcher_a.pk).content.decode()
    assert "Showing 1 of 2 codings." in html


def test_the_coordinator_reads_a_shared_source_but_gets_no_code_form(analysis, as_user):
    c = analysis
    coding_create(actor=c.researcher_a, source=c.s1, codes=[c.wage], start=0, end=3)
    html = page_of(as_user(c.coordinator), c.s1).content.decode()
    assert "<mark" in html
    assert 'id="coding-picker"' not in html
    assert as_user(c.coordinator).get(reverse("analysis:coding_apply", args=[c.s1.pk])).status_code == 404


@pytest.mark.parametrize("who", ["researcher_b", "coordinator", "coresearcher_a", "viewer", "outsider"])
def test_people_outside_the_team_get_404_on_an_unshared_source(analysis, as_user, who):
    c = analysis
    assert page_of(as_user(getattr(c, who)), c.s_multi).status_code == 404


def test_a_source_whose_participant_refused_analysis_cannot_be_opened_for_coding(analysis, as_user):
    c = analysis
    assert page_of(as_user(c.researcher_a), c.s_refused).status_code == 404


def test_the_analysis_home_links_to_the_coding_page(analysis, as_user):
    c = analysis
    html = as_user(c.researcher_a).get(reverse("analysis:index")).content.decode()
    assert reverse("analysis:coding", args=[c.s_multi.pk]) in html


def test_a_big_coded_transcript_opens_without_a_query_per_coding(analysis, as_user, django_assert_max_num_queries):
    from ovoz.evidence.models import Source

    c = analysis
    text = ("Зарплату не платили 😔 три месяца. Oʻgʻil g'alla. " * 400)
    source = Source.objects.create(partnership=c.a, kind="interview", title="Long", transcript=text)
    source.participants.add(c.a1)
    Coding.objects.bulk_create(
        Coding(source=source, code=[c.wage, c.social, c.own_a][i % 3], start=i * 7, end=i * 7 + 40,
               coder=c.researcher_a)
        for i in range(500)
    )
    client = as_user(c.researcher_a)
    with django_assert_max_num_queries(25):
        response = page_of(client, source)
    assert response.status_code == 200
    assert response.content.decode().count('<mark class="cd') >= 500
