"""The public side: open calls are listed, published calls have a page and a form, nothing else exists."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from ovoz.calls.models import Application, Call
from ovoz.calls.services import call_close, call_create, call_update
from tests.calls.conftest import form_data, submit


@pytest.fixture
def draft(cast):
    today = timezone.localdate()
    return call_create(
        actor=cast.coordinator, programme=cast.programme, title="A draft call", opens_on=today,
        closes_on=today + datetime.timedelta(days=5), focus_areas=["Decent work"],
    )


def test_the_list_of_open_calls_needs_no_account_and_shows_only_published_calls(client, call, draft):
    body = client.get("/calls/").content.decode()
    assert "Call for partners 2022" in body
    assert "A draft call" not in body


def test_a_published_call_has_a_public_page_with_its_focus_areas_and_criteria(client, call):
    response = client.get(f"/calls/{call.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Decent work" in body and "Social protection" in body
    assert "Experience" in body and f'href="/calls/{call.pk}/apply/"' in body


@pytest.mark.parametrize("path", ["", "apply/", "apply/thanks/"])
def test_a_draft_call_answers_404_to_the_public(client, draft, path):
    assert client.get(f"/calls/{draft.pk}/{path}").status_code == 404


@pytest.mark.parametrize("path", ["", "apply/", "apply/thanks/"])
def test_a_closed_call_answers_404_to_the_public(cast, client, call, path):
    call_close(actor=cast.coordinator, call=call)
    assert client.get(f"/calls/{call.pk}/{path}").status_code == 404
    assert client.get("/calls/").content.decode().count("Call for partners 2022") == 0


def test_a_call_past_its_deadline_keeps_its_page_but_not_its_form(cast, client, call):
    today = timezone.localdate()
    call_update(actor=cast.coordinator, call=call, opens_on=today - datetime.timedelta(days=9),
                closes_on=today - datetime.timedelta(days=1))
    assert "The deadline has passed" in client.get(f"/calls/{call.pk}/").content.decode()
    assert client.get(f"/calls/{call.pk}/apply/").status_code == 404
    assert client.post(f"/calls/{call.pk}/apply/", form_data(call)).status_code == 404


def test_a_call_not_yet_open_tells_when_its_form_opens(cast, client, call):
    today = timezone.localdate()
    call_update(actor=cast.coordinator, call=call, opens_on=today + datetime.timedelta(days=3),
                closes_on=today + datetime.timedelta(days=9))
    assert "The form opens on" in client.get(f"/calls/{call.pk}/").content.decode()
    assert client.get(f"/calls/{call.pk}/apply/").status_code == 404


def test_an_organisation_applies_without_an_account_and_sees_its_eligibility(client, call):
    client.cookies["django_language"] = "ru"
    response = client.post(f"/calls/{call.pk}/apply/", form_data(call))
    assert response.status_code == 302 and response["Location"] == f"/calls/{call.pk}/apply/thanks/"
    application = Application.objects.get(call=call)
    assert application.organisation_name == "Women of the Valley"
    assert application.eligible is True
    assert application.language == "ru"
    assert [f.name for f in application.focus_areas.all()] == ["Decent work"]
    client.cookies["django_language"] = "en"
    body = client.get(response["Location"]).content.decode()
    assert "Automatic eligibility check" in body
    assert "Researcher under 35 when the programme starts" in body


def test_an_ineligible_application_is_received_and_told_why(client, call):
    response = client.post(
        f"/calls/{call.pk}/apply/", form_data(call, researcher_from_community=None), follow=True
    )
    body = response.content.decode()
    assert Application.objects.get(call=call).eligible is False
    assert "Neither the researcher nor the mentor comes from the community." in body


def test_names_and_contacts_are_stored_encrypted(client, call):
    client.post(f"/calls/{call.pk}/apply/", form_data(call))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT organisation_name, contact_email, researcher_name, researcher_birth_date, mentor_name "
            "FROM calls_application"
        )
        row = cursor.fetchone()
    assert all(value.startswith("enc1:") for value in row)
    assert "Valley" not in "".join(row)


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"consent": None}, "consent", "Without this consent the application cannot be received."),
        ({"contact_email": "not an address"}, "contact_email", "Enter a valid email address."),
        ({"organisation_name": ""}, "organisation_name", "This field is required."),
        ({"researcher_birth_date": "2999-01-01"}, "researcher_birth_date", "cannot be in the future"),
        ({"researcher_english": "klingon"}, "researcher_english", "Select a valid choice."),
        ({"experience": "x" * 5001}, "experience", "at most 5000 characters"),
    ],
)
def test_an_invalid_application_is_not_received_and_says_what_to_fix(client, call, overrides, field, message):
    response = client.post(f"/calls/{call.pk}/apply/", form_data(call, **overrides))
    assert response.status_code == 200
    body = response.content.decode()
    assert "please correct what is marked below" in body
    assert message in str(response.context["form"].errors[field])
    assert not Application.objects.exists()


def test_the_same_organisation_cannot_apply_twice_to_one_call(client, call):
    submit(call)
    response = client.post(f"/calls/{call.pk}/apply/", form_data(call, organisation_name="  women of the VALLEY "))
    assert response.status_code == 200
    assert "already received an application from this organisation" in response.content.decode()
    assert Application.objects.count() == 1


def test_a_filled_in_honeypot_drops_the_application_silently(client, call):
    response = client.post(f"/calls/{call.pk}/apply/", form_data(call, website="http://spam.example"))
    assert response.status_code == 302
    assert not Application.objects.exists()
    assert "Automatic eligibility check" not in client.get(response["Location"]).content.decode()


def test_the_form_refuses_a_post_without_its_csrf_token(call):
    client = Client(enforce_csrf_checks=True)
    assert client.post(f"/calls/{call.pk}/apply/", form_data(call)).status_code == 403
    assert not Application.objects.exists()


def test_the_form_carries_a_csrf_token_and_a_hidden_honeypot(client, call):
    body = client.get(f"/calls/{call.pk}/apply/").content.decode()
    assert "csrfmiddlewaretoken" in body
    assert 'name="website"' in body and 'aria-hidden="true"' in body


def test_an_oversized_application_is_refused_before_it_is_read(client, call):
    response = client.post(f"/calls/{call.pk}/apply/", form_data(call, experience="x" * 70_000))
    assert response.status_code == 413
    assert not Application.objects.exists()


def test_the_service_refuses_applications_to_a_call_that_is_not_published(cast, call):
    from django.core.exceptions import ValidationError

    call_close(actor=cast.coordinator, call=call)
    with pytest.raises(ValidationError):
        submit(call)
    assert Call.objects.get(pk=call.pk).applications.count() == 0


def test_applying_is_audited_without_naming_the_organisation(client, call):
    from ovoz.audit.models import AuditEntry

    client.post(f"/calls/{call.pk}/apply/", form_data(call))
    entry = AuditEntry.objects.get(action="application.submit")
    assert entry.programme_id == call.programme_id
    assert "Valley" not in entry.object_repr and "Valley" not in str(entry.changes)
