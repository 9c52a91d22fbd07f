"""A programme's people: who may list them, and how a coordinator gives someone a role."""

import datetime

import pytest

from ovoz.accounts.models import Organisation
from ovoz.accounts.roles import Role
from ovoz.audit.models import AuditEntry
from ovoz.programmes.models import Membership, Partnership, Programme
from tests.conftest import make_user

TEAM_A = {"mentor_a", "researcher_a", "coresearcher_a"}
EVERYONE_IN_THE_PROGRAMME = TEAM_A | {"coordinator", "viewer", "researcher_b"}


def members_path(programme) -> str:
    return f"/programmes/{programme.pk}/members"


def usernames(response) -> set[str]:
    return {item["username"] for item in response.json()["items"]}


@pytest.fixture
def elsewhere(cast):
    """Someone coordinating the other programme, and a partnership there."""
    cast.elsewhere_coordinator = make_user("elsewhere_coordinator")
    Membership.objects.create(user=cast.elsewhere_coordinator, programme=cast.other_programme, role=Role.COORDINATOR)
    org = Organisation.objects.create(name="Partner C", country="UZ")
    cast.c = Partnership.objects.create(programme=cast.other_programme, organisation=org, country="UZ")
    return cast


# --- listing -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("coordinator", EVERYONE_IN_THE_PROGRAMME),
        ("mentor_a", TEAM_A),
        ("researcher_a", TEAM_A),
        ("coresearcher_a", TEAM_A),
        ("researcher_b", {"researcher_b"}),
        ("viewer", set()),
    ],
)
def test_each_person_lists_only_the_people_she_may_see(elsewhere, api_as, name, expected):
    response = api_as(getattr(elsewhere, name)).get(members_path(elsewhere.programme))
    assert response.status_code == 200
    assert usernames(response) == expected
    assert response.json()["count"] == len(expected)
    assert "elsewhere_coordinator" not in usernames(response)


def test_the_members_list_is_exactly_what_memberships_visible_to_allows(cast, api_as):
    from ovoz.programmes.access import memberships_visible_to

    for name in EVERYONE_IN_THE_PROGRAMME:
        user = getattr(cast, name)
        allowed = set(memberships_visible_to(user).filter(programme=cast.programme).values_list("pk", flat=True))
        listed = {item["id"] for item in api_as(user).get(members_path(cast.programme)).json()["items"]}
        assert listed == allowed, name


def test_a_member_entry_names_the_person_her_role_and_her_partnership(cast, api_as):
    items = api_as(cast.researcher_a).get(members_path(cast.programme)).json()["items"]
    mentor = next(i for i in items if i["username"] == "mentor_a")
    assert mentor == {
        "id": Membership.objects.get(user=cast.mentor_a).pk,
        "user_id": cast.mentor_a.pk,
        "username": "mentor_a",
        "display_name": "Mentor of A",
        "role": "mentor",
        "programme_id": cast.programme.pk,
        "partnership_id": cast.a.pk,
    }


def test_an_outsider_gets_404_for_the_members_of_a_programme_that_exists(cast, api_as):
    response = api_as(cast.outsider).get(members_path(cast.programme))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize("name", sorted(EVERYONE_IN_THE_PROGRAMME))
def test_nobody_in_this_programme_can_list_the_members_of_another(elsewhere, api_as, name):
    response = api_as(getattr(elsewhere, name)).get(members_path(elsewhere.other_programme))
    assert response.status_code == 404


def test_the_coordinator_of_another_programme_gets_404_here(elsewhere, api_as):
    assert api_as(elsewhere.elsewhere_coordinator).get(members_path(elsewhere.programme)).status_code == 404


@pytest.mark.parametrize(
    "name, partnership, status, expected",
    [
        ("coordinator", "a", 200, TEAM_A),
        ("coordinator", "b", 200, {"researcher_b"}),
        ("researcher_a", "a", 200, TEAM_A),
        ("researcher_a", "b", 404, None),
        ("coresearcher_a", "b", 404, None),
        ("researcher_b", "a", 404, None),
        ("researcher_b", "b", 200, {"researcher_b"}),
        ("viewer", "a", 200, set()),
        ("coordinator", "c", 404, None),
    ],
)
def test_the_team_of_one_partnership_follows_the_access_rules(elsewhere, api_as, name, partnership, status, expected):
    response = api_as(getattr(elsewhere, name)).get(
        members_path(elsewhere.programme), {"partnership_id": getattr(elsewhere, partnership).pk}
    )
    assert response.status_code == status
    if expected is not None:
        assert usernames(response) == expected


def test_the_members_list_pages_with_limit_and_offset(cast, api_as):
    client = api_as(cast.coordinator)
    everyone = client.get(members_path(cast.programme)).json()
    first = client.get(members_path(cast.programme), {"limit": 4}).json()
    rest = client.get(members_path(cast.programme), {"limit": 4, "offset": 4}).json()
    beyond = client.get(members_path(cast.programme), {"limit": 4, "offset": 40}).json()
    assert everyone["count"] == first["count"] == rest["count"] == beyond["count"] == 6
    assert len(first["items"]) == 4 and len(rest["items"]) == 2 and beyond["items"] == []
    assert first["items"] + rest["items"] == everyone["items"]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 201}, {"offset": -1}, {"limit": "many"}])
def test_a_page_size_out_of_range_is_a_400(cast, api_as, params):
    response = api_as(cast.coordinator).get(members_path(cast.programme), params)
    assert response.status_code == 400
    assert response.json()["detail"].startswith(next(iter(params)) + ":")


# --- giving a role -----------------------------------------------------------------------------------


def test_a_coordinator_gives_an_existing_person_a_role_and_it_is_audited(cast, api_as):
    response = api_as(cast.coordinator).post(
        members_path(cast.programme), {"username": "outsider", "role": "researcher", "partnership_id": cast.b.pk}
    )
    assert response.status_code == 201
    membership = Membership.objects.get(user=cast.outsider)
    assert (membership.programme, membership.partnership, membership.role) == (cast.programme, cast.b, "researcher")
    assert response.json()["id"] == membership.pk
    assert response.json()["username"] == "outsider"
    entry = AuditEntry.objects.get(action="membership.grant")
    assert entry.actor == cast.coordinator
    assert entry.object_id == str(membership.pk)
    assert entry.programme_id == cast.programme.pk and entry.partnership_id == cast.b.pk
    assert entry.changes["role"] == {"old": None, "new": "researcher"}


def test_the_new_member_can_then_see_her_team(cast, api_as):
    api_as(cast.coordinator).post(
        members_path(cast.programme), {"username": "outsider", "role": "mentor", "partnership_id": cast.b.pk}
    )
    assert usernames(api_as(cast.outsider).get(members_path(cast.programme))) == {"outsider", "researcher_b"}


def test_a_programme_wide_role_needs_no_partnership(cast, api_as):
    response = api_as(cast.coordinator).post(members_path(cast.programme), {"username": "Outsider", "role": "viewer"})
    assert response.status_code == 201
    assert response.json()["partnership_id"] is None
    assert Membership.objects.get(user=cast.outsider).role == "viewer"


@pytest.mark.parametrize("name", ["mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"])
def test_only_a_coordinator_may_give_roles_everyone_else_gets_404(cast, api_as, name):
    response = api_as(getattr(cast, name)).post(
        members_path(cast.programme), {"username": "outsider", "role": "viewer"}
    )
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert not Membership.objects.filter(user=cast.outsider).exists()
    assert not AuditEntry.objects.filter(action__startswith="membership.").exists()


def test_a_coordinator_cannot_give_roles_in_a_programme_she_does_not_coordinate(elsewhere, api_as):
    response = api_as(elsewhere.coordinator).post(
        members_path(elsewhere.other_programme), {"username": "outsider", "role": "viewer"}
    )
    assert response.status_code == 404
    assert not Membership.objects.filter(user=elsewhere.outsider).exists()


@pytest.mark.parametrize(
    "body, detail",
    [
        ({"username": "outsider", "role": "boss"}, "Unknown role 'boss'"),
        ({"username": "nobody_here", "role": "viewer"}, "There is no account with the username 'nobody_here'"),
        ({"username": "outsider", "role": "researcher"}, "belongs to a partnership"),
        ({"username": "outsider", "role": "viewer", "partnership_id": "{a}"}, "belongs to the whole programme"),
        ({"username": "outsider", "role": "researcher", "partnership_id": 999999}, "not in this programme"),
        ({"username": "outsider", "role": "researcher", "partnership_id": "{c}"}, "not in this programme"),
        ({"username": "outsider"}, "role: Field required"),
        ({"role": "viewer"}, "username: Field required"),
    ],
)
def test_a_bad_request_to_give_a_role_is_a_400_that_says_why(elsewhere, api_as, body, detail):
    places = {"{a}": elsewhere.a.pk, "{c}": elsewhere.c.pk}
    body = {key: places.get(value, value) for key, value in body.items()}
    response = api_as(elsewhere.coordinator).post(members_path(elsewhere.programme), body)
    assert response.status_code == 400
    assert set(response.json()) == {"detail"}
    assert detail in response.json()["detail"]
    assert not Membership.objects.filter(user=elsewhere.outsider).exists()
    assert not AuditEntry.objects.filter(action__startswith="membership.").exists()


def test_a_body_that_is_not_json_is_a_400(cast, api_as):
    response = api_as(cast.coordinator).post(members_path(cast.programme), "username=outsider")
    assert response.status_code == 400
    assert isinstance(response.json()["detail"], str)


def test_giving_someone_the_role_she_already_has_changes_nothing(cast, api_as):
    response = api_as(cast.coordinator).post(
        members_path(cast.programme), {"username": "researcher_b", "role": "researcher", "partnership_id": cast.b.pk}
    )
    assert response.status_code == 200
    assert response.json()["id"] == Membership.objects.get(user=cast.researcher_b).pk
    assert not AuditEntry.objects.filter(action__startswith="membership.").exists()


def test_changing_a_role_through_the_api_is_refused_with_409(cast, api_as):
    response = api_as(cast.coordinator).post(
        members_path(cast.programme), {"username": "researcher_b", "role": "mentor", "partnership_id": cast.b.pk}
    )
    assert response.status_code == 409
    assert "People page" in response.json()["detail"]
    assert Membership.objects.get(user=cast.researcher_b).role == "researcher"
    assert not AuditEntry.objects.filter(action__startswith="membership.").exists()


def test_a_person_may_hold_roles_in_two_partnerships(cast, api_as):
    response = api_as(cast.coordinator).post(
        members_path(cast.programme), {"username": "researcher_b", "role": "mentor", "partnership_id": cast.a.pk}
    )
    assert response.status_code == 201
    assert set(Membership.objects.filter(user=cast.researcher_b).values_list("role", flat=True)) == {
        "researcher",
        "mentor",
    }


def test_a_site_administrator_may_give_roles_in_any_programme(cast, api_as):
    admin = make_user("admin", is_superuser=True)
    programme = Programme.objects.create(
        title="Third",
        lead_organisation=cast.programme.lead_organisation,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2027, 1, 1),
    )
    response = api_as(admin).post(members_path(programme), {"username": "outsider", "role": "coordinator"})
    assert response.status_code == 201
    assert AuditEntry.objects.get(action="membership.grant").actor == admin
