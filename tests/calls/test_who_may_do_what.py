"""Only the programme's coordinators manage its calls; team members, viewers and outsiders get 404."""

import pytest

from ovoz.accounts.roles import Role
from ovoz.calls.models import Application, Call
from ovoz.programmes.models import Membership
from tests.calls.conftest import confirmed
from tests.conftest import make_user

NOT_COORDINATORS = ["mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"]


def coordinator_pages(call, application) -> list[tuple[str, str, dict]]:
    return [
        ("get", f"/programmes/{call.programme_id}/calls/", {}),
        ("get", f"/programmes/{call.programme_id}/calls/new/", {}),
        ("post", f"/programmes/{call.programme_id}/calls/new/", {"title": "Mine now"}),
        ("get", f"/calls/{call.pk}/manage/", {}),
        ("get", f"/calls/{call.pk}/manage/edit/", {}),
        ("get", f"/calls/{call.pk}/manage/criteria/", {}),
        ("post", f"/calls/{call.pk}/manage/state/", {"action": "publish"}),
        ("get", f"/calls/{call.pk}/manage/reviewers/", {}),
        ("post", f"/calls/{call.pk}/manage/reviewers/", {"username": "outsider"}),
        ("get", f"/calls/{call.pk}/manage/applications/", {}),
        ("get", f"/calls/{call.pk}/manage/ranking/", {}),
        ("get", f"/calls/{call.pk}/manage/selection/", {}),
        ("post", f"/calls/{call.pk}/manage/selection/", {"application": [application.pk]}),
        ("get", f"/calls/{call.pk}/manage/announce/", {}),
        ("post", f"/calls/{call.pk}/manage/announce/", {}),
        ("get", f"/calls/applications/{application.pk}/", {}),
        ("post", f"/calls/applications/{application.pk}/invite/", {"role": "mentor"}),
    ]


@pytest.mark.parametrize("name", NOT_COORDINATORS)
def test_nobody_but_the_coordinator_reaches_a_management_page(cast, as_user, reviewed, name):
    client = confirmed(as_user(getattr(cast, name)))
    for method, path, data in coordinator_pages(reviewed, reviewed.apps["valley"]):
        assert getattr(client, method)(path, data).status_code == 404, f"{name} {method} {path}"
    assert not Application.objects.filter(selected=True).exists()
    assert Call.objects.count() == 1 and Call.objects.get().state == "closed"


def test_the_coordinator_of_another_programme_gets_404(cast, as_user, reviewed):
    neighbour = make_user("neighbour")
    Membership.objects.create(user=neighbour, programme=cast.other_programme, role=Role.COORDINATOR)
    client = confirmed(as_user(neighbour))
    for method, path, data in coordinator_pages(reviewed, reviewed.apps["valley"]):
        assert getattr(client, method)(path, data).status_code == 404, f"{method} {path}"
    assert client.get(f"/calls/{reviewed.pk}/reviews/").status_code == 404


def test_the_coordinator_reaches_every_management_page(cast, as_user, reviewed):
    client = confirmed(as_user(cast.coordinator))
    for method, path, _data in coordinator_pages(reviewed, reviewed.apps["valley"]):
        if method == "get":
            assert client.get(path).status_code == 200, path


def test_a_site_administrator_manages_every_call(cast, as_user, reviewed):
    admin = make_user("admin", is_superuser=True)
    client = confirmed(as_user(admin))
    assert client.get(f"/calls/{reviewed.pk}/manage/ranking/").status_code == 200


def test_a_mentor_named_reviewer_reviews_but_does_not_manage(cast, as_user, reviewed):
    client = confirmed(as_user(cast.mentor_a))
    assert client.get(f"/calls/{reviewed.pk}/reviews/").status_code == 200
    assert client.get(f"/calls/{reviewed.pk}/manage/ranking/").status_code == 404
    assert client.get(f"/calls/applications/{reviewed.apps['valley'].pk}/").status_code == 404


def test_a_reviewer_of_a_draft_call_has_nothing_to_review_yet(cast, as_user, call):
    from ovoz.calls.services import call_reviewer_add

    Call.objects.filter(pk=call.pk).update(state=Call.State.DRAFT)
    call_reviewer_add(actor=cast.coordinator, call=call, user=cast.mentor_a)
    assert as_user(cast.mentor_a).get(f"/calls/{call.pk}/reviews/").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in_from_management_pages(client, reviewed):
    for method, path, data in coordinator_pages(reviewed, reviewed.apps["valley"]):
        response = getattr(client, method)(path, data)
        assert response.status_code == 302 and "/auth/login/" in response["Location"], path
