"""The coordinator edits the programme's timeline and deliverables; a new deliverable reaches every
partnership, and a new partnership gets every deliverable (once)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from ovoz.accounts.models import Organisation
from ovoz.accounts.security import REAUTH_SESSION_KEY
from ovoz.audit.models import AuditEntry
from ovoz.deliverables.models import Deliverable, DeliverableTemplate, TimelineItem
from ovoz.deliverables.services import (
    deliverable_template_create,
    deliverable_template_update,
    deliverables_create_for_partnership,
    timeline_item_create,
)
from ovoz.programmes.models import Partnership
from tests.deliverables.conftest import days, put_in_state


def reauthenticated(client):
    session = client.session
    session[REAUTH_SESSION_KEY] = 2**40
    session.save()
    return client


def test_the_coordinator_adds_phases_and_milestones(cast, as_user):
    client = as_user(cast.coordinator)
    url = f"/programmes/{cast.programme.pk}/timeline/edit/"
    client.post(url, {"kind": "phase", "title": "Advocacy phase", "starts_on": "2024-03-01", "ends_on": "2024-08-31"})
    client.post(url, {"kind": "milestone", "title": "Reflection meeting", "starts_on": "2024-09-26"})
    items = list(TimelineItem.objects.filter(programme=cast.programme).values_list("kind", "title", "ends_on"))
    assert items == [("phase", "Advocacy phase", datetime.date(2024, 8, 31)), ("milestone", "Reflection meeting", None)]
    assert AuditEntry.objects.filter(action="timeline_item.create", programme=cast.programme).count() == 2


@pytest.mark.parametrize(
    "data, message",
    [
        ({"kind": "phase", "title": "No end", "starts_on": "2024-03-01"}, "A phase needs an end date."),
        ({"kind": "phase", "title": "Backwards", "starts_on": "2024-03-01", "ends_on": "2024-02-01"},
         "A phase cannot end before it starts."),
        ({"kind": "milestone", "title": "Two dates", "starts_on": "2024-03-01", "ends_on": "2024-03-02"},
         "A milestone has one date"),
    ],
)
def test_bad_dates_are_refused_with_a_reason(cast, as_user, data, message):
    response = as_user(cast.coordinator).post(f"/programmes/{cast.programme.pk}/timeline/edit/", data)
    assert message in response.content.decode()
    assert not TimelineItem.objects.exists()


def test_changing_and_removing_a_timeline_item(cast, as_user):
    item = timeline_item_create(actor=cast.coordinator, programme=cast.programme, kind="milestone",
                                title="Fist training", starts_on=datetime.date(2022, 11, 14))
    client = as_user(cast.coordinator)
    client.post(f"/timeline-items/{item.pk}/edit/", {"kind": "milestone", "title": "First training",
                                                      "starts_on": "2022-11-15"})
    item.refresh_from_db()
    assert (item.title, item.starts_on) == ("First training", datetime.date(2022, 11, 15))
    # Removing asks for the password again, then for confirmation.
    response = client.get(f"/timeline-items/{item.pk}/delete/")
    assert response.status_code == 302 and "/auth/confirm/" in response["Location"]
    reauthenticated(client)
    assert "Remove from the timeline?" in client.get(f"/timeline-items/{item.pk}/delete/").content.decode()
    client.post(f"/timeline-items/{item.pk}/delete/")
    assert not TimelineItem.objects.exists()
    assert AuditEntry.objects.filter(action="timeline_item.delete").exists()


def test_a_mentor_cannot_edit_the_timeline(cast, as_user):
    item = timeline_item_create(actor=cast.coordinator, programme=cast.programme, kind="milestone",
                                title="First training", starts_on=datetime.date(2022, 11, 14))
    client = reauthenticated(as_user(cast.mentor_a))
    assert client.get(f"/programmes/{cast.programme.pk}/timeline/edit/").status_code == 404
    assert client.post(f"/timeline-items/{item.pk}/edit/", {"title": "x"}).status_code == 404
    assert client.post(f"/timeline-items/{item.pk}/delete/").status_code == 404
    assert TimelineItem.objects.filter(title="First training").exists()


def test_adding_a_deliverable_creates_it_for_every_partnership(cast, as_user):
    client = as_user(cast.coordinator)
    client.post(f"/programmes/{cast.programme.pk}/deliverable-templates/", {
        "title": "Advocacy proposal", "kind": "advocacy_proposal", "due_on": "2024-02-29",
        "submission": "file_or_text", "description": "Plan and budget",
    })
    template = DeliverableTemplate.objects.get(title="Advocacy proposal")
    got = sorted(Deliverable.objects.filter(template=template).values_list("partnership__organisation__name",
                                                                             "due_on", "state"))
    assert got == [("Partner A", datetime.date(2024, 2, 29), "not_started"),
                   ("Partner B", datetime.date(2024, 2, 29), "not_started")]


def test_two_deliverables_of_a_programme_cannot_share_a_title(work):
    with pytest.raises(ValidationError, match="already has a deliverable called"):
        deliverable_template_create(actor=work.coordinator, programme=work.programme, title="research design",
                                    due_on=days(3))


def test_a_new_partnership_gets_every_deliverable_once(work):
    org = Organisation.objects.create(name="Partner C", country="UZ")
    c = Partnership.objects.create(programme=work.programme, organisation=org, country="UZ")
    created = deliverables_create_for_partnership(actor=work.coordinator, partnership=c)
    assert sorted(d.template.title for d in created) == ["Final FPAR report", "Research design"]
    assert deliverables_create_for_partnership(actor=work.coordinator, partnership=c) == []
    assert Deliverable.objects.filter(partnership=c).count() == 2
    assert {d.due_on for d in created} == {work.design.due_on, work.report.due_on}


def test_a_new_due_date_moves_every_partnership_except_those_given_more_time(work):
    Deliverable.objects.filter(pk=work.design_b.pk).update(due_on=days(30))  # B's extension
    deliverable_template_update(actor=work.coordinator, template=work.design, due_on=days(15))
    work.design_a.refresh_from_db()
    work.design_b.refresh_from_db()
    assert work.design_a.due_on == days(15)
    assert work.design_b.due_on == days(30)


def test_a_deliverable_is_removed_only_before_anyone_worked_on_it(work, as_user):
    client = reauthenticated(as_user(work.coordinator))
    put_in_state(work.design_a, "draft")
    response = client.post(f"/deliverable-templates/{work.design.pk}/delete/", follow=True)
    assert "it cannot be removed" in response.content.decode()
    assert DeliverableTemplate.objects.filter(pk=work.design.pk).exists()
    assert "Remove this deliverable?" in client.get(f"/deliverable-templates/{work.report.pk}/delete/").content.decode()
    client.post(f"/deliverable-templates/{work.report.pk}/delete/")
    assert not DeliverableTemplate.objects.filter(pk=work.report.pk).exists()
    assert not Deliverable.objects.filter(template_id=work.report.pk).exists()


def test_templates_are_edited_by_coordinators_only(work, as_user):
    client = as_user(work.coordinator)
    client.post(f"/deliverable-templates/{work.report.pk}/edit/", {
        "title": "Final FPAR story", "kind": "final_fpar_report", "due_on": "2024-01-20", "submission": "file",
    })
    work.report.refresh_from_db()
    assert work.report.title == "Final FPAR story"
    for name in ["mentor_a", "researcher_a", "viewer"]:
        assert as_user(getattr(work, name)).get(f"/deliverable-templates/{work.report.pk}/edit/").status_code == 404
