"""Double-coding rounds through their services: who may start one, finishing, blindness, reconciling into
ordinary codings, cancelling, and consent."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from ovoz.analysis.access import codings_visible_to, double_codings_visible_to
from ovoz.analysis.models import Coding, DoubleCoding
from ovoz.analysis.services.agreement import (
    double_coding_cancel,
    double_coding_finish,
    double_coding_reconcile,
    double_coding_start,
    round_disagreements,
)
from ovoz.analysis.services.codings import coding_create
from ovoz.audit.models import AuditEntry
from ovoz.evidence.services.consent import consent_withdraw


def start(c, source=None):
    """A round on the multi-script interview (or ``source``): the researcher of A codes first, the mentor second."""
    return double_coding_start(actor=c.researcher_a, source=source or c.s_multi, coder_a=c.researcher_a,
                               coder_b=c.mentor_a)


def code_both(c, round_):
    """The researcher applies "living wage" to "Иш ҳақи тўланмади" [0,17); the mentor applies it to "Иш ҳақи"
    [0,7) and "social protection" to "Oʻgʻil bola" [19,30)."""
    source = round_.source
    coding_create(actor=c.researcher_a, source=source, codes=[c.wage], start=0, end=17, double_coding=round_)
    coding_create(actor=c.mentor_a, source=source, codes=[c.wage], start=0, end=7, double_coding=round_)
    coding_create(actor=c.mentor_a, source=source, codes=[c.social], start=19, end=30, double_coding=round_)


def finish_both(c, round_):
    double_coding_finish(actor=c.researcher_a, double_coding=round_)
    return double_coding_finish(actor=c.mentor_a, double_coding=round_)


@pytest.fixture
def finished(analysis):
    c = analysis
    c.round = start(c)
    code_both(c, c.round)
    c.round = finish_both(c, c.round)
    return c


def test_a_round_needs_two_different_coders_from_the_sources_partnership(analysis):
    c = analysis
    for a, b in [(c.researcher_a, c.researcher_a), (c.researcher_a, c.researcher_b),
                 (c.researcher_a, c.coresearcher_a), (c.researcher_a, c.coordinator), (c.researcher_a, None)]:
        with pytest.raises(ValidationError):
            double_coding_start(actor=c.researcher_a, source=c.s_multi, coder_a=a, coder_b=b)
    assert not DoubleCoding.objects.exists()


def test_only_the_team_starts_a_round_and_only_on_a_source_it_may_analyse(analysis):
    c = analysis
    with pytest.raises(ValidationError):  # the coordinator sees the shared interview but does not code
        double_coding_start(actor=c.coordinator, source=c.s1, coder_a=c.researcher_a, coder_b=c.mentor_a)
    with pytest.raises(ValidationError):  # its participant did not allow analysis
        double_coding_start(actor=c.researcher_a, source=c.s_refused, coder_a=c.researcher_a, coder_b=c.mentor_a)
    with pytest.raises(ValidationError):  # another partnership's interview
        double_coding_start(actor=c.researcher_b, source=c.s_multi, coder_a=c.researcher_a, coder_b=c.mentor_a)
    round_ = double_coding_start(actor=c.mentor_a, source=c.s_multi, coder_a=c.researcher_a, coder_b=c.mentor_a)
    assert round_.status == DoubleCoding.Status.CODING
    assert AuditEntry.objects.filter(action="double_coding.start", object_id=str(round_.pk)).exists()


def test_a_second_open_round_on_the_same_source_is_refused_until_the_first_is_reconciled(finished):
    c = finished
    with pytest.raises(ValidationError):
        start(c)
    double_coding_reconcile(actor=c.researcher_a, double_coding=c.round, decisions={
        d.key: "drop" for d in round_disagreements(c.round)})
    assert start(c).status == DoubleCoding.Status.CODING


def test_each_coder_sees_only_her_own_round_codings_until_both_have_finished(analysis):
    c = analysis
    round_ = start(c)
    code_both(c, round_)

    def seen_by(user):
        return set(codings_visible_to(user, include_rounds=True).filter(double_coding=round_)
                   .values_list("coder__username", flat=True))

    assert seen_by(c.researcher_a) == {"researcher_a"}
    assert seen_by(c.mentor_a) == {"mentor_a"}
    double_coding_finish(actor=c.researcher_a, double_coding=round_)
    assert seen_by(c.researcher_a) == {"researcher_a"}, "the mentor has not finished: still blind"
    with pytest.raises(ValidationError):
        round_disagreements(DoubleCoding.objects.get(pk=round_.pk))
    double_coding_finish(actor=c.mentor_a, double_coding=round_)
    assert seen_by(c.researcher_a) == seen_by(c.mentor_a) == {"researcher_a", "mentor_a"}
    round_.refresh_from_db()
    assert round_.status == DoubleCoding.Status.COMPARING
    assert AuditEntry.objects.filter(action="double_coding.finish").count() == 2


def test_a_coder_who_finished_can_no_longer_code_and_others_cannot_finish_for_her(analysis):
    c = analysis
    round_ = start(c)
    with pytest.raises(ValidationError):
        double_coding_finish(actor=c.coordinator, double_coding=round_)
    double_coding_finish(actor=c.researcher_a, double_coding=round_)
    with pytest.raises(ValidationError):
        double_coding_finish(actor=c.researcher_a, double_coding=round_)
    round_.refresh_from_db()
    with pytest.raises(ValidationError):
        coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.wage], start=0, end=3, double_coding=round_)


def test_round_codings_are_not_counted_as_the_sources_codings(finished):
    c = finished
    ordinary = codings_visible_to(c.researcher_a).filter(source=c.s_multi)
    assert list(ordinary) == [c.coding_a]


def test_reconciling_makes_ordinary_codings_from_agreements_and_kept_disagreements(finished):
    """Disagreements: "living wage" on [7,17) (only the researcher) and "social protection" on [19,30) (only the
    mentor). Keeping the first and dropping the second leaves living wage on [0,17) — which the source already
    carries outside the round (``coding_a``), so it is not doubled — and nothing else."""
    c = finished
    keys = {(d.code_id, d.start, d.end, d.coder): d.key for d in round_disagreements(c.round)}
    assert set(keys) == {(c.wage.pk, 7, 17, "a"), (c.social.pk, 19, 30, "b")}
    made = double_coding_reconcile(actor=c.mentor_a, double_coding=c.round, decisions={
        keys[(c.wage.pk, 7, 17, "a")]: "keep", keys[(c.social.pk, 19, 30, "b")]: "drop"})
    assert made == 0
    c.round.refresh_from_db()
    assert c.round.status == DoubleCoding.Status.RECONCILED and c.round.reconciled_at
    entry = AuditEntry.objects.get(action="double_coding.reconcile")
    assert entry.changes == {"kept": 1, "dropped": 1, "codings": 0}


def test_reconciled_codings_are_ordinary_codings_of_the_reconciler(finished):
    c = finished
    c.coding_a.delete()
    decisions = {d.key: "keep" for d in round_disagreements(c.round)}
    assert double_coding_reconcile(actor=c.mentor_a, double_coding=c.round, decisions=decisions) == 2
    made = Coding.objects.filter(source=c.s_multi, double_coding__isnull=True).order_by("start")
    assert [(x.code_id, x.start, x.end, x.coder_id) for x in made] == [
        (c.wage.pk, 0, 17, c.mentor_a.pk), (c.social.pk, 19, 30, c.mentor_a.pk)]
    assert set(codings_visible_to(c.researcher_b)) == {c.coding_b}, "B's researcher still sees none of A's"
    assert AuditEntry.objects.filter(action="coding.reconcile", changes__codings=2).exists()
    # the drafts stay as the record of what each coder did
    assert Coding.objects.filter(double_coding=c.round).count() == 3


def test_reconciling_needs_a_decision_for_every_disagreement_and_writes_nothing_otherwise(finished):
    c = finished
    first, second = round_disagreements(c.round)
    for decisions in ({first.key: "keep"}, {first.key: "keep", second.key: "maybe"},
                      {first.key: "keep", second.key: "drop", "1-2-3": "keep"}):
        with pytest.raises(ValidationError):
            double_coding_reconcile(actor=c.researcher_a, double_coding=c.round, decisions=decisions)
    c.round.refresh_from_db()
    assert c.round.status == DoubleCoding.Status.COMPARING
    assert Coding.objects.filter(source=c.s_multi, double_coding__isnull=True).count() == 1
    with pytest.raises(ValidationError):  # the coordinator does not code this partnership's sources
        double_coding_reconcile(actor=c.coordinator, double_coding=c.round,
                                decisions={first.key: "keep", second.key: "keep"})


def test_a_round_still_being_coded_cannot_be_reconciled(analysis):
    c = analysis
    round_ = start(c)
    code_both(c, round_)
    double_coding_finish(actor=c.researcher_a, double_coding=round_)
    with pytest.raises(ValidationError):
        double_coding_reconcile(actor=c.researcher_a, double_coding=round_, decisions={})


def test_cancelling_removes_the_round_and_its_drafts_only(finished):
    c = finished
    double_coding_cancel(actor=c.mentor_a, double_coding=c.round)
    assert not DoubleCoding.objects.exists()
    assert list(Coding.objects.filter(source=c.s_multi)) == [c.coding_a]
    assert AuditEntry.objects.get(action="double_coding.cancel").changes["drafts"] == 3


def test_a_reconciled_round_cannot_be_cancelled(finished):
    c = finished
    double_coding_reconcile(actor=c.researcher_a, double_coding=c.round,
                            decisions={d.key: "drop" for d in round_disagreements(c.round)})
    with pytest.raises(ValidationError):
        double_coding_cancel(actor=c.researcher_a, double_coding=c.round)


def test_when_a_participant_withdraws_consent_the_round_disappears(finished):
    c = finished
    assert double_codings_visible_to(c.researcher_a).filter(pk=c.round.pk).exists()
    consent_withdraw(actor=c.researcher_a, participant=c.a1, date=datetime.date(2024, 1, 5))
    assert not double_codings_visible_to(c.researcher_a).exists()
    with pytest.raises(ValidationError):
        double_coding_reconcile(actor=c.researcher_a, double_coding=c.round,
                                decisions={d.key: "keep" for d in round_disagreements(c.round)})
