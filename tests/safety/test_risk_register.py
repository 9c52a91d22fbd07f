"""The risk register is visible only to its partnership's mentor and researchers and the coordinators."""

import datetime

from ovoz.audit.models import AuditEntry
from ovoz.safety.models import Risk
from ovoz.safety.services import risk_create


def _risk(cast, **values):
    fields = {"title": "Calls from the police", "category": "authorities", "affects": "researchers",
              "description": "Секретная служба звонила дважды.", "likelihood": 4, "impact": 4}
    fields.update(values)
    return risk_create(actor=cast.mentor_a, partnership=cast.a, **fields)


def test_the_team_and_coordinators_read_the_register_and_nobody_else_does(cast, as_user):
    risk = _risk(cast)
    for user in (cast.mentor_a, cast.researcher_a, cast.coordinator):
        page = as_user(user).get(f"/partnerships/{cast.a.pk}/safety/")
        assert page.status_code == 200 and "Calls from the police" in page.content.decode()
        assert "Секретная служба" in as_user(user).get(f"/safety/risks/{risk.pk}/").content.decode()
    for user in (cast.researcher_b, cast.viewer, cast.coresearcher_a, cast.outsider):
        assert as_user(user).get(f"/partnerships/{cast.a.pk}/safety/").status_code == 404
        assert as_user(user).get(f"/safety/risks/{risk.pk}/").status_code == 404


def test_a_researcher_adds_a_risk_through_the_form_and_the_audit_keeps_no_description(cast, as_user):
    response = as_user(cast.researcher_a).post(f"/partnerships/{cast.a.pk}/safety/risks/new/", {
        "title": "Online harassment", "category": "online", "affects": "researchers",
        "description": "Insults under the campaign posts.", "likelihood": 3, "impact": 2, "status": "open",
        "review_on": "2024-07-01",
    })
    assert response.status_code == 302
    risk = Risk.objects.get(title="Online harassment")
    assert risk.partnership == cast.a and risk.severity == "medium"
    entry = AuditEntry.objects.get(action="risk.create")
    assert "Insults" not in str(entry.changes)


def test_another_partnership_cannot_add_to_or_change_the_register(cast, as_user):
    risk = _risk(cast)
    client = as_user(cast.researcher_b)
    assert client.post(f"/partnerships/{cast.a.pk}/safety/risks/new/", {"title": "x"}).status_code == 404
    assert client.post(f"/safety/risks/{risk.pk}/edit/", {"title": "x"}).status_code == 404
    assert client.post(f"/safety/risks/{risk.pk}/delete/").status_code == 404
    assert Risk.objects.filter(pk=risk.pk, title="Calls from the police").exists()


def test_reviews_are_recorded_and_due_risks_are_filtered(cast, as_user):
    risk = _risk(cast, review_on=datetime.date(2020, 1, 1))
    _risk(cast, title="Later", review_on=datetime.date(2999, 1, 1))
    client = as_user(cast.mentor_a)
    listed = client.get(f"/partnerships/{cast.a.pk}/safety/?due=1").content.decode()
    assert "Calls from the police" in listed and "Later" not in listed
    client.post(f"/safety/risks/{risk.pk}/review/", {"reviewed_on": "2024-06-01", "next_review_on": "2999-06-01",
                                                    "status": "monitored"})
    risk.refresh_from_db()
    assert risk.reviewed_on == datetime.date(2024, 6, 1) and risk.status == "monitored"


def test_an_incident_gets_follow_up_visible_to_the_team_only(cast, as_user):
    client = as_user(cast.researcher_a)
    response = client.post(f"/partnerships/{cast.a.pk}/safety/incidents/new/", {
        "occurred_on": "2024-05-02", "title": "Visit to the office", "category": "authorities",
        "affects": "organisation", "description": "Two officers asked for the list.", "status": "open",
    })
    assert response.status_code == 302
    url = response["Location"]
    client.post(url + "follow-up/", {"date": "2024-05-03", "action": "Lawyer informed", "status": "followed_up"})
    page = client.get(url).content.decode()
    assert "Lawyer informed" in page and "Being followed up" in page
    assert as_user(cast.researcher_b).get(url).status_code == 404
    assert as_user(cast.viewer).get(url).status_code == 404
