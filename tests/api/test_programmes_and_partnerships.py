"""/me, /programmes and /partnerships answer only what the access rules let each person see."""

import pytest

from ovoz.accounts.models import Organisation
from ovoz.programmes.models import Partnership
from tests.api.conftest import ids
from tests.conftest import make_user

EVERYONE = ["coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"]
IN_THE_PROGRAMME = [name for name in EVERYONE if name != "outsider"]


@pytest.fixture
def elsewhere(cast):
    """A partnership in the other programme, which nobody in the cast belongs to."""
    org = Organisation.objects.create(name="Partner C", country="UZ")
    cast.c = Partnership.objects.create(programme=cast.other_programme, organisation=org, country="UZ")
    return cast


# --- /me ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, roles",
    [
        ("coordinator", ["coordinator"]),
        ("mentor_a", ["mentor"]),
        ("researcher_a", ["researcher"]),
        ("coresearcher_a", ["co_researcher"]),
        ("researcher_b", ["researcher"]),
        ("viewer", ["viewer"]),
        ("outsider", []),
    ],
)
def test_me_tells_each_person_who_she_is_and_her_roles(cast, api_as, name, roles):
    user = getattr(cast, name)
    body = api_as(user).get("/me").json()
    assert body["id"] == user.pk
    assert body["username"] == name
    assert body["roles"] == roles
    assert body["is_superuser"] is False
    assert [m["role"] for m in body["memberships"]] == roles


def test_me_lists_where_a_team_member_holds_her_role(cast, api_as):
    body = api_as(cast.researcher_a).get("/me").json()
    assert body["memberships"] == [
        {"programme_id": cast.programme.pk, "partnership_id": cast.a.pk, "role": "researcher"}
    ]
    assert body["display_name"] == "Researcher of A"


# --- /programmes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", IN_THE_PROGRAMME)
def test_everyone_with_a_role_lists_her_programme_and_no_other(cast, api_as, name):
    response = api_as(getattr(cast, name)).get("/programmes")
    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert ids(response) == [cast.programme.pk]


def test_an_outsider_lists_no_programme(cast, api_as):
    response = api_as(cast.outsider).get("/programmes")
    assert response.status_code == 200
    assert response.json() == {"items": [], "count": 0}


def test_a_site_administrator_lists_every_programme(cast, api_as):
    admin = make_user("admin", is_superuser=True)
    response = api_as(admin).get("/programmes")
    assert sorted(ids(response)) == sorted([cast.programme.pk, cast.other_programme.pk])


@pytest.mark.parametrize("name", IN_THE_PROGRAMME)
def test_everyone_with_a_role_reads_her_programme(cast, api_as, name):
    response = api_as(getattr(cast, name)).get(f"/programmes/{cast.programme.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == cast.programme.pk
    assert body["title"] == "Women migrants FPAR"
    assert body["lead_organisation"]["name"] == "Network secretariat"


@pytest.mark.parametrize("name", EVERYONE)
def test_a_programme_without_her_answers_404_exactly_like_one_that_does_not_exist(cast, api_as, name):
    client = api_as(getattr(cast, name))
    forbidden = client.get(f"/programmes/{cast.other_programme.pk}")
    missing = client.get("/programmes/999999")
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.json() == missing.json() == {"detail": "Not found."}


def test_an_outsider_gets_404_for_a_programme_that_exists(cast, api_as):
    assert api_as(cast.outsider).get(f"/programmes/{cast.programme.pk}").status_code == 404


# --- /partnerships -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("coordinator", ["a", "b"]),
        ("viewer", ["a", "b"]),
        ("mentor_a", ["a"]),
        ("researcher_a", ["a"]),
        ("coresearcher_a", ["a"]),
        ("researcher_b", ["b"]),
        ("outsider", []),
    ],
)
def test_each_person_lists_only_the_partnerships_she_may_see(elsewhere, api_as, name, expected):
    response = api_as(getattr(elsewhere, name)).get("/partnerships")
    assert response.status_code == 200
    assert ids(response) == [getattr(elsewhere, p).pk for p in expected]
    assert response.json()["count"] == len(expected)


def test_partnerships_can_be_filtered_by_programme(elsewhere, api_as):
    client = api_as(elsewhere.coordinator)
    assert ids(client.get("/partnerships", {"programme_id": elsewhere.programme.pk})) == [
        elsewhere.a.pk,
        elsewhere.b.pk,
    ]
    # The other programme's partnership exists but is not hers: the filter finds nothing.
    assert ids(client.get("/partnerships", {"programme_id": elsewhere.other_programme.pk})) == []


def test_partnerships_can_be_filtered_by_country_in_either_case(cast, api_as):
    client = api_as(cast.viewer)
    assert ids(client.get("/partnerships", {"country": "TJ"})) == [cast.b.pk]
    assert ids(client.get("/partnerships", {"country": "kg"})) == [cast.a.pk]
    assert ids(client.get("/partnerships", {"country": "UZ"})) == []


def test_a_country_filter_never_widens_what_a_team_member_sees(cast, api_as):
    assert ids(api_as(cast.researcher_a).get("/partnerships", {"country": "TJ"})) == []


def test_a_malformed_filter_is_a_400_with_a_readable_detail(cast, api_as):
    response = api_as(cast.coordinator).get("/partnerships", {"programme_id": "first"})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("programme_id:")


@pytest.mark.parametrize(
    "name, partnership, status",
    [
        ("coordinator", "a", 200),
        ("coordinator", "b", 200),
        ("viewer", "a", 200),
        ("viewer", "b", 200),
        ("researcher_a", "a", 200),
        ("researcher_a", "b", 404),
        ("mentor_a", "b", 404),
        ("coresearcher_a", "b", 404),
        ("researcher_b", "b", 200),
        ("researcher_b", "a", 404),
        ("outsider", "a", 404),
        ("outsider", "b", 404),
        ("coordinator", "c", 404),
        ("viewer", "c", 404),
    ],
)
def test_reading_one_partnership_follows_the_access_rules(elsewhere, api_as, name, partnership, status):
    target = getattr(elsewhere, partnership)
    response = api_as(getattr(elsewhere, name)).get(f"/partnerships/{target.pk}")
    assert response.status_code == status
    if status == 200:
        assert response.json()["id"] == target.pk
        assert response.json()["organisation"]["name"] == target.organisation.name
    else:
        assert response.json() == {"detail": "Not found."}


def test_a_partnership_that_does_not_exist_answers_like_a_forbidden_one(cast, api_as):
    client = api_as(cast.researcher_b)
    assert client.get("/partnerships/999999").json() == client.get(f"/partnerships/{cast.a.pk}").json()
