"""/api/v1/deliverables: lists, one deliverable with its versions and reviews, and state changes by the
same rules as the pages, all answered only as far as each person may see."""

import datetime

import pytest
from django.utils import timezone

from ovoz.audit.models import AuditEntry
from ovoz.deliverables.models import Deliverable, DeliverableKind, SubmissionMode
from ovoz.deliverables.services import (
    deliverable_request_changes,
    deliverable_save_draft,
    deliverable_submit,
    deliverable_template_create,
    timeline_item_create,
)
from tests.api.conftest import ids


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def work(cast):
    cast.design = deliverable_template_create(actor=None, programme=cast.programme, title="Research design",
                                              kind=DeliverableKind.RESEARCH_DESIGN_DRAFT, due_on=days(-2),
                                              submission=SubmissionMode.TEXT)
    cast.report = deliverable_template_create(actor=None, programme=cast.programme, title="Final FPAR report",
                                              kind=DeliverableKind.FINAL_FPAR_REPORT, due_on=days(30))
    cast.design_a = Deliverable.objects.get(partnership=cast.a, template=cast.design)
    cast.design_b = Deliverable.objects.get(partnership=cast.b, template=cast.design)
    cast.report_a = Deliverable.objects.get(partnership=cast.a, template=cast.report)
    return cast


def test_each_person_lists_the_deliverables_she_may_see(work, api_as):
    every = {d.pk for d in Deliverable.objects.all()}
    of_a = {work.design_a.pk, work.report_a.pk}
    expected = {"coordinator": every, "mentor_a": of_a, "researcher_a": of_a, "coresearcher_a": of_a,
                "researcher_b": every - of_a, "viewer": set(), "outsider": set()}
    for name, wanted in expected.items():
        response = api_as(getattr(work, name)).get("/deliverables/")
        assert response.status_code == 200
        assert set(ids(response)) == wanted, name


def test_the_list_filters_by_programme_partnership_state_and_overdue(work, api_as):
    api = api_as(work.coordinator)
    deliverable_submit(actor=work.researcher_b, deliverable=work.design_b, text="B's design")
    assert set(ids(api.get("/deliverables/", {"partnership_id": work.a.pk}))) == {work.design_a.pk, work.report_a.pk}
    assert ids(api.get("/deliverables/", {"state": "submitted"})) == [work.design_b.pk]
    assert ids(api.get("/deliverables/", {"overdue": "true"})) == [work.design_a.pk]
    assert work.design_a.pk not in ids(api.get("/deliverables/", {"overdue": "false"}))
    assert ids(api.get("/deliverables/", {"programme_id": work.other_programme.pk})) == []
    assert api.get("/deliverables/", {"state": "lost"}).status_code == 400


def test_a_listed_deliverable_says_what_it_is_and_whether_it_is_late(work, api_as):
    item = next(i for i in api_as(work.researcher_a).get("/deliverables/").json()["items"]
                if i["id"] == work.design_a.pk)
    assert item == item | {
        "programme_id": work.programme.pk, "partnership_id": work.a.pk, "organisation": "Partner A",
        "title": "Research design", "kind": "research_design_draft", "due_on": str(days(-2)),
        "programme_due_on": str(days(-2)), "state": "not_started", "is_overdue": True, "submission": "text",
    }


def test_one_deliverable_with_version_metadata_and_reviews(work, api_as):
    deliverable_save_draft(actor=work.researcher_a, deliverable=work.design_a, text="Draft", note="first go")
    deliverable_submit(actor=work.researcher_a, deliverable=work.design_a, text="Better")
    deliverable_request_changes(actor=work.mentor_a, deliverable=work.design_a, comment="Add the consent steps.")
    body = api_as(work.researcher_a).get(f"/deliverables/{work.design_a.pk}").json()
    assert body["state"] == "changes_requested"
    assert [(v["number"], v["submitted"], v["created_by"], v["has_text"]) for v in body["versions"]] == [
        (2, True, "researcher_a", True), (1, False, "researcher_a", True)]
    assert "text" not in body["versions"][0]
    assert body["reviews"] == [body["reviews"][0] | {"decision": "changes_requested", "comment": "Add the consent "
                                                     "steps.", "reviewer": "mentor_a", "version_number": 2}]
    assert body["allowed_states"] == ["draft", "submitted"]


@pytest.mark.parametrize("name", ["coresearcher_a", "researcher_b", "viewer", "outsider"])
def test_others_get_404_on_a_deliverable_and_its_state(work, api_as, name):
    api = api_as(getattr(work, name))
    assert api.get(f"/deliverables/{work.design_a.pk}").status_code == 404
    response = api.post(f"/deliverables/{work.design_a.pk}/state", {"state": "submitted", "text": "x"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert api.get("/deliverables/999999").status_code == 404


def test_a_researcher_submits_and_a_mentor_requests_changes_through_the_api(work, api_as):
    url = f"/deliverables/{work.design_a.pk}/state"
    response = api_as(work.researcher_a).post(url, {"state": "submitted", "text": "Our design", "note": "v1"})
    assert response.status_code == 200
    assert response.json()["state"] == "submitted"
    response = api_as(work.mentor_a).post(url, {"state": "changes_requested", "comment": "Say who was consulted."})
    assert response.status_code == 200 and response.json()["state"] == "changes_requested"
    rows = AuditEntry.objects.filter(object_type="deliverables.deliverable", object_id=str(work.design_a.pk),
                                     action__in=["deliverable.submit", "deliverable.request_changes"])
    assert sorted((r.actor_label, r.changes["state"]["old"], r.changes["state"]["new"]) for r in rows) == [
        ("mentor_a", "submitted", "changes_requested"), ("researcher_a", "not_started", "submitted")]


def test_refusals_say_why_with_400_or_403(work, api_as):
    url = f"/deliverables/{work.design_a.pk}/state"
    response = api_as(work.researcher_a).post(url, {"state": "accepted"})
    assert response.status_code == 400
    assert "cannot become" in response.json()["detail"]
    deliverable_submit(actor=work.researcher_a, deliverable=work.design_a, text="Design")
    response = api_as(work.researcher_a).post(url, {"state": "accepted"})
    assert response.status_code == 403
    assert "mentor or a programme coordinator" in response.json()["detail"]
    response = api_as(work.mentor_a).post(url, {"state": "changes_requested"})
    assert response.status_code == 400 and "comment is required" in response.json()["detail"]
    response = api_as(work.mentor_a).post(url, {"state": "finished"})
    assert response.status_code == 400 and "Unknown state" in response.json()["detail"]
    response = api_as(work.coordinator).post(url, {"state": "accepted", "comment": "Good."})
    assert response.status_code == 200 and response.json()["state"] == "accepted"


def test_the_timeline_of_a_programme(work, api_as):
    timeline_item_create(actor=None, programme=work.programme, kind="phase", title="Advocacy phase",
                         starts_on=datetime.date(2024, 3, 1), ends_on=datetime.date(2024, 8, 31))
    body = api_as(work.researcher_a).get("/deliverables/timeline", {"programme_id": work.programme.pk}).json()
    assert [(i["kind"], i["title"], i["ends_on"]) for i in body["items"]] == [("phase", "Advocacy phase",
                                                                               "2024-08-31")]
    assert api_as(work.viewer).get("/deliverables/timeline").json()["count"] == 0
    assert api_as(work.outsider).get("/deliverables/timeline").json()["count"] == 0


def test_the_api_needs_a_token(work, api_anonymous):
    assert api_anonymous.get("/deliverables/").status_code == 401
