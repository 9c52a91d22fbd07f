"""/calls: the coordinator lists her programmes' calls and reads a ranking; everyone else gets nothing."""

from decimal import Decimal

import pytest

from ovoz.accounts.roles import Role
from ovoz.calls.services import review_save
from ovoz.programmes.models import Membership
from tests.api.conftest import ids
from tests.calls.conftest import call, reviewed  # noqa: F401  (fixtures)
from tests.conftest import make_user

NOT_COORDINATORS = ["mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"]


@pytest.fixture
def scored(cast, reviewed):  # noqa: F811
    crit = reviewed.crit
    for reviewer, values in ((cast.coordinator, (4, 2)), (cast.mentor_a, (5, 1))):
        review_save(
            actor=reviewer,
            application=reviewed.apps["valley"],
            scores={crit["Experience"].pk: (values[0], ""), crit["Community roots"].pk: (values[1], "")},
            comment="Good" if reviewer == cast.coordinator else "",
            submit=True,
        )
    return reviewed


def test_the_coordinator_lists_the_calls_of_her_programme(cast, api_as, reviewed):  # noqa: F811
    response = api_as(cast.coordinator).get("/calls", {"programme_id": cast.programme.pk})
    assert response.status_code == 200
    body = response.json()
    assert ids(response) == [reviewed.pk] and body["count"] == 1
    item = body["items"][0]
    assert item["state"] == "closed" and item["applications"] == 3 and item["eligible"] == 2
    assert (item["places_min"], item["places_max"]) == (2, 3)


@pytest.mark.parametrize("name", NOT_COORDINATORS)
def test_people_who_do_not_coordinate_list_no_call_and_get_404_for_the_programme(cast, api_as, reviewed, name):  # noqa: F811
    client = api_as(getattr(cast, name))
    assert client.get("/calls").json() == {"items": [], "count": 0}
    assert client.get("/calls", {"programme_id": cast.programme.pk}).status_code == 404
    assert client.get(f"/calls/{reviewed.pk}").status_code == 404
    response = client.get(f"/calls/{reviewed.pk}/ranking")
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}


def test_a_coordinator_of_another_programme_sees_neither_the_calls_nor_the_ranking(cast, api_as, reviewed):  # noqa: F811
    neighbour = make_user("neighbour")
    Membership.objects.create(user=neighbour, programme=cast.other_programme, role=Role.COORDINATOR)
    client = api_as(neighbour)
    assert client.get("/calls").json()["count"] == 0
    assert client.get(f"/calls/{reviewed.pk}/ranking").status_code == 404


def test_one_call_shows_its_focus_areas_and_criteria(cast, api_as, reviewed):  # noqa: F811
    body = api_as(cast.coordinator).get(f"/calls/{reviewed.pk}").json()
    assert body["focus_areas"] == ["Decent work", "Social protection"]
    assert [(c["name"], c["weight"]) for c in body["criteria"]] == [("Experience", 3), ("Community roots", 1)]


def test_the_ranking_gives_weighted_scores_averages_and_comments(cast, api_as, scored):
    response = api_as(cast.coordinator).get(f"/calls/{scored.pk}/ranking")
    assert response.status_code == 200
    rows = response.json()
    assert [r["organisation"] for r in rows] == ["Women of the Valley", "Steppe Sisters"]
    top = rows[0]
    assert top["rank"] == 1 and Decimal(top["weighted_score"]) == Decimal("3.75") and top["reviews"] == 2
    assert [Decimal(c["average"]) for c in top["criteria"]] == [Decimal("4.5"), Decimal("1.5")]
    assert top["comments"] == [{"reviewer": "Coordinator Person", "text": "Good"}]
    assert rows[1]["weighted_score"] is None and rows[1]["rank"] is None
    every = api_as(cast.coordinator).get(f"/calls/{scored.pk}/ranking", {"eligible_only": "false"}).json()
    assert len(every) == 3


def test_a_missing_call_answers_404(cast, api_as):
    assert api_as(cast.coordinator).get("/calls/999999/ranking").status_code == 404


def test_the_calls_need_a_token(api_anonymous):
    assert api_anonymous.get("/calls").status_code == 401
