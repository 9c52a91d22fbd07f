"""/api/v1/analysis/agreement: rounds, finishing, the agreement figures, disagreements and reconciliation, with
the same blindness, consent and 404 rules as the pages."""

import datetime

from ovoz.analysis.models import Coding, DoubleCoding
from ovoz.evidence.services.consent import consent_withdraw
from tests.analysis.test_agreement_rounds import code_both, finish_both, start
from tests.api.conftest import api_as  # noqa: F401  (the token client fixture)

BASE = "/analysis/agreement/rounds"


def test_a_researcher_starts_a_round_and_each_coder_finishes_through_the_api(analysis, api_as):  # noqa: F811
    c = analysis
    api = api_as(c.researcher_a)
    refused = api.post(BASE, {"source_id": c.s_multi.pk, "coder_a_id": c.researcher_a.pk,
                              "coder_b_id": c.researcher_b.pk})
    assert refused.status_code == 400 and "mentor and researchers" in refused.json()["detail"]
    made = api.post(BASE, {"source_id": c.s_multi.pk, "coder_a_id": c.researcher_a.pk, "coder_b_id": c.mentor_a.pk})
    assert made.status_code == 201
    body = made.json()
    assert body["status"] == "coding" and body["partnership_id"] == c.a.pk
    round_id = body["id"]
    assert api.post(f"{BASE}/{round_id}/finish", {}).json()["finished_a_at"] is not None
    assert api.get(f"{BASE}/{round_id}/agreement").status_code == 409
    assert api_as(c.mentor_a).post(f"{BASE}/{round_id}/finish", {}).json()["status"] == "comparing"
    assert api_as(c.coordinator).post(f"{BASE}/{round_id}/finish", {}).status_code == 404


def test_before_both_finish_neither_coder_reads_the_comparison(analysis, api_as):  # noqa: F811
    c = analysis
    round_ = start(c)
    code_both(c, round_)
    finish_both_but_mentor = api_as(c.researcher_a)
    finish_both_but_mentor.post(f"{BASE}/{round_.pk}/finish", {})
    for user in (c.researcher_a, c.mentor_a):
        api = api_as(user)
        assert api.get(f"{BASE}/{round_.pk}/agreement").status_code == 409
        assert api.get(f"{BASE}/{round_.pk}/disagreements").status_code == 409
        assert api.post(f"{BASE}/{round_.pk}/reconcile", {"decisions": {}}).status_code == 409


def test_the_agreement_answers_kappa_and_alpha_per_code_and_pooled(analysis, api_as):  # noqa: F811
    """Living wage: researcher [0,17), mentor [0,7) on 82 characters — kappa 910/1730 (see the pages test);
    alpha from the coincidences: 10 disagreeing units, n1 = 2·7 + 10 = 24, n0 = 2·65 + 10 = 140, n = 164:
    1 − 163·20 / (2·24·140) = 1 − 3260/6720 = 3460/6720 ≈ 0.5149."""
    c = analysis
    round_ = start(c)
    code_both(c, round_)
    finish_both(c, round_)
    body = api_as(c.mentor_a).get(f"{BASE}/{round_.pk}/agreement").json()
    assert body["transcript_length"] == 82 and "code point" in body["units"]
    wage = next(r for r in body["codes"] if r["code_id"] == c.wage.pk)
    chars = wage["characters"]
    assert (chars["both"], chars["only_a"], chars["only_b"], chars["neither"]) == (7, 10, 0, 65)
    assert abs(chars["cohen_kappa"] - 910 / 1730) < 1e-12
    assert abs(chars["krippendorff_alpha"] - 3460 / 6720) < 1e-12
    assert wage["segments"]["units"] == 3  # [0,7) both, [7,17) researcher only, [17,82) neither
    assert body["pooled"]["code_id"] is None
    assert body["pooled"]["characters"]["units"] == 2 * 82


def test_disagreements_and_reconciliation_through_the_api(analysis, api_as):  # noqa: F811
    c = analysis
    c.coding_a.delete()
    round_ = start(c)
    code_both(c, round_)
    finish_both(c, round_)
    api = api_as(c.researcher_a)
    items = api.get(f"{BASE}/{round_.pk}/disagreements").json()
    assert [(d["code_id"], d["start"], d["end"], d["applied_by"]) for d in items] == [
        (c.wage.pk, 7, 17, c.researcher_a.pk), (c.social.pk, 19, 30, c.mentor_a.pk)]
    assert items[1]["text"] == "Oʻgʻil bola"
    partial = api.post(f"{BASE}/{round_.pk}/reconcile", {"decisions": {items[0]["key"]: "keep"}})
    assert partial.status_code == 400
    done = api.post(f"{BASE}/{round_.pk}/reconcile", {"decisions": {items[0]["key"]: "drop", items[1]["key"]: "keep"}})
    assert done.status_code == 200
    assert done.json()["codings_created"] == 2 and done.json()["round"]["status"] == "reconciled"
    assert sorted(Coding.objects.filter(source=c.s_multi, double_coding__isnull=True)
                  .values_list("code_id", "start", "end")) == sorted([(c.wage.pk, 0, 7), (c.social.pk, 19, 30)])


def test_other_partnerships_outsiders_and_co_researchers_get_404(analysis, api_as):  # noqa: F811
    c = analysis
    round_ = start(c)
    finish_both(c, round_)
    for user in (c.researcher_b, c.outsider, c.viewer, c.coresearcher_a, c.coordinator):
        api = api_as(user)
        assert api.get(f"{BASE}/{round_.pk}").status_code == 404, user.username
        assert api.get(f"{BASE}/{round_.pk}/agreement").status_code == 404
        assert api.get(f"{BASE}/{round_.pk}/disagreements").status_code == 404
        assert api.post(f"{BASE}/{round_.pk}/reconcile", {"decisions": {}}).status_code == 404
        assert api.get(BASE).json()["count"] == 0
    assert api_as(c.researcher_a).get(BASE, {"status": "comparing"}).json()["count"] == 1


def test_a_withdrawn_consent_hides_the_round_and_cancelling_removes_it(analysis, api_as):  # noqa: F811
    c = analysis
    round_ = start(c)
    api = api_as(c.researcher_a)
    other = start(c, source=c.s1)
    assert api.client.delete(f"/api/v1{BASE}/{other.pk}",
                             headers={"Authorization": f"Bearer {api.secret}"}).status_code == 204
    assert not DoubleCoding.objects.filter(pk=other.pk).exists()
    consent_withdraw(actor=c.researcher_a, participant=c.a1, date=datetime.date(2024, 1, 5))
    assert api.get(f"{BASE}/{round_.pk}").status_code == 404
