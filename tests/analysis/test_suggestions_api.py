"""/api/v1/analysis/suggestions: trainings with their measures, a source's suggestions, accepting and rejecting,
for the partnership's team only."""

import pytest

from ovoz.analysis.models import Coding, Suggestion
from ovoz.evidence.models import Source
from tests.analysis.suggestions_corpus import add_coded_sources, corpus
from tests.api.conftest import api_as  # noqa: F401  (fixture)


@pytest.fixture
def coded(analysis):
    add_coded_sources(analysis, 24)
    text, _ = corpus(1, seed=5)[0]
    analysis.fresh = Source.objects.create(partnership=analysis.a, kind="interview", title="API", transcript=text)
    analysis.fresh.participants.add(analysis.a1)
    return analysis


def test_the_team_trains_suggests_and_decides_through_the_api(coded, api_as):  # noqa: F811
    client = api_as(coded.researcher_a)
    trained = client.post("/analysis/suggestions/runs", {"programme_id": coded.programme.pk,
                                                         "partnership_id": coded.a.pk})
    assert trained.status_code == 201, trained.content
    run = trained.json()
    assert run["has_model"] and run["metrics"]["evaluated"] and run["metrics"]["model"]["f1"] > 0.5
    assert client.get("/analysis/suggestions/runs").json()["count"] == 1

    made = client.post(f"/analysis/suggestions/sources/{coded.fresh.pk}/run", {})
    assert made.status_code == 200 and made.json()
    first = made.json()[0]
    assert first["text"] == coded.fresh.transcript[first["start"]:first["end"]] and first["status"] == "pending"
    listed = client.get(f"/analysis/suggestions/sources/{coded.fresh.pk}", {"status": "pending"}).json()
    assert listed["count"] == len(made.json())

    accepted = client.post(f"/analysis/suggestions/{first['id']}/accept", {}).json()
    assert accepted["status"] == "accepted" and Coding.objects.filter(pk=accepted["coding_id"]).exists()
    second = made.json()[1]
    assert client.post(f"/analysis/suggestions/{second['id']}/reject", {}).json()["status"] == "rejected"
    assert client.post(f"/analysis/suggestions/{second['id']}/reject", {}).status_code == 400


def test_others_get_404_or_empty_lists(coded, api_as):  # noqa: F811
    api_as(coded.researcher_a).post("/analysis/suggestions/runs", {"programme_id": coded.programme.pk,
                                                                  "partnership_id": coded.a.pk})
    api_as(coded.researcher_a).post(f"/analysis/suggestions/sources/{coded.fresh.pk}/run", {})
    s = Suggestion.objects.filter(source=coded.fresh).first()
    for user in (coded.researcher_b, coded.coordinator, coded.viewer):
        client = api_as(user)
        assert client.get("/analysis/suggestions/runs").json()["count"] == 0
        assert client.post("/analysis/suggestions/runs", {"programme_id": coded.programme.pk,
                                                          "partnership_id": coded.a.pk}).status_code == 404
        assert client.get(f"/analysis/suggestions/sources/{coded.fresh.pk}").status_code == 404
        assert client.post(f"/analysis/suggestions/{s.pk}/accept", {}).status_code == 404
    assert Suggestion.objects.get(pk=s.pk).status == "pending"
