"""The double-coding pages through HTTP: starting a round, blindness until both finish, the agreement table,
the disagreements side by side, reconciling, cancelling; and who gets 404."""

import datetime

import pytest
from django.urls import reverse

from ovoz.analysis.models import Coding, DoubleCoding
from ovoz.analysis.services.agreement import double_coding_finish
from ovoz.analysis.services.codings import coding_create
from ovoz.audit.models import AuditEntry
from ovoz.evidence.services.consent import consent_withdraw
from tests.analysis.test_agreement_rounds import code_both, finish_both, start

SECRET_OF_B = "Oʻgʻil bola"  # the stretch only the mentor (coder B) coded


def detail(round_):
    return reverse("analysis:agreement_detail", args=[round_.pk])


def test_a_researcher_starts_a_round_by_choosing_a_source_and_two_coders(analysis, as_user):
    c = analysis
    client = as_user(c.researcher_a)
    page = client.get(reverse("analysis:agreement_start", args=[c.a.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Multi-script" in body and "Refused analysis" not in body, "only sources with consent to analysis"
    assert "Researcher of A" in body and "Mentor of A" in body and "Researcher of B" not in body
    bad = client.post(reverse("analysis:agreement_start", args=[c.a.pk]),
                      {"source": c.s_multi.pk, "coder_a": c.researcher_a.pk, "coder_b": c.researcher_a.pk})
    assert bad.status_code == 400 and "two different coders" in bad.content.decode()
    assert not DoubleCoding.objects.exists()
    response = client.post(reverse("analysis:agreement_start", args=[c.a.pk]),
                           {"source": c.s_multi.pk, "coder_a": c.researcher_a.pk, "coder_b": c.mentor_a.pk})
    round_ = DoubleCoding.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(round_)
    assert (round_.coder_a, round_.coder_b, round_.created_by) == (c.researcher_a, c.mentor_a, c.researcher_a)


def test_nobody_starts_a_round_on_another_partnerships_source(analysis, as_user):
    c = analysis
    response = as_user(c.researcher_b).post(reverse("analysis:agreement_start", args=[c.b.pk]), {
        "source": c.s_multi.pk, "coder_a": c.researcher_b.pk, "coder_b": c.researcher_b.pk})
    assert response.status_code == 400
    assert as_user(c.researcher_b).get(reverse("analysis:agreement_start", args=[c.a.pk])).status_code == 404
    assert not DoubleCoding.objects.exists()


def test_until_both_finish_the_round_page_shows_progress_and_nothing_of_the_other_coder(analysis, as_user):
    c = analysis
    round_ = start(c)
    code_both(c, round_)
    double_coding_finish(actor=c.researcher_a, double_coding=round_)
    client = as_user(c.researcher_a)
    body = client.get(detail(round_)).content.decode()
    assert "still coding" in body and "finished on" in body
    assert "You have made 1 coding in this round." in body
    assert "Agreement per code" not in body and "Social protection" not in body
    assert client.get(reverse("analysis:agreement_disagreements", args=[round_.pk])).status_code == 404
    # the mentor, still coding, is offered the way to finish and sees only her own count
    mentor = as_user(c.mentor_a).get(detail(round_)).content.decode()
    assert "You have made 2 codings in this round." in mentor
    assert reverse("analysis:agreement_finish", args=[round_.pk]) in mentor


def test_a_coder_finishes_after_a_confirmation_page(analysis, as_user):
    c = analysis
    round_ = start(c)
    client = as_user(c.mentor_a)
    url = reverse("analysis:agreement_finish", args=[round_.pk])
    assert "Have you finished coding?" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    round_.refresh_from_db()
    assert round_.finished_b_at is not None and round_.finished_a_at is None
    assert as_user(c.coordinator).post(url).status_code == 404
    as_user(c.researcher_a).post(url)
    round_.refresh_from_db()
    assert round_.status == DoubleCoding.Status.COMPARING


def test_after_both_finish_the_page_shows_agreement_per_code_at_both_unit_levels(analysis, as_user):
    """Transcript of 82 characters. Living wage: researcher [0,17), mentor [0,7): both 7, only A 10, neither 65.
    p_o = 72/82 ≈ 87.8 %; A 17 / 65, B 7 / 75; p_e = (17·7 + 65·75)/82² = 4994/6724;
    kappa = (72·82 − 4994)/(6724 − 4994) = 910/1730 ≈ 0.526. Social protection: only the mentor, on 11
    characters: kappa 0."""
    c = analysis
    round_ = start(c)
    code_both(c, round_)
    finish_both(c, round_)
    body = as_user(c.researcher_a).get(detail(round_)).content.decode()
    assert "Agreement per code" in body
    assert "82 characters (spaces included) is a unit" in body
    assert "Segment level" in body
    assert "0.526" in body and "87.8 %" in body
    assert "All codes" in body
    assert SECRET_OF_B not in body  # figures only; the text is on the disagreements page


def test_the_disagreements_stand_side_by_side_with_both_coders_names_and_codes(analysis, as_user):
    c = analysis
    round_ = start(c)
    code_both(c, round_)
    finish_both(c, round_)
    body = as_user(c.researcher_a).get(reverse("analysis:agreement_disagreements", args=[round_.pk])).content.decode()
    assert "2 disagreements" in body
    assert "тўланмади" in body and SECRET_OF_B in body
    assert "Researcher of A" in body and "Mentor of A" in body
    assert "applied “Living wage”" in body or "applied &ldquo;Living wage&rdquo;" in body
    assert 'name="d-' in body and "Keep the code here" in body


def test_reconciling_through_the_form_adds_ordinary_codings(analysis, as_user):
    c = analysis
    c.coding_a.delete()
    round_ = start(c)
    code_both(c, round_)
    finish_both(c, round_)
    client = as_user(c.mentor_a)
    url = reverse("analysis:agreement_reconcile", args=[round_.pk])
    wage, social = f"d-{c.wage.pk}-7-17", f"d-{c.social.pk}-19-30"
    incomplete = client.post(url, {wage: "keep"})
    assert incomplete.status_code == 400 and "Decide every disagreement" in incomplete.content.decode()
    assert 'value="keep" required checked' in incomplete.content.decode(), "the choices made are kept"
    assert not Coding.objects.filter(double_coding__isnull=True, source=c.s_multi).exists()
    response = client.post(url, {wage: "keep", social: "drop"})
    assert response.status_code == 302
    made = Coding.objects.filter(double_coding__isnull=True, source=c.s_multi)
    assert [(x.code_id, x.start, x.end) for x in made] == [(c.wage.pk, 0, 17)]
    round_.refresh_from_db()
    assert round_.status == DoubleCoding.Status.RECONCILED
    assert AuditEntry.objects.filter(action="double_coding.reconcile", actor=c.mentor_a).exists()
    after = client.get(reverse("analysis:agreement_disagreements", args=[round_.pk])).content.decode()
    assert 'name="d-' not in after, "a reconciled round is read only"


def test_people_outside_the_team_get_404_from_every_round_page(analysis, as_user):
    c = analysis
    round_ = start(c)
    code_both(c, round_)
    finish_both(c, round_)
    pages = [detail(round_), reverse("analysis:agreement_disagreements", args=[round_.pk]),
             reverse("analysis:agreement_finish", args=[round_.pk]),
             reverse("analysis:agreement_cancel", args=[round_.pk])]
    # the coordinator: the interview is not shared with the programme
    for user in (c.researcher_b, c.outsider, c.viewer, c.coresearcher_a, c.coordinator):
        client = as_user(user)
        assert [client.get(url).status_code for url in pages] == [404] * 4, user.username
        assert client.post(reverse("analysis:agreement_reconcile", args=[round_.pk])).status_code == 404


def test_coordinators_read_a_round_on_a_shared_source_but_change_nothing(analysis, as_user):
    c = analysis
    round_ = start(c, source=c.s1)
    coding_create(actor=c.researcher_a, source=c.s1, codes=[c.wage], start=0, end=7, double_coding=round_)
    coding_create(actor=c.mentor_a, source=c.s1, codes=[c.wage], start=0, end=17, double_coding=round_)
    client = as_user(c.coordinator)
    assert client.get(reverse("analysis:agreement_disagreements", args=[round_.pk])).status_code == 404
    finish_both(c, round_)
    assert "Agreement per code" in client.get(detail(round_)).content.decode()
    body = client.get(reverse("analysis:agreement_disagreements", args=[round_.pk])).content.decode()
    assert "1 disagreement" in body and 'name="d-' not in body
    assert client.post(reverse("analysis:agreement_reconcile", args=[round_.pk]),
                       {f"d-{c.wage.pk}-7-17": "keep"}).status_code == 404
    assert client.get(reverse("analysis:agreement_cancel", args=[round_.pk])).status_code == 404
    listing = client.get(reverse("analysis:agreement_rounds", args=[c.a.pk])).content.decode()
    assert "Interview A1" in listing


def test_a_withdrawn_consent_hides_the_round_from_its_own_coders(analysis, as_user):
    c = analysis
    round_ = start(c)
    code_both(c, round_)
    finish_both(c, round_)
    consent_withdraw(actor=c.researcher_a, participant=c.a1, date=datetime.date(2024, 1, 5))
    client = as_user(c.researcher_a)
    assert client.get(detail(round_)).status_code == 404
    assert client.get(reverse("analysis:agreement_disagreements", args=[round_.pk])).status_code == 404
    assert "Multi-script" not in client.get(reverse("analysis:agreement_index")).content.decode()


def test_cancelling_a_round_asks_first_then_removes_it(analysis, as_user):
    c = analysis
    round_ = start(c)
    code_both(c, round_)
    client = as_user(c.researcher_a)
    url = reverse("analysis:agreement_cancel", args=[round_.pk])
    assert "3 codings will be deleted" in client.get(url).content.decode()
    assert client.post(url)["Location"] == reverse("analysis:agreement_rounds", args=[c.a.pk])
    assert not DoubleCoding.objects.exists()


def test_the_round_lists_filter_by_status_and_title(analysis, as_user):
    c = analysis
    start(c)
    done = start(c, source=c.s1)
    finish_both(c, done)
    client = as_user(c.researcher_a)
    index = client.get(reverse("analysis:agreement_index")).content.decode()
    assert "Multi-script" in index and "Interview A1" in index
    assert "Start a round in Partner A" in index
    comparing = client.get(reverse("analysis:agreement_rounds", args=[c.a.pk]), {"status": "comparing"})
    assert "Interview A1" in comparing.content.decode() and "Multi-script" not in comparing.content.decode()
    titled = client.get(reverse("analysis:agreement_index"), {"q": "multi"}).content.decode()
    assert "Multi-script" in titled and "Interview A1" not in titled
    assert "Multi-script" not in as_user(c.researcher_b).get(reverse("analysis:agreement_index")).content.decode()
    assert as_user(c.researcher_b).get(reverse("analysis:agreement_rounds", args=[c.a.pk])).status_code == 404


@pytest.mark.parametrize("codings", [20, 200])
def test_the_round_page_costs_the_same_queries_however_many_codings(analysis, as_user, codings,
                                                                    django_assert_max_num_queries):
    c = analysis
    round_ = start(c)
    for i in range(codings):
        coder = c.researcher_a if i % 2 else c.mentor_a
        Coding.objects.create(source=c.s_multi, code=c.wage if i % 3 else c.social, start=i % 60, end=i % 60 + 5,
                              coder=coder, double_coding=round_)
    finish_both(c, round_)
    client = as_user(c.researcher_a)
    with django_assert_max_num_queries(15):
        assert client.get(detail(round_)).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(reverse("analysis:agreement_disagreements", args=[round_.pk])).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(reverse("analysis:agreement_index")).status_code == 200


def test_the_coding_page_of_a_running_round_shows_a_coder_only_her_own_stretches(analysis, as_user):
    c = analysis
    round_ = start(c)
    code_both(c, round_)
    double_coding_finish(actor=c.researcher_a, double_coding=round_)
    url = reverse("analysis:coding", args=[c.s_multi.pk]) + f"?round={round_.pk}"
    mine = as_user(c.researcher_a).get(url).content.decode()
    assert 'data-span="0-17"' in mine
    assert 'data-span="0-7"' not in mine and 'data-span="19-30"' not in mine
    hers = as_user(c.mentor_a).get(url).content.decode()
    assert 'data-span="19-30"' in hers and 'data-span="0-17"' not in hers
    assert as_user(c.researcher_b).get(url).status_code == 404
