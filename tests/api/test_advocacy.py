"""The advocacy API over HTTP with real tokens: what each person may read and change, and 404 across partnerships."""

import xml.etree.ElementTree as ET

import pytest

from ovoz.audit.models import AuditEntry
from tests.advocacy.conftest import planning  # noqa: F401  (the shared fixture)
from tests.api.conftest import ids


@pytest.fixture
def p(planning):  # noqa: F811
    return planning


def test_a_researcher_lists_her_partnerships_theories_of_change_and_reads_one_with_its_codes(p, cast, api_as):
    api = api_as(cast.researcher_a)
    assert ids(api.get("/advocacy/theories-of-change")) == [p.toc.pk]
    body = api.get(f"/advocacy/theories-of-change/{p.toc.pk}").json()
    codes = {e["code"]: e for e in body["elements"]}
    assert codes["O1"]["text"] == "Inspections of small workshops"
    assert codes["P1"]["leads_to_id"] == codes["O1"]["id"]


def test_the_other_partnership_gets_404_for_every_record_of_partnership_a(p, cast, api_as):
    api = api_as(cast.researcher_b)
    assert ids(api.get("/advocacy/theories-of-change")) == []
    assert ids(api.get("/advocacy/actors")) == []
    for path in (f"/advocacy/theories-of-change/{p.toc.pk}", f"/advocacy/theories-of-change/{p.toc.pk}/diagram.svg",
                 f"/advocacy/pathways/{p.pathway.pk}", f"/advocacy/plans/{p.plan.pk}",
                 f"/advocacy/campaigns/{p.campaign.pk}"):
        assert api.get(path).status_code == 404, path
    assert api.post(f"/advocacy/actors/{p.council.pk}/place", {"influence": 0, "stance": 2}).status_code == 404
    assert api.post(f"/advocacy/plans/{p.plan.pk}/activities",
                    {"title": "x", "starts_on": "2024-05-01", "ends_on": "2024-05-01"}).status_code == 404


def test_the_diagram_comes_as_svg(p, cast, api_as):
    response = api_as(cast.mentor_a).get(f"/advocacy/theories-of-change/{p.toc.pk}/diagram.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert ET.fromstring(response.content).tag.endswith("svg")


def test_placing_an_actor_through_the_api_is_audited_and_checked(p, cast, api_as):
    api = api_as(cast.researcher_a)
    response = api.post(f"/advocacy/actors/{p.council.pk}/place", {"influence": 5, "stance": 2})
    assert response.status_code == 200
    assert (response.json()["influence"], response.json()["stance"]) == (5, 2)
    entry = AuditEntry.objects.filter(action="actor.place").latest("pk")
    assert entry.changes["stance"] == {"old": 0, "new": 2}
    assert api.post(f"/advocacy/actors/{p.council.pk}/place", {"influence": 6, "stance": 0}).status_code == 400


def test_a_researcher_creates_actors_only_in_her_own_partnership(p, cast, api_as):
    api = api_as(cast.researcher_a)
    ok = api.post("/advocacy/actors", {"programme_id": cast.programme.pk, "partnership_id": cast.a.pk,
                                       "name": "Ombudsperson", "kind": "state", "influence": 3, "stance": 1})
    assert ok.status_code == 201
    for partnership_id in (cast.b.pk, None):  # another partnership, or the programme's own
        refused = api.post("/advocacy/actors", {"programme_id": cast.programme.pk, "partnership_id": partnership_id,
                                                "name": "X"})
        assert refused.status_code == 404


def test_a_plan_shows_its_asks_targets_activities_and_total(p, cast, api_as):
    api = api_as(cast.coordinator)
    body = api.get(f"/advocacy/plans/{p.plan.pk}").json()
    assert body["total"] == "600.00"
    assert body["asks"][0]["target_ids"] == [p.council.pk]
    added = api.post(f"/advocacy/plans/{p.plan.pk}/activities", {
        "title": "Round table", "starts_on": "2024-06-12", "ends_on": "2024-06-12", "budget": "250.50",
        "objective_id": p.local.pk, "target_ids": [p.inspection.pk], "level": "local"})
    assert added.status_code == 201, added.content
    assert api.get(f"/advocacy/plans/{p.plan.pk}").json()["total"] == "850.50"
    bad_dates = api.post(f"/advocacy/plans/{p.plan.pk}/activities",
                         {"title": "Backwards", "starts_on": "2024-06-12", "ends_on": "2024-06-01"})
    assert bad_dates.status_code == 400


def test_moments_and_activities_are_listed_by_date(p, cast, api_as):
    api = api_as(cast.viewer)
    assert ids(api.get("/advocacy/moments", {"from": "2030-01-01"})) == [p.moment.pk]
    assert ids(api.get("/advocacy/activities")) == []  # a viewer reads only the programme's own planning
    assert ids(api_as(cast.mentor_a).get("/advocacy/activities", {"from": "2024-04-01"})) == [p.activity.pk]


def test_reach_is_recorded_and_added_up(p, cast, api_as):
    api = api_as(cast.mentor_a)
    assert api.post(f"/advocacy/campaigns/{p.campaign.pk}/reach", {"channel": "radio", "people": 300}).status_code \
        == 201
    body = api.get(f"/advocacy/campaigns/{p.campaign.pk}").json()
    assert body["people_reached"] == 1500
    assert [m["language"] for m in body["messages"]] == ["ru"]
    assert api.post(f"/advocacy/campaigns/{p.campaign.pk}/reach", {"channel": "pigeons", "people": 3}).status_code \
        == 400


def test_scopes_say_where_each_person_may_write(p, cast, api_as):
    scopes = api_as(cast.researcher_a).get("/advocacy/scopes").json()
    # She reads the programme's own planning and writes her partnership's.
    assert [(s["partnership_id"], s["can_edit"]) for s in scopes] == [(None, False), (cast.a.pk, True)]
    viewer = api_as(cast.viewer).get("/advocacy/scopes").json()
    assert [(s["partnership_id"], s["can_edit"]) for s in viewer] == [(None, False)]
