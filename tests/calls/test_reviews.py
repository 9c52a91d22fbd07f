"""Reviewers score eligible applications; nobody sees another reviewer's scores before submitting her own."""

import pytest
from django.core.exceptions import ValidationError

from ovoz.audit.models import AuditEntry
from ovoz.calls.models import Review
from ovoz.calls.services import review_save


def post_scores(client, application, crit, experience, roots, action="submit", **extra):
    data = {
        f"score_{crit['Experience'].pk}": str(experience),
        f"score_{crit['Community roots'].pk}": str(roots),
        f"comment_{crit['Experience'].pk}": extra.pop("note", ""),
        "comment": extra.pop("comment", ""),
        "action": action,
    }
    return client.post(f"/calls/applications/{application.pk}/review/", data)


def test_a_reviewer_lists_the_eligible_applications_of_her_call(cast, as_user, reviewed):
    body = as_user(cast.mentor_a).get(f"/calls/{reviewed.pk}/reviews/").content.decode()
    assert "Women of the Valley" in body and "Steppe Sisters" in body
    assert "Too Old Group" not in body


def test_an_ineligible_application_is_not_reviewed(cast, as_user, reviewed):
    late = reviewed.apps["late"]
    assert as_user(cast.mentor_a).get(f"/calls/applications/{late.pk}/review/").status_code == 404


@pytest.mark.parametrize("name", ["researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"])
def test_people_who_are_not_reviewers_of_the_call_get_404(cast, as_user, reviewed, name):
    client = as_user(getattr(cast, name))
    valley = reviewed.apps["valley"]
    assert client.get(f"/calls/{reviewed.pk}/reviews/").status_code == 404
    assert client.get(f"/calls/applications/{valley.pk}/review/").status_code == 404
    assert post_scores(client, valley, reviewed.crit, 5, 5).status_code == 404
    assert not Review.objects.exists()


def test_reviewers_do_not_see_each_others_scores_until_they_submit_theirs(cast, as_user, reviewed):
    valley = reviewed.apps["valley"]
    mentor = as_user(cast.mentor_a)
    post_scores(mentor, valley, reviewed.crit, 4, 2, comment="Mentor's secret opinion")
    assert Review.objects.get(reviewer=cast.mentor_a).is_submitted

    coordinator = as_user(cast.coordinator)
    page = coordinator.get(f"/calls/applications/{valley.pk}/review/").content.decode()
    assert "Mentor&#x27;s secret opinion" not in page and "Mentor of A" not in page
    assert "stay hidden until you submit yours" in page

    # A draft does not open the others' reviews either.
    post_scores(coordinator, valley, reviewed.crit, 3, 3, action="save")
    page = coordinator.get(f"/calls/applications/{valley.pk}/review/").content.decode()
    assert "Mentor&#x27;s secret opinion" not in page

    post_scores(coordinator, valley, reviewed.crit, 3, 3, action="submit")
    page = coordinator.get(f"/calls/applications/{valley.pk}/review/").content.decode()
    assert "Mentor&#x27;s secret opinion" in page and "Mentor of A" in page


def test_a_draft_is_never_shown_to_another_reviewer(cast, as_user, reviewed):
    valley = reviewed.apps["valley"]
    post_scores(as_user(cast.mentor_a), valley, reviewed.crit, 1, 1, action="save", comment="Unfinished draft")
    coordinator = as_user(cast.coordinator)
    post_scores(coordinator, valley, reviewed.crit, 3, 3)
    page = coordinator.get(f"/calls/applications/{valley.pk}/review/").content.decode()
    assert "Unfinished draft" not in page
    assert "No other review is submitted yet." in page


def test_a_submitted_review_can_no_longer_change(cast, as_user, reviewed):
    valley = reviewed.apps["valley"]
    client = as_user(cast.mentor_a)
    post_scores(client, valley, reviewed.crit, 4, 2)
    post_scores(client, valley, reviewed.crit, 0, 0)
    review = Review.objects.get(reviewer=cast.mentor_a)
    assert sorted(s.value for s in review.scores.all()) == [2, 4]
    with pytest.raises(ValidationError):
        review_save(actor=cast.mentor_a, application=valley, scores={}, submit=True)


def test_submitting_needs_a_score_for_every_criterion(cast, as_user, reviewed):
    valley = reviewed.apps["valley"]
    client = as_user(cast.mentor_a)
    response = client.post(
        f"/calls/applications/{valley.pk}/review/",
        {f"score_{reviewed.crit['Experience'].pk}": "4", "action": "submit"},
    )
    assert response.status_code == 200
    assert "Score every criterion before submitting: Community roots." in response.content.decode()
    assert not Review.objects.filter(submitted_at__isnull=False).exists()


def test_a_draft_may_leave_criteria_unscored_and_is_audited(cast, as_user, reviewed):
    valley = reviewed.apps["valley"]
    client = as_user(cast.mentor_a)
    client.post(
        f"/calls/applications/{valley.pk}/review/",
        {f"score_{reviewed.crit['Experience'].pk}": "4", "action": "save"},
    )
    review = Review.objects.get(reviewer=cast.mentor_a)
    assert not review.is_submitted and review.scores.count() == 1
    assert AuditEntry.objects.filter(action="review.save", programme=reviewed.programme).exists()


def test_a_score_outside_0_to_5_is_refused(cast, as_user, reviewed):
    valley = reviewed.apps["valley"]
    response = post_scores(as_user(cast.mentor_a), valley, reviewed.crit, 6, 2)
    assert response.status_code == 200
    assert not Review.objects.filter(submitted_at__isnull=False).exists()
    with pytest.raises(ValidationError):
        review_save(actor=cast.mentor_a, application=valley, scores={reviewed.crit["Experience"].pk: (9, "")})


def test_only_named_reviewers_can_save_a_review_even_through_the_service(cast, reviewed):
    with pytest.raises(ValidationError):
        review_save(actor=cast.researcher_b, application=reviewed.apps["valley"], scores={})
