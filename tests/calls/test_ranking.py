"""The ranking: weighted scores from submitted reviews, per-criterion averages, filters and sorting."""

from decimal import Decimal

import pytest

from ovoz.calls import ranking
from ovoz.calls.services import review_save


def score(reviewed, reviewer, key, experience, roots, *, submit=True, comment=""):
    crit = reviewed.crit
    review_save(
        actor=reviewer,
        application=reviewed.apps[key],
        scores={crit["Experience"].pk: (experience, ""), crit["Community roots"].pk: (roots, "")},
        comment=comment,
        submit=submit,
    )


@pytest.fixture
def scored(cast, reviewed):
    # Experience weighs 3, community roots 1.
    score(reviewed, cast.coordinator, "valley", 4, 2, comment="Strong legal work")
    score(reviewed, cast.mentor_a, "valley", 5, 1)
    score(reviewed, cast.coordinator, "steppe", 3, 5)
    score(reviewed, cast.mentor_a, "steppe", 0, 0, submit=False)  # a draft: does not count
    return reviewed


def test_the_weighted_score_averages_each_criterion_then_weighs_them(scored):
    rows, criteria = ranking.rank(scored, eligible_only=True)
    by_name = {r.application.organisation_name: r for r in rows}
    valley = by_name["Women of the Valley"]
    # Experience (4+5)/2 = 4.5, roots (2+1)/2 = 1.5; (3×4.5 + 1×1.5) / 4 = 3.75
    assert [a.average for a in valley.averages] == [Decimal("4.50"), Decimal("1.50")]
    assert valley.weighted == Decimal("3.75")
    assert valley.n_reviews == 2
    # Only the coordinator's submitted review counts: (3×3 + 1×5) / 4 = 3.5
    steppe = by_name["Steppe Sisters"]
    assert steppe.weighted == Decimal("3.50") and steppe.n_reviews == 1
    assert [r.application.organisation_name for r in rows] == ["Women of the Valley", "Steppe Sisters"]
    assert [r.rank for r in rows] == [1, 2]


def test_rounding_is_half_up_to_two_places(cast, reviewed):
    score(reviewed, cast.coordinator, "valley", 1, 0)
    score(reviewed, cast.mentor_a, "valley", 2, 0)
    score(reviewed, cast.coordinator, "steppe", 0, 1)
    rows, _ = ranking.rank(reviewed, eligible_only=True)
    by_name = {r.application.organisation_name: r for r in rows}
    assert by_name["Women of the Valley"].weighted == Decimal("1.13")  # 3×1.5 / 4 = 1.125
    assert by_name["Steppe Sisters"].weighted == Decimal("0.25")


def test_an_application_nobody_has_scored_has_no_score_and_no_rank(reviewed):
    rows, _ = ranking.rank(reviewed)
    assert {r.weighted for r in rows} == {None}
    assert {r.rank for r in rows} == {None}


def test_the_coordinator_sees_the_ranking_with_scores_comments_and_reviews(cast, as_user, scored):
    body = as_user(cast.coordinator).get(f"/calls/{scored.pk}/manage/ranking/").content.decode()
    assert body.index("Women of the Valley") < body.index("Steppe Sisters")
    assert "3.75" in body and "4.50" in body and "3.50" in body
    assert "Strong legal work" in body
    assert "Too Old Group" not in body


def test_the_ranking_can_show_every_application_and_sort_by_a_criterion(cast, as_user, scored):
    client = as_user(cast.coordinator)
    body = client.get(f"/calls/{scored.pk}/manage/ranking/", {"eligible": "0"}).content.decode()
    assert "Too Old Group" in body and "not eligible" in body
    roots = scored.crit["Community roots"].pk
    body = client.get(f"/calls/{scored.pk}/manage/ranking/", {"sort": f"criterion-{roots}"}).content.decode()
    assert body.index("Steppe Sisters") < body.index("Women of the Valley")
    body = client.get(f"/calls/{scored.pk}/manage/ranking/", {"sort": "organisation"}).content.decode()
    assert body.index("Steppe Sisters") < body.index("Women of the Valley")
    assert client.get(f"/calls/{scored.pk}/manage/ranking/", {"sort": "nonsense"}).status_code == 200


def test_the_ranking_page_makes_the_same_number_of_queries_for_many_applications(cast, as_user, scored):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ovoz.calls.services import call_close, call_publish
    from tests.calls.conftest import submit

    client = as_user(cast.coordinator)
    url = f"/calls/{scored.pk}/manage/ranking/"
    with CaptureQueriesContext(connection) as few:
        client.get(url, {"eligible": "0"})
    call_publish(actor=cast.coordinator, call=scored)
    for i in range(8):
        scored.apps[f"extra{i}"] = submit(scored, organisation_name=f"Extra group {i}")
    call_close(actor=cast.coordinator, call=scored)
    for i in range(8):
        score(scored, cast.coordinator, f"extra{i}", i % 6, 3, comment="fine")
    with CaptureQueriesContext(connection) as many:
        body = client.get(url, {"eligible": "0"}).content.decode()
    assert "Extra group 7" in body
    assert len(many) == len(few)


def test_equal_weighted_scores_share_a_rank_and_are_listed_by_name(cast, reviewed):
    score(reviewed, cast.coordinator, "valley", 4, 4)
    score(reviewed, cast.coordinator, "steppe", 4, 4)
    rows, _ = ranking.rank(reviewed, eligible_only=True)
    assert [(r.application.organisation_name, r.rank) for r in rows] == [
        ("Steppe Sisters", 1), ("Women of the Valley", 1)
    ]
