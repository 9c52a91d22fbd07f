"""Selecting and announcing: partnerships, accounts, roles, invitations and decisions, once and atomically.

``mailoutbox`` comes after the database fixtures in every signature: Django's test case gives
``mail.outbox`` a new list when it sets up, and the fixture must hold that one."""

import re

import pytest
from django.core.exceptions import ValidationError

from ovoz.accounts.models import Organisation, User
from ovoz.audit.models import AuditEntry
from ovoz.calls.models import Application, Call
from ovoz.calls.services import call_announce, call_select
from ovoz.programmes.models import Membership, Partnership
from tests.calls.conftest import confirmed, state, submit


@pytest.fixture
def chosen(cast, reviewed):
    """The valley and the steppe selected; the valley applied in Russian."""
    Application.objects.filter(pk=reviewed.apps["valley"].pk).update(language="ru")
    call_select(actor=cast.coordinator, call=reviewed, applications=[reviewed.apps["valley"], reviewed.apps["steppe"]])
    return reviewed


# --- selection ----------------------------------------------------------------------------------------


def test_the_coordinator_selects_on_the_selection_page_and_is_warned_below_the_minimum(cast, as_user, reviewed):
    client = as_user(cast.coordinator)
    response = client.post(
        f"/calls/{reviewed.pk}/manage/selection/", {"application": [reviewed.apps["valley"].pk]}, follow=True
    )
    assert "fewer than the 2 places" in response.content.decode()
    assert list(Application.objects.filter(selected=True)) == [reviewed.apps["valley"]]
    assert AuditEntry.objects.filter(action="application.select", programme=reviewed.programme).count() == 1


def test_an_ineligible_application_cannot_be_selected(cast, as_user, reviewed):
    client = as_user(cast.coordinator)
    client.post(f"/calls/{reviewed.pk}/manage/selection/", {"application": [reviewed.apps["late"].pk]})
    assert not Application.objects.filter(selected=True).exists()
    with pytest.raises(ValidationError):
        call_select(actor=cast.coordinator, call=reviewed, applications=[reviewed.apps["late"]])


def test_no_more_than_the_places_of_the_call_can_be_selected(cast, reviewed):
    Call.objects.filter(pk=reviewed.pk).update(places_min=1, places_max=1)
    reviewed.refresh_from_db()
    with pytest.raises(ValidationError, match="At most 1"):
        call_select(
            actor=cast.coordinator, call=reviewed, applications=[reviewed.apps["valley"], reviewed.apps["steppe"]]
        )
    assert not Application.objects.filter(selected=True).exists()


def test_selection_waits_until_the_call_is_closed(cast, call):
    application = submit(call)
    with pytest.raises(ValidationError, match="Close the call"):
        call_select(actor=cast.coordinator, call=call, applications=[application])


# --- announcement -------------------------------------------------------------------------------------


def test_announcing_asks_for_the_password_again_and_shows_what_will_happen(cast, as_user, chosen, mailoutbox):
    client = as_user(cast.coordinator)
    response = client.get(f"/calls/{chosen.pk}/manage/announce/")
    assert response.status_code == 302 and response["Location"].startswith("/auth/confirm/")
    assert client.post(f"/calls/{chosen.pk}/manage/announce/").status_code == 302
    assert state(chosen) == "closed"
    body = confirmed(client).get(f"/calls/{chosen.pk}/manage/announce/").content.decode()
    assert "Announce the selection?" in body
    assert "Women of the Valley" in body and "Steppe Sisters" in body
    assert "All 3 applicants receive the decision" in body
    assert state(chosen) == "closed" and not mailoutbox


def test_announcing_creates_partnerships_accounts_roles_and_sends_every_email_once(cast, as_user, chosen, mailoutbox):
    client = confirmed(as_user(cast.coordinator))
    response = client.post(f"/calls/{chosen.pk}/manage/announce/", follow=True)
    assert "The selection is announced" in response.content.decode()
    assert state(chosen) == "announced"

    valley_org = Organisation.objects.get(name="Women of the Valley")
    assert valley_org.women_led and valley_org.country == "KG"
    valley = Partnership.objects.get(programme=cast.programme, organisation=valley_org)
    steppe = Partnership.objects.get(programme=cast.programme, organisation__name="Steppe Sisters")
    assert valley.country == "KG" and steppe.country == "TJ"
    assert not Partnership.objects.filter(organisation__name="Too Old Group").exists()

    researcher = User.objects.get(username="researcher.women-of-the-valley")
    mentor = User.objects.get(username="mentor.women-of-the-valley")
    assert researcher.full_name == "Aida Researcher" and researcher.email == "aida@valley.example.org"
    assert not researcher.has_usable_password() and not mentor.has_usable_password()
    assert researcher.language == "ru"
    assert Membership.objects.get(user=researcher).partnership == valley
    assert Membership.objects.get(user=researcher).role == "researcher"
    assert Membership.objects.get(user=mentor).role == "mentor"
    application = Application.objects.get(pk=chosen.apps["valley"].pk)
    assert application.partnership == valley and application.researcher_user == researcher

    # Four invitations (two people in each of two partnerships) and three decisions.
    assert len(mailoutbox) == 7
    decisions = {m.to[0]: m for m in mailoutbox if "Your application" in m.subject}
    assert set(decisions) == {"office@valley.example.org", "hi@steppe.example"}  # the third shares an address
    assert sum(1 for m in mailoutbox if m.to == ["office@valley.example.org"]) == 2
    assert "selected" in decisions["hi@steppe.example"].subject
    # Invitations go out in each applicant's language: recognise them by their link, not their words.
    invitations = [m for m in mailoutbox if "/calls/invitations/" in m.body]
    assert sorted(m.to[0] for m in invitations) == sorted(
        ["aida@valley.example.org", "mira@valley.example.org", "aida@valley.example.org", "mira@valley.example.org"]
    )

    for action, n in [
        ("organisation.create", 2),
        ("partnership.create", 2),
        ("user.create", 4),
        ("membership.grant", 4),
        ("application.accept", 2),
        ("call.announce", 1),
        ("call.invitation_send", 4),
        ("call.decision_send", 3),
    ]:
        assert AuditEntry.objects.filter(action=action).count() == n, action
    assert AuditEntry.objects.get(action="call.announce").programme == cast.programme


def test_a_second_announcement_is_refused_and_sends_nothing(cast, as_user, chosen, mailoutbox):
    call_announce(actor=cast.coordinator, call=chosen, site_url="http://testserver/")
    sent = len(mailoutbox)
    users = User.objects.count()
    with pytest.raises(ValidationError, match="already announced"):
        call_announce(actor=cast.coordinator, call=chosen, site_url="http://testserver/")
    response = confirmed(as_user(cast.coordinator)).post(f"/calls/{chosen.pk}/manage/announce/", follow=True)
    assert "already announced" in response.content.decode()
    assert len(mailoutbox) == sent and User.objects.count() == users
    assert AuditEntry.objects.filter(action="call.announce").count() == 1


def test_an_existing_organisation_and_partnership_are_linked_not_created_again(cast, chosen):
    Application.objects.filter(pk=chosen.apps["steppe"].pk).update(organisation_name="partner a")
    call_announce(actor=cast.coordinator, call=chosen, site_url="http://testserver/")
    assert Application.objects.get(pk=chosen.apps["steppe"].pk).partnership == cast.a
    assert Partnership.objects.filter(organisation__name__iexact="partner a").count() == 1
    assert Organisation.objects.filter(name__iexact="partner a").count() == 1


def test_a_failure_halfway_leaves_nothing_announced(cast, chosen, monkeypatch):
    from ovoz.calls import mail as calls_mail

    def broken(application):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(calls_mail, "send_decision", broken)
    users, partnerships = User.objects.count(), Partnership.objects.count()
    with pytest.raises(ConnectionRefusedError):
        call_announce(actor=cast.coordinator, call=chosen, site_url="http://testserver/")
    assert state(chosen) == "closed"
    assert User.objects.count() == users and Partnership.objects.count() == partnerships
    assert not AuditEntry.objects.filter(action="call.announce").exists()


def test_announcing_needs_a_closed_call_and_a_selection(cast, reviewed):
    with pytest.raises(ValidationError, match="Select at least one"):
        call_announce(actor=cast.coordinator, call=reviewed, site_url="http://testserver/")
    from ovoz.calls.services import call_publish

    call_publish(actor=cast.coordinator, call=reviewed)
    with pytest.raises(ValidationError, match="Close the call"):
        call_announce(actor=cast.coordinator, call=reviewed, site_url="http://testserver/")


def test_the_decision_is_written_in_the_language_of_the_application(cast, chosen, mailoutbox):
    from django.utils import translation

    call_announce(actor=cast.coordinator, call=chosen, site_url="http://testserver/")
    with translation.override("ru"):
        expected = translation.gettext("Your application to %(call)s: selected") % {"call": chosen.title}
    subjects = [m.subject for m in mailoutbox if m.to == ["office@valley.example.org"]]
    assert expected in subjects


# --- invitations ---------------------------------------------------------------------------------------


def invitation_path(message) -> str:
    return re.search(r"http://testserver(/calls/invitations/[^\s]+/)", message.body).group(1)


def test_the_invitation_link_sets_her_password_once(cast, client, chosen, mailoutbox):
    call_announce(actor=cast.coordinator, call=chosen, site_url="http://testserver/")
    researcher = User.objects.get(username="researcher.steppe-sisters")
    message = next(m for m in mailoutbox if "invitation" in m.subject and researcher.username in m.body)
    path = invitation_path(message)

    response = client.get(path)
    assert response.status_code == 302 and "set-password" in response["Location"]
    page = client.get(response["Location"])
    assert "Choose your password" in page.content.decode()
    assert client.post(response["Location"], {"password1": "short", "password2": "short"}).status_code == 200
    response = client.post(
        response["Location"], {"password1": "a long river of stars", "password2": "a long river of stars"}
    )
    assert response.status_code == 302 and response["Location"] == "/auth/login/"
    researcher.refresh_from_db()
    assert researcher.check_password("a long river of stars")
    assert AuditEntry.objects.filter(action="user.set_password", object_id=str(researcher.pk)).exists()

    # The link works once.
    again = client.get(path, follow=True)
    assert "This link no longer works" in again.content.decode()


def test_a_forged_invitation_link_does_not_work(cast, client, chosen):
    call_announce(actor=cast.coordinator, call=chosen, site_url="http://testserver/")
    researcher = User.objects.get(username="researcher.steppe-sisters")
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(researcher.pk))
    assert "no longer works" in client.get(f"/calls/invitations/{uid}/abc-123/").content.decode()
    assert "no longer works" in client.get(f"/calls/invitations/{uid}/set-password/").content.decode()
    assert "no longer works" in client.get("/calls/invitations/zzz/abc-123/").content.decode()


def test_the_coordinator_can_send_an_invitation_again(cast, as_user, chosen, mailoutbox):
    call_announce(actor=cast.coordinator, call=chosen, site_url="http://testserver/")
    mailoutbox.clear()
    application = chosen.apps["steppe"]
    client = as_user(cast.coordinator)
    client.post(f"/calls/applications/{application.pk}/invite/", {"role": "mentor"})
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["mira@valley.example.org"]
    assert "/calls/invitations/" in mailoutbox[0].body
