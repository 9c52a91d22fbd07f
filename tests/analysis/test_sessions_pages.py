"""Participatory sessions through HTTP: the team prepares anonymised excerpts, the invited co-researcher reads
them in the room and records the group's reading, and sees nothing else of the evidence."""

import datetime

import pytest
from django.urls import reverse

from ovoz.analysis.models import Excerpt, Memo, ParticipatorySession
from ovoz.analysis.services.sessions import excerpt_add, session_create, session_open
from ovoz.evidence.services.consent import consent_withdraw


@pytest.fixture
def session(analysis):
    c = analysis
    c.session = session_create(actor=c.researcher_a, partnership=c.a, title="Reading wages",
                               co_researchers=[c.coresearcher_a])
    c.excerpt = excerpt_add(actor=c.researcher_a, session=c.session, source=c.s_multi, start=0, end=17)
    return c


def test_a_researcher_creates_a_session_and_invites_her_co_researcher(analysis, as_user):
    c = analysis
    response = as_user(c.researcher_a).post(reverse("analysis:session_create", args=[c.a.pk]), {
        "title": "First reading", "date": "2023-05-02", "place": "Community centre",
        "facilitator": c.researcher_a.pk, "co_researchers": [c.coresearcher_a.pk]})
    session = ParticipatorySession.objects.get(title="First reading")
    assert response.status_code == 302 and response["Location"] == reverse("analysis:session_prepare",
                                                                            args=[session.pk])
    assert list(session.co_researchers.all()) == [c.coresearcher_a]
    assert session.status == ParticipatorySession.Status.PREPARING and session.date == datetime.date(2023, 5, 2)


def test_only_co_researchers_of_the_same_partnership_can_be_invited(analysis, as_user):
    c = analysis
    response = as_user(c.researcher_a).post(reverse("analysis:session_create", args=[c.a.pk]), {
        "title": "Bad invitation", "co_researchers": [c.researcher_b.pk]})
    assert response.status_code == 400 and not ParticipatorySession.objects.filter(title="Bad invitation").exists()


def test_excerpts_are_added_from_a_coding_or_a_stretch_of_a_source(session, as_user):
    c = session
    client = as_user(c.researcher_a)
    url = reverse("analysis:excerpt_add", args=[c.session.pk])
    client.post(url, {"coding": c.coding_a.pk})
    client.post(url, {"source": c.s_multi.pk, "start": 19, "end": 30})
    texts = list(c.session.excerpts.order_by("order").values_list("text", flat=True))
    assert texts == ["Иш ҳақи тўланмади", "Иш ҳақи тўланмади", "Oʻgʻil bola"]


def test_an_excerpt_cannot_come_from_a_source_without_consent_or_of_another_partnership(session, as_user):
    c = session
    client = as_user(c.researcher_a)
    url = reverse("analysis:excerpt_add", args=[c.session.pk])
    client.post(url, {"source": c.s_refused.pk, "start": 0, "end": 5})
    client.post(url, {"coding": c.coding_b.pk})
    assert c.session.excerpts.count() == 1


def test_the_prepare_page_lists_a_codes_codings_to_pick_from(session, as_user):
    c = session
    page = as_user(c.researcher_a).get(reverse("analysis:session_prepare", args=[c.session.pk]),
                                       {"code": c.wage.pk})
    assert [coding.pk for coding in page.context["picked"]] == [c.coding_a.pk]


def test_the_researcher_is_warned_when_an_excerpt_still_names_a_participant(session, as_user):
    c = session
    client = as_user(c.researcher_a)
    response = client.post(reverse("analysis:excerpt_edit", args=[c.excerpt.pk]),
                           {f"e{c.excerpt.pk}-text": f"{c.a1.code} said: Gulmira was not paid."}, follow=True)
    page = response.content.decode()
    assert f"participant codes: {c.a1.code}" in page
    assert "a word of a participant&#x27;s registered name" in page
    assert "Secretname" not in page  # the warning never shows the name itself
    # A warning, not a block: the text is saved, so the researcher can fix it.
    c.excerpt.refresh_from_db()
    assert c.excerpt.text.startswith(c.a1.code)


def test_the_co_researcher_reads_only_the_anonymised_excerpts_in_the_room(session, as_user):
    c = session
    client = as_user(c.researcher_a)
    client.post(reverse("analysis:excerpt_edit", args=[c.excerpt.pk]),
                {f"e{c.excerpt.pk}-text": "[Name] was not paid for months."})
    assert as_user(c.coresearcher_a).get(reverse("analysis:session_room", args=[c.session.pk])).status_code == 404
    as_user(c.researcher_a).post(reverse("analysis:session_status", args=[c.session.pk]), {"action": "open"})
    room = as_user(c.coresearcher_a).get(reverse("analysis:session_room", args=[c.session.pk]))
    page = room.content.decode()
    assert room.status_code == 200 and "[Name] was not paid for months." in page
    assert "Multi-script" not in page and c.a1.code not in page and "Иш ҳақи" not in page


def test_the_co_researcher_gets_404_on_every_page_that_shows_evidence(session, as_user):
    c = session
    session_open(actor=c.researcher_a, session=c.session)
    client = as_user(c.coresearcher_a)
    for url in (
        reverse("evidence:source_detail", args=[c.s_multi.pk]),
        reverse("evidence:source_list", args=[c.a.pk]),
        reverse("analysis:codebook", args=[c.programme.pk]),
        reverse("analysis:code_detail", args=[c.wage.pk]),
        reverse("analysis:memo_list", args=[c.programme.pk]),
        reverse("analysis:session_prepare", args=[c.session.pk]),
        reverse("analysis:session_edit", args=[c.session.pk]),
        reverse("analysis:excerpt_remove", args=[c.excerpt.pk]),
        reverse("analysis:memo_create") + f"?source={c.s_multi.pk}",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("analysis:excerpt_add", args=[c.session.pk]),
                       {"coding": c.coding_a.pk}).status_code == 404
    # The analysis home lists no source for her.
    assert "Multi-script" not in client.get(reverse("analysis:index")).content.decode()


def test_the_group_records_its_reading_as_memos_in_the_open_room(session, as_user):
    c = session
    session_open(actor=c.researcher_a, session=c.session)
    url = reverse("analysis:session_room_memo", args=[c.session.pk])
    co = as_user(c.coresearcher_a)
    co.post(url, {"excerpt": c.excerpt.pk, "text": "We all know this: wages come late."})
    co.post(url, {"text": "The group asked for a meeting with the employer."})
    on_excerpt = Memo.objects.get(text__startswith="We all know")
    assert on_excerpt.session == c.session and on_excerpt.excerpt == c.excerpt and on_excerpt.author == c.coresearcher_a
    room = as_user(c.researcher_a).get(reverse("analysis:session_room", args=[c.session.pk])).content.decode()
    assert "wages come late" in room and "meeting with the employer" in room


def test_no_memo_is_written_in_a_room_that_is_not_open(session, as_user):
    c = session
    url = reverse("analysis:session_room_memo", args=[c.session.pk])
    as_user(c.researcher_a).post(url, {"text": "Too early."})
    session_open(actor=c.researcher_a, session=c.session)
    as_user(c.researcher_a).post(reverse("analysis:session_status", args=[c.session.pk]), {"action": "close"})
    as_user(c.coresearcher_a).post(url, {"text": "Too late."})
    assert not Memo.objects.filter(session=c.session).exists()
    room = as_user(c.coresearcher_a).get(reverse("analysis:session_room", args=[c.session.pk]))
    assert room.status_code == 200 and room.context["can_write"] is False


def test_coordinators_never_see_or_open_sessions(session, as_user):
    c = session
    client = as_user(c.coordinator)
    assert client.post(reverse("analysis:session_status", args=[c.session.pk]), {"action": "open"}).status_code == 404
    assert client.get(reverse("analysis:session_room", args=[c.session.pk])).status_code == 404
    assert client.get(reverse("analysis:session_prepare", args=[c.session.pk])).status_code == 404
    c.session.refresh_from_db()
    assert c.session.status == ParticipatorySession.Status.PREPARING
    assert "Reading wages" not in client.get(reverse("analysis:session_list")).content.decode()


def test_the_other_partnership_gets_404_on_a_session(session, as_user):
    c = session
    session_open(actor=c.researcher_a, session=c.session)
    client = as_user(c.researcher_b)
    for name in ("session_prepare", "session_room", "session_edit"):
        assert client.get(reverse(f"analysis:{name}", args=[c.session.pk])).status_code == 404
    assert client.post(reverse("analysis:session_room_memo", args=[c.session.pk]), {"text": "x"}).status_code == 404
    assert client.post(reverse("analysis:excerpt_move", args=[c.excerpt.pk]), {"to": "up"}).status_code == 404
    assert as_user(c.researcher_b).get(reverse("analysis:session_create", args=[c.a.pk])).status_code == 404


def test_an_excerpt_leaves_the_room_when_its_participant_withdraws_consent(session, as_user):
    c = session
    excerpt_add(actor=c.researcher_a, session=c.session, source=c.s1, start=0, end=7)
    session_open(actor=c.researcher_a, session=c.session)
    co = as_user(c.coresearcher_a)
    co.post(reverse("analysis:session_room_memo", args=[c.session.pk]),
            {"excerpt": c.excerpt.pk, "text": "Reading of the first excerpt."})
    consent_withdraw(actor=c.researcher_a, participant=c.a1, date=datetime.date(2023, 6, 1))
    room = co.get(reverse("analysis:session_room", args=[c.session.pk]))
    page = room.content.decode()
    assert room.context["excerpts"] == []
    assert "Иш ҳақи тўланмади" not in page  # both of a1's excerpts are gone (s_multi and s1)
    assert "Reading of the first excerpt." not in page
    prepare = as_user(c.researcher_a).get(reverse("analysis:session_prepare", args=[c.session.pk]))
    assert all(e.hidden for e in prepare.context["excerpts"])


def test_excerpts_are_reordered_and_removed_after_a_confirmation(session, as_user):
    c = session
    second = excerpt_add(actor=c.researcher_a, session=c.session, source=c.s2, start=0, end=3)
    client = as_user(c.researcher_a)
    client.post(reverse("analysis:excerpt_move", args=[second.pk]), {"to": "up"})
    assert list(c.session.excerpts.order_by("order").values_list("pk", flat=True)) == [second.pk, c.excerpt.pk]
    assert client.get(reverse("analysis:excerpt_remove", args=[second.pk])).status_code == 200
    client.post(reverse("analysis:excerpt_remove", args=[second.pk]))
    assert not Excerpt.objects.filter(pk=second.pk).exists()


def test_a_session_cannot_open_without_excerpts(analysis, as_user):
    c = analysis
    empty = session_create(actor=c.researcher_a, partnership=c.a, title="Empty")
    as_user(c.researcher_a).post(reverse("analysis:session_status", args=[empty.pk]), {"action": "open"})
    empty.refresh_from_db()
    assert empty.status == ParticipatorySession.Status.PREPARING


def test_the_session_list_shows_a_co_researcher_only_the_open_sessions_she_is_invited_to(session, as_user):
    c = session
    url = reverse("analysis:session_list")
    assert "Reading wages" not in as_user(c.coresearcher_a).get(url).content.decode()
    session_open(actor=c.researcher_a, session=c.session)
    assert "Reading wages" in as_user(c.coresearcher_a).get(url).content.decode()
    assert "Reading wages" in as_user(c.mentor_a).get(url).content.decode()
