from ovoz.accounts.models import User
from ovoz.accounts.security import REAUTH_SESSION_KEY
from ovoz.audit.models import AuditEntry
from ovoz.programmes.models import Membership, Partnership


def confirmed(client):
    session = client.session
    session[REAUTH_SESSION_KEY] = 2**40
    session.save()
    return client


def test_the_coordinator_adds_a_new_researcher_to_partnership_a(cast, as_user):
    client = as_user(cast.coordinator)
    response = client.post(
        f"/programmes/{cast.programme.pk}/people/add/",
        {
            "username": "newresearcher",
            "full_name": "New Researcher",
            "role": "researcher",
            "partnership": str(cast.a.pk),
        },
        follow=True,
    )
    assert "temporary password" in response.content.decode()
    user = User.objects.get(username="newresearcher")
    assert Membership.objects.get(user=user).partnership == cast.a
    assert AuditEntry.objects.filter(action="user.create").exists()
    assert AuditEntry.objects.filter(action="membership.grant", partnership=cast.a).exists()


def test_a_researcher_role_without_a_partnership_is_refused_with_a_reason(cast, as_user):
    client = as_user(cast.coordinator)
    response = client.post(
        f"/programmes/{cast.programme.pk}/people/add/",
        {"username": "outsider", "role": "researcher", "partnership": ""},
        follow=True,
    )
    assert "belongs to a partnership" in response.content.decode()
    assert not Membership.objects.filter(user=cast.outsider).exists()


def test_a_partnership_of_another_programme_cannot_be_chosen(cast, as_user):
    client = as_user(cast.coordinator)
    client.post(
        f"/programmes/{cast.programme.pk}/people/add/", {"username": "outsider", "role": "mentor", "partnership": "999"}
    )
    assert not Membership.objects.filter(user=cast.outsider).exists()


def test_the_people_list_searches_and_filters_by_role(cast, as_user):
    client = as_user(cast.coordinator)
    body = client.get(f"/programmes/{cast.programme.pk}/people/", {"role": "researcher"}).content.decode()
    assert "researcher_a" in body and "researcher_b" in body and "mentor_a" not in body
    body = client.get(f"/programmes/{cast.programme.pk}/people/", {"q": "mentor"}).content.decode()
    assert "mentor_a" in body and "researcher_b" not in body


def test_removing_a_role_asks_for_confirmation_and_is_audited(cast, as_user):
    client = confirmed(as_user(cast.coordinator))
    membership = Membership.objects.get(user=cast.researcher_b)
    page = client.get(f"/memberships/{membership.pk}/remove/")
    assert "Remove this role?" in page.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()
    client.post(f"/memberships/{membership.pk}/remove/")
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEntry.objects.get(action="membership.revoke").changes["role"]["old"] == "researcher"


def test_a_mentor_cannot_change_roles_even_in_her_own_partnership(cast, as_user):
    client = confirmed(as_user(cast.mentor_a))
    membership = Membership.objects.get(user=cast.researcher_a)
    assert client.post(f"/memberships/{membership.pk}/role/", {"role": "mentor"}).status_code == 404
    membership.refresh_from_db()
    assert membership.role == "researcher"


def test_the_coordinator_adds_a_partnership_and_its_organisation(cast, as_user):
    client = as_user(cast.coordinator)
    client.post(
        f"/programmes/{cast.programme.pk}/partnerships/new/",
        {"organisation": "Partner C", "country": "UZ", "briefer_title": "C briefer"},
    )
    partnership = Partnership.objects.get(organisation__name="Partner C")
    assert partnership.programme == cast.programme
    assert AuditEntry.objects.filter(action="partnership.create", partnership=partnership).exists()


def test_the_same_organisation_cannot_join_a_programme_twice(cast, as_user):
    client = as_user(cast.coordinator)
    response = client.post(
        f"/programmes/{cast.programme.pk}/partnerships/new/",
        {"organisation": "Partner A", "country": "KG"},
        follow=True,
    )
    assert "already a partner" in response.content.decode()
    assert Partnership.objects.filter(organisation__name="Partner A").count() == 1


def test_a_viewer_sees_partnerships_but_not_their_teams(cast, as_user):
    body = as_user(cast.viewer).get(f"/partnerships/{cast.a.pk}/").content.decode()
    assert "Partner A" in body
    assert "Researcher of A" not in body


def test_the_people_page_makes_a_fixed_number_of_queries(cast, as_user, django_assert_max_num_queries):
    from ovoz.programmes.services import membership_grant
    from tests.conftest import make_user

    client = as_user(cast.coordinator)
    for i in range(15):
        membership_grant(
            actor=None,
            user=make_user(f"extra{i}"),
            programme=cast.programme,
            role="mentor",
            partnership=cast.b if i % 2 else cast.a,
        )
    with django_assert_max_num_queries(15):
        assert client.get(f"/programmes/{cast.programme.pk}/people/").status_code == 200
