"""Submitting and reviewing through the pages: a researcher submits, her mentor asks for changes, she sees
the request; refusals are explained; another partnership's people get 404 everywhere."""

import pytest

from ovoz.deliverables.models import DeliverableReview
from tests.deliverables.conftest import pdf, put_in_state


def detail(d):
    return f"/deliverables/{d.pk}/"


def test_a_researcher_submits_text_and_her_mentor_requests_changes_which_she_then_sees(work, as_user, client):
    d = work.design_a
    as_user(work.researcher_a)
    page = client.get(detail(d))
    assert page.status_code == 200
    assert "Submit for review" in page.content.decode()
    response = client.post(f"{detail(d)}versions/new/", {"text": "Our research design", "action": "submit"},
                           follow=True)
    assert "Version 1 is submitted for review." in response.content.decode()
    d.refresh_from_db()
    assert d.state == "submitted"

    as_user(work.mentor_a)
    response = client.post(f"{detail(d)}review/",
                           {"decision": "changes_requested", "comment": "Add how consent is asked."}, follow=True)
    assert "Changes are requested" in response.content.decode()
    d.refresh_from_db()
    assert d.state == "changes_requested"

    as_user(work.researcher_a)
    body = client.get(detail(d)).content.decode()
    assert "Changes requested" in body
    assert "Add how consent is asked." in body
    assert "Mentor of A" in body
    assert "Submit a revised version" in body


def test_saving_a_draft_then_submitting_it_as_it_is(work, as_user, client):
    d = work.design_a
    as_user(work.researcher_a)
    client.post(f"{detail(d)}versions/new/", {"text": "Draft one", "action": "draft"})
    d.refresh_from_db()
    assert d.state == "draft"
    client.post(f"{detail(d)}versions/new/", {"text": "", "action": "submit"})
    d.refresh_from_db()
    assert d.state == "submitted"
    assert d.versions.count() == 1


def test_a_file_is_uploaded_through_the_page(work, as_user, client):
    as_user(work.researcher_a)
    client.post(f"{detail(work.report_a)}versions/new/", {"file": pdf("final.pdf"), "action": "submit"})
    work.report_a.refresh_from_db()
    assert work.report_a.state == "submitted"
    assert work.report_a.versions.get().file_name == "final.pdf"


def test_a_researcher_cannot_accept_and_is_told_why(work, as_user, client):
    d = put_in_state(work.design_a, "submitted")
    as_user(work.researcher_a)
    response = client.post(f"{detail(d)}review/", {"decision": "accepted", "comment": ""}, follow=True)
    assert "Only the partnership&#x27;s mentor or a programme coordinator can review it." in response.content.decode()
    d.refresh_from_db()
    assert d.state == "submitted"
    assert not DeliverableReview.objects.exists()


def test_an_illegal_change_is_refused_with_a_message(work, as_user, client):
    d = put_in_state(work.design_a, "accepted")
    as_user(work.researcher_a)
    response = client.post(f"{detail(d)}versions/new/", {"text": "More", "action": "submit"}, follow=True)
    assert "This deliverable is accepted: it cannot change any more." in response.content.decode()


def test_the_coordinator_accepts_and_the_withdraw_button_is_for_the_team(work, as_user, client):
    d = put_in_state(work.design_a, "submitted")
    as_user(work.researcher_a)
    assert "Withdraw the submission" in client.get(detail(d)).content.decode()
    as_user(work.coordinator)
    page = client.get(detail(d)).content.decode()
    assert "Withdraw the submission" not in page and "Accept" in page
    client.post(f"{detail(d)}review/", {"decision": "accepted", "comment": "Well done."})
    d.refresh_from_db()
    assert d.state == "accepted"


def test_a_coordinator_gives_one_partnership_more_time_and_a_mentor_cannot(work, as_user, client):
    d = work.design_a
    as_user(work.mentor_a)
    client.post(f"{detail(d)}due/", {"due_on": "2031-01-01"})
    d.refresh_from_db()
    assert str(d.due_on) != "2031-01-01"
    as_user(work.coordinator)
    client.post(f"{detail(d)}due/", {"due_on": "2031-01-01"})
    d.refresh_from_db()
    assert str(d.due_on) == "2031-01-01"
    work.design_b.refresh_from_db()
    assert work.design_b.due_on == work.design.due_on


@pytest.mark.parametrize(
    "method, suffix, data",
    [
        ("get", "", {}),
        ("post", "versions/new/", {"text": "x", "action": "submit"}),
        ("post", "withdraw/", {}),
        ("post", "review/", {"decision": "comment", "comment": "x"}),
        ("post", "due/", {"due_on": "2030-01-01"}),
    ],
)
@pytest.mark.parametrize("name", ["researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_people_outside_the_research_team_get_404_on_a_deliverable(work, as_user, method, suffix, data, name):
    client = as_user(getattr(work, name))
    response = getattr(client, method)(detail(work.design_a) + suffix, data)
    assert response.status_code == 404
    work.design_a.refresh_from_db()
    assert work.design_a.state == "not_started"


def test_the_history_shows_each_change_of_state(work, as_user, client):
    d = work.design_a
    as_user(work.researcher_a)
    client.post(f"{detail(d)}versions/new/", {"text": "Our design", "action": "submit"})
    body = client.get(detail(d)).content.decode()
    assert "submitted a deliverable" in body
    assert "Not started → Submitted" in body
