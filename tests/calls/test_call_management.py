"""The coordinator creates, edits, publishes and closes a call; sets its criteria and reviewers."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ovoz.audit.models import AuditEntry
from ovoz.calls.models import Call, CallReviewer, Criterion
from ovoz.calls.services import call_publish, call_set_criteria, review_save
from tests.calls.conftest import submit


def test_the_coordinator_creates_a_draft_call_for_her_programme(cast, as_user):
    client = as_user(cast.coordinator)
    response = client.post(
        f"/programmes/{cast.programme.pk}/calls/new/",
        {
            "title": "Call for partners 2022",
            "description": "Six to eight organisations.",
            "eligibility": "Led by women and/or migrants.",
            "focus_areas": "Decent work\nSocial protection\n\nDecent work",
            "opens_on": "2022-08-01",
            "closes_on": "2022-08-31",
            "places_min": "6",
            "places_max": "8",
        },
    )
    call = Call.objects.get()
    assert response["Location"] == f"/calls/{call.pk}/manage/criteria/"
    assert call.state == "draft" and call.programme == cast.programme
    assert [f.name for f in call.focus_areas.all()] == ["Decent work", "Social protection"]
    assert AuditEntry.objects.get(action="call.create").programme == cast.programme
    assert "Call for partners 2022" in client.get(f"/programmes/{cast.programme.pk}/calls/").content.decode()


def test_a_call_that_closes_before_it_opens_is_refused_with_a_reason(cast, as_user):
    response = as_user(cast.coordinator).post(
        f"/programmes/{cast.programme.pk}/calls/new/",
        {"title": "Bad dates", "focus_areas": "x", "opens_on": "2022-08-31", "closes_on": "2022-08-01",
         "places_min": "8", "places_max": "6"},
    )
    body = response.content.decode()
    assert "A call cannot close before it opens." in body
    assert "The most places cannot be fewer than the fewest places." in body
    assert not Call.objects.exists()


def test_a_call_is_published_only_with_criteria_and_then_closed(cast, as_user):
    from ovoz.calls.services import call_create

    today = timezone.localdate()
    call = call_create(actor=cast.coordinator, programme=cast.programme, title="T", opens_on=today,
                       closes_on=today, focus_areas=["Decent work"])
    client = as_user(cast.coordinator)
    response = client.post(f"/calls/{call.pk}/manage/state/", {"action": "publish"}, follow=True)
    assert "Add the selection criteria before publishing the call." in response.content.decode()
    assert Call.objects.get(pk=call.pk).state == "draft"
    call_set_criteria(actor=cast.coordinator, call=call, rows=[{"name": "Experience", "weight": 2}])
    client.post(f"/calls/{call.pk}/manage/state/", {"action": "publish"})
    assert Call.objects.get(pk=call.pk).state == "published"
    assert client.get(f"/calls/{call.pk}/").status_code == 200
    client.post(f"/calls/{call.pk}/manage/state/", {"action": "close"})
    assert Call.objects.get(pk=call.pk).state == "closed"
    assert [e.action for e in AuditEntry.objects.filter(action__in=["call.publish", "call.close"])] == [
        "call.close", "call.publish"
    ]


def test_editing_the_call_is_audited_and_focus_areas_lock_once_applications_arrive(cast, as_user, call):
    client = as_user(cast.coordinator)
    data = {
        "title": "Call for partners 2022 (extended)",
        "focus_areas": "Decent work\nSocial protection",
        "opens_on": call.opens_on.isoformat(),
        "closes_on": (call.closes_on + datetime.timedelta(days=7)).isoformat(),
        "places_min": "2",
        "places_max": "3",
    }
    assert client.post(f"/calls/{call.pk}/manage/edit/", data).status_code == 302
    call.refresh_from_db()
    assert call.title.endswith("(extended)")
    assert AuditEntry.objects.get(action="call.update").changes["closes_on"]["new"] == call.closes_on.isoformat()
    submit(call)
    client.post(f"/calls/{call.pk}/manage/edit/", {**data, "focus_areas": "Something else"})
    assert [f.name for f in call.focus_areas.all()] == ["Decent work", "Social protection"]


def test_the_criteria_page_adds_changes_and_removes_criteria(cast, as_user, call):
    client = as_user(cast.coordinator)
    experience, roots = call.criteria.all()
    data = {
        "criteria-TOTAL_FORMS": "3",
        "criteria-INITIAL_FORMS": "2",
        "criteria-0-id": str(experience.pk),
        "criteria-0-name": "Experience",
        "criteria-0-weight": "5",
        "criteria-1-id": str(roots.pk),
        "criteria-1-name": "Community roots",
        "criteria-1-weight": "1",
        "criteria-1-DELETE": "on",
        "criteria-2-name": "Team",
        "criteria-2-description": "Researcher and mentor",
        "criteria-2-weight": "2",
    }
    assert client.post(f"/calls/{call.pk}/manage/criteria/", data).status_code == 302
    assert [(c.name, c.weight) for c in call.criteria.all()] == [("Experience", 5), ("Team", 2)]
    assert AuditEntry.objects.filter(action="call.criteria").count() == 2  # at creation, and now


def test_a_criterion_already_scored_cannot_be_removed(cast, call):
    application = submit(call)
    from ovoz.calls.services import call_close, call_reviewer_add

    call_close(actor=cast.coordinator, call=call)
    call_reviewer_add(actor=cast.coordinator, call=call, user=cast.coordinator)
    experience, roots = call.criteria.all()
    review_save(actor=cast.coordinator, application=application, scores={experience.pk: (3, "")})
    with pytest.raises(ValidationError, match="already scored Experience"):
        call_set_criteria(actor=cast.coordinator, call=call, rows=[{"id": roots.pk, "name": "Roots", "weight": 1}])
    assert Criterion.objects.filter(pk=experience.pk).exists()


def test_a_weight_outside_1_to_100_is_refused(cast, call):
    with pytest.raises(ValidationError, match="whole number from 1 to 100"):
        call_set_criteria(actor=cast.coordinator, call=call, rows=[{"name": "Experience", "weight": 0}])


def test_the_coordinator_names_reviewers_a_coordinator_or_anyone_by_username(cast, as_user, call):
    client = as_user(cast.coordinator)
    client.post(f"/calls/{call.pk}/manage/reviewers/", {"coordinator": "coordinator"})
    client.post(f"/calls/{call.pk}/manage/reviewers/", {"username": "OUTSIDER"})
    response = client.post(f"/calls/{call.pk}/manage/reviewers/", {"username": "nobody-here"})
    assert "There is no active account with that username." in response.content.decode()
    assert sorted(r.user.username for r in CallReviewer.objects.filter(call=call)) == ["coordinator", "outsider"]
    # A reviewer who is no coordinator reaches the review list, not the management pages.
    outsider = as_user(cast.outsider)
    assert outsider.get(f"/calls/{call.pk}/reviews/").status_code == 200
    assert outsider.get(f"/calls/{call.pk}/manage/").status_code == 404
    client = as_user(cast.coordinator)
    client.post(f"/calls/{call.pk}/manage/reviewers/{cast.outsider.pk}/remove/")
    assert not CallReviewer.objects.filter(call=call, user=cast.outsider).exists()
    assert AuditEntry.objects.filter(action="call.reviewer_remove").count() == 1


def test_a_reviewer_with_reviews_stays(cast, as_user, reviewed):
    from tests.calls.test_ranking import score

    score(reviewed, cast.mentor_a, "valley", 3, 3, submit=False)
    response = as_user(cast.coordinator).post(
        f"/calls/{reviewed.pk}/manage/reviewers/{cast.mentor_a.pk}/remove/", follow=True
    )
    assert "has already started reviewing" in response.content.decode()
    assert CallReviewer.objects.filter(call=reviewed, user=cast.mentor_a).exists()


def test_the_applications_list_filters_by_eligibility_country_and_name(cast, as_user, reviewed):
    client = as_user(cast.coordinator)
    url = f"/calls/{reviewed.pk}/manage/applications/"
    body = client.get(url).content.decode()
    assert "Women of the Valley" in body and "Too Old Group" in body and "not under 35" in body
    body = client.get(url, {"status": "eligible"}).content.decode()
    assert "Too Old Group" not in body and "Steppe Sisters" in body
    body = client.get(url, {"country": "TJ"}).content.decode()
    assert "Steppe Sisters" in body and "Women of the Valley" not in body
    body = client.get(url, {"q": "valley"}).content.decode()
    assert "Women of the Valley" in body and "Steppe Sisters" not in body


def test_the_applications_list_makes_few_queries(cast, as_user, call, django_assert_max_num_queries):
    for i in range(15):
        submit(call, organisation_name=f"Group {i}")
    client = as_user(cast.coordinator)
    with django_assert_max_num_queries(15):
        body = client.get(f"/calls/{call.pk}/manage/applications/").content.decode()
    assert "Group 14" in body


def test_reading_an_application_is_audited_as_a_read(cast, as_user, reviewed):
    application = reviewed.apps["valley"]
    body = as_user(cast.coordinator).get(f"/calls/applications/{application.pk}/").content.decode()
    assert "aida@valley.example.org" in body and "05.05.1995" in body
    entry = AuditEntry.objects.get(action="read", object_id=str(application.pk))
    assert entry.kind == "read" and entry.programme == cast.programme


def test_an_announced_call_can_no_longer_be_edited(cast, as_user, reviewed):
    from ovoz.calls.services import call_announce, call_select

    call_select(actor=cast.coordinator, call=reviewed, applications=[reviewed.apps["valley"]])
    call_announce(actor=cast.coordinator, call=reviewed, site_url="http://testserver/", notify=False)
    with pytest.raises(ValidationError):
        call_publish(actor=cast.coordinator, call=reviewed)
    response = as_user(cast.coordinator).get(f"/calls/{reviewed.pk}/manage/edit/", follow=True)
    assert "can no longer be changed" in response.content.decode()
