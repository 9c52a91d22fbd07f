"""The review calendar kept by coordinators, and ``ovoz mechanisms remind``: e-mails before submission
deadlines, once per stage (30 and 7 days), so that running it again sends nothing new."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from ovoz.audit.models import AuditEntry
from ovoz.mechanisms.models import Review, ReviewReminder
from ovoz.mechanisms.services import review_create
from tests.mechanisms.conftest import mechanism

TODAY = datetime.date(2026, 3, 1)


@pytest.fixture
def review(cast):
    return review_create(actor=cast.coordinator, mechanism=mechanism("cedaw"), country="KG", session="Sixth report",
                         review_on=TODAY + datetime.timedelta(days=60),
                         submission_deadline=TODAY + datetime.timedelta(days=20), source="OHCHR calendar")


def _remind(today, *args):
    out = io.StringIO()
    call_command("mechanisms", "remind", "--today", today.isoformat(), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_remind_emails_the_people_working_in_the_country_once_per_stage(review, cast):
    output = _remind(TODAY)
    assert "30-day reminder" in output
    to = sorted(m.to[0] for m in mail.outbox)
    # The coordinator and partnership A's mentor and researcher (KG); not B (TJ), the viewer or co-researcher.
    assert to == sorted(u.email for u in (cast.coordinator, cast.mentor_a, cast.researcher_a))
    assert "CEDAW Committee" in mail.outbox[0].subject
    assert "No reminders to send today." in _remind(TODAY)
    assert "No reminders to send today." in _remind(TODAY + datetime.timedelta(days=5))
    assert len(mail.outbox) == 3
    assert "7-day reminder" in _remind(TODAY + datetime.timedelta(days=14))
    assert "No reminders to send today." in _remind(TODAY + datetime.timedelta(days=15))
    assert len(mail.outbox) == 6
    assert ReviewReminder.objects.filter(review=review).count() == 2
    assert AuditEntry.objects.filter(action="review.remind").count() == 2


def test_a_moved_deadline_earns_new_reminders_and_a_dry_run_sends_nothing(review, cast):
    _remind(TODAY)
    review.submission_deadline = TODAY + datetime.timedelta(days=25)
    review.save()
    assert "would send" in _remind(TODAY, "--dry-run")
    assert len(mail.outbox) == 3
    _remind(TODAY)
    assert len(mail.outbox) == 6


def test_a_review_whose_deadline_passed_or_is_far_is_not_reminded(review):
    assert "No reminders" in _remind(TODAY - datetime.timedelta(days=30))
    assert "No reminders" in _remind(TODAY + datetime.timedelta(days=21))
    assert not mail.outbox


def test_a_bad_country_or_date_is_a_clear_error(db):
    with pytest.raises(CommandError, match="Unknown country"):
        call_command("mechanisms", "remind", "--country", "FR")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("mechanisms", "remind", "--today", "tomorrow")


def test_the_ovoz_command_lists_reviews(review, capsys):
    from ovoz.cli import main

    main(["mechanisms", "reviews", "--country", "kg", "--today", TODAY.isoformat()])
    out = capsys.readouterr().out
    assert "CEDAW Committee Sixth report" in out and "source: OHCHR calendar" in out


def test_a_coordinator_adds_edits_and_removes_a_review_after_confirming(cast, as_user):
    client = as_user(cast.coordinator)
    response = client.post(reverse("mechanisms:review_create"), {
        "mechanism": mechanism("cmw").pk, "country": "TJ", "session": "Third report", "review_on": "2026-09-01",
        "submission_deadline": "2026-07-01", "status": "scheduled", "source": "OHCHR", "as_of": "2026-01-10"})
    assert response.status_code == 302
    review = Review.objects.get(session="Third report")
    response = client.post(reverse("mechanisms:review_edit", args=[review.pk]), {
        "mechanism": mechanism("cmw").pk, "country": "TJ", "session": "Third report", "review_on": "2026-09-01",
        "submission_deadline": "2026-10-01", "status": "scheduled", "source": "OHCHR", "as_of": "2026-01-10"})
    assert response.status_code == 200  # a deadline after the review is refused
    review.refresh_from_db()
    assert review.submission_deadline == datetime.date(2026, 7, 1)
    assert client.get(reverse("mechanisms:review_delete", args=[review.pk])).status_code == 200
    assert Review.objects.filter(pk=review.pk).exists()
    assert client.post(reverse("mechanisms:review_delete", args=[review.pk])).status_code == 302
    assert not Review.objects.filter(pk=review.pk).exists()
    assert {"review.create", "review.delete"} <= set(AuditEntry.objects.values_list("action", flat=True))


def test_researchers_read_the_calendar_but_cannot_change_it(review, cast, as_user):
    client = as_user(cast.researcher_b)
    page = client.get(reverse("mechanisms:reviews"), {"country": "KG"}).content.decode()
    assert "Sixth report" in page and "Source: OHCHR calendar" in page
    assert client.get(reverse("mechanisms:review_create")).status_code == 404
    assert client.post(reverse("mechanisms:review_delete", args=[review.pk])).status_code == 404
