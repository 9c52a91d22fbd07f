"""The coordinator invites programme members and records who came; an invitee confirms for herself."""

from ovoz.audit.models import AuditEntry
from ovoz.events.models import Invitation
from ovoz.events.services import invitations_create


def test_inviting_all_mentors_and_researchers_leaves_out_co_researchers_viewers_and_outsiders(cast, as_user, event):
    client = as_user(cast.coordinator)
    response = client.post(f"/events/{event.pk}/participants/invite/", {"all": "1"}, follow=True)
    assert "3 people invited" in response.content.decode()
    invited = set(event.invitations.values_list("user__username", flat=True))
    assert invited == {"mentor_a", "researcher_a", "researcher_b"}
    assert Invitation.objects.get(user=cast.researcher_b).partnership == cast.b
    assert AuditEntry.objects.filter(action="event.invite", partnership=cast.a).count() == 2
    # Twice is the same as once.
    client.post(f"/events/{event.pk}/participants/invite/", {"all": "1"})
    assert event.invitations.count() == 3


def test_the_coordinator_invites_one_person(cast, as_user, event):
    client = as_user(cast.coordinator)
    client.post(f"/events/{event.pk}/participants/invite/", {"users": [str(cast.coresearcher_a.pk)]})
    invitation = Invitation.objects.get()
    assert invitation.user == cast.coresearcher_a and invitation.role == "co_researcher"
    assert invitation.status == "invited"


def test_someone_outside_the_programmes_teams_cannot_be_invited(cast, as_user, event):
    client = as_user(cast.coordinator)
    client.post(f"/events/{event.pk}/participants/invite/", {"users": [str(cast.outsider.pk), str(cast.viewer.pk)]})
    assert not Invitation.objects.exists()
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        invitations_create(actor=cast.coordinator, event=event, users=[cast.viewer])


def test_the_tick_list_records_attendance_with_htmx_and_answers_the_row(cast, as_user, event):
    (invitation,) = invitations_create(actor=cast.coordinator, event=event, users=[cast.researcher_a])
    client = as_user(cast.coordinator)
    response = client.post(
        f"/events/invitations/{invitation.pk}/status/", {"status": "attended"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith(f'<tr id="invitation-{invitation.pk}"') and 'aria-pressed="true"' in body
    invitation.refresh_from_db()
    assert invitation.status == "attended"
    entry = AuditEntry.objects.get(action="event.attendance")
    assert entry.changes == {"status": {"old": "invited", "new": "attended"}} and entry.partnership_id == cast.a.pk
    # Without htmx the page is reloaded.
    response = client.post(f"/events/invitations/{invitation.pk}/status/", {"status": "absent"})
    assert response["Location"] == f"/events/{event.pk}/participants/"
    invitation.refresh_from_db()
    assert invitation.status == "absent"


def test_an_unknown_status_changes_nothing(cast, as_user, event):
    (invitation,) = invitations_create(actor=cast.coordinator, event=event, users=[cast.researcher_a])
    as_user(cast.coordinator).post(f"/events/invitations/{invitation.pk}/status/", {"status": "maybe"})
    invitation.refresh_from_db()
    assert invitation.status == "invited"


def test_the_invitee_confirms_and_takes_it_back_but_cannot_mark_herself_attended(cast, as_user, event):
    (invitation,) = invitations_create(actor=cast.coordinator, event=event, users=[cast.researcher_a])
    client = as_user(cast.researcher_a)
    page = client.get(f"/events/{event.pk}/").content.decode()
    assert "Your invitation" in page and "I will attend" in page
    client.post(f"/events/{event.pk}/respond/", {"attending": "1"})
    invitation.refresh_from_db()
    assert invitation.status == "confirmed"
    client.post(f"/events/{event.pk}/respond/", {"attending": "0"})
    invitation.refresh_from_db()
    assert invitation.status == "invited"
    assert client.post(f"/events/invitations/{invitation.pk}/status/", {"status": "attended"}).status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == "invited"


def test_someone_not_invited_has_nothing_to_answer(cast, as_user, event):
    invitations_create(actor=cast.coordinator, event=event, users=[cast.researcher_a])
    assert as_user(cast.researcher_b).post(f"/events/{event.pk}/respond/", {"attending": "1"}).status_code == 404


def test_researcher_b_cannot_record_or_withdraw_partnership_as_invitations(cast, as_user, event):
    (invitation,) = invitations_create(actor=cast.coordinator, event=event, users=[cast.researcher_a])
    for person in (cast.researcher_b, cast.mentor_a, cast.viewer, cast.outsider):
        client = as_user(person)
        assert client.post(f"/events/invitations/{invitation.pk}/status/", {"status": "absent"}).status_code == 404
        assert client.post(f"/events/invitations/{invitation.pk}/withdraw/").status_code == 404
        assert client.get(f"/events/{event.pk}/participants/").status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == "invited"


def test_an_invitation_is_withdrawn_only_before_attendance_is_recorded(cast, as_user, event):
    one, two = invitations_create(actor=cast.coordinator, event=event, users=[cast.researcher_a, cast.mentor_a])
    client = as_user(cast.coordinator)
    client.post(f"/events/invitations/{one.pk}/status/", {"status": "attended"})
    response = client.post(f"/events/invitations/{one.pk}/withdraw/", follow=True)
    assert "mark her absent instead" in response.content.decode()
    client.post(f"/events/invitations/{two.pk}/withdraw/")
    assert list(event.invitations.values_list("user__username", flat=True)) == ["researcher_a"]
    assert AuditEntry.objects.filter(action="event.uninvite").count() == 1


def test_the_participants_page_counts_by_status(cast, as_user, event):
    one, two, three = invitations_create(
        actor=cast.coordinator, event=event, users=[cast.researcher_a, cast.mentor_a, cast.researcher_b]
    )
    client = as_user(cast.coordinator)
    client.post(f"/events/invitations/{one.pk}/status/", {"status": "attended"})
    client.post(f"/events/invitations/{two.pk}/status/", {"status": "absent"})
    body = client.get(f"/events/{event.pk}/participants/").content.decode()
    assert "3 invited · 0 confirmed · 1 attended · 1 absent" in body
    assert "Researcher of B" in body
