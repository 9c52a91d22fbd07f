"""``ovoz remind`` e-mails the researcher and mentor once before the due date and weekly once overdue;
running it twice on the same day sends nothing new."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from ovoz.deliverables.models import Deliverable, Reminder
from tests.deliverables.conftest import days, put_in_state, today


def remind(*args) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def due_in_a_week(work):
    """A's design due in 7 days; everything else well ahead."""
    Deliverable.objects.filter(pk=work.design_a.pk).update(due_on=days(7))
    Deliverable.objects.exclude(pk=work.design_a.pk).update(due_on=days(60))
    return work


def test_a_reminder_goes_to_the_researcher_and_the_mentor_seven_days_before(due_in_a_week, mailoutbox):
    out = remind()
    assert "2 e-mail(s) sent." in out
    assert sorted(m.to[0] for m in mailoutbox) == ["mentor_a@example.org", "researcher_a@example.org"]
    subject = mailoutbox[0].subject
    assert subject == "[Ovoz] Due in 7 days: Research design (Partner A)"
    assert f"/partnerships/{due_in_a_week.a.pk}/deliverables/" in mailoutbox[0].body
    assert Reminder.objects.get().kind == "due_soon"


def test_running_twice_the_same_day_sends_nothing_new(due_in_a_week, mailoutbox):
    remind()
    assert len(mailoutbox) == 2
    assert "No reminders to send today." in remind()
    assert len(mailoutbox) == 2
    assert Reminder.objects.count() == 1


def test_the_due_soon_reminder_is_sent_once_per_due_date(due_in_a_week, mailoutbox):
    remind()
    remind("--today", str(today() + datetime.timedelta(days=1)))
    assert len(mailoutbox) == 2
    # A new due date earns a new reminder.
    Deliverable.objects.filter(pk=due_in_a_week.design_a.pk).update(due_on=days(5))
    remind("--today", str(today() + datetime.timedelta(days=1)))
    assert len(mailoutbox) == 4


def test_days_changes_how_early(due_in_a_week, mailoutbox):
    remind("--days", "3")
    assert mailoutbox == []
    remind("--days", "3", "--today", str(days(4)))
    assert len(mailoutbox) == 2


def test_nothing_is_sent_for_what_is_submitted_or_accepted(due_in_a_week, mailoutbox):
    put_in_state(due_in_a_week.design_a, "submitted")
    remind()
    remind("--today", str(days(8)))
    assert mailoutbox == []


def test_overdue_reminders_come_weekly(due_in_a_week, mailoutbox):
    late = days(8)
    remind("--today", str(late))
    assert len(mailoutbox) == 2
    assert mailoutbox[0].subject.startswith("[Ovoz] Overdue: Research design (Partner A) was due on")
    for offset in range(1, 7):  # the next six days: nothing
        remind("--today", str(late + datetime.timedelta(days=offset)))
    assert len(mailoutbox) == 2
    remind("--today", str(late + datetime.timedelta(days=7)))
    assert len(mailoutbox) == 4
    assert list(Reminder.objects.order_by("sent_on").values_list("kind", flat=True)) == ["overdue", "overdue"]


def test_a_dry_run_lists_and_sends_nothing(due_in_a_week, mailoutbox):
    out = remind("--dry-run")
    assert "would send: due soon" in out
    assert "Research design – Partner A → mentor_a <mentor_a@example.org>, researcher_a <researcher_a@" in out
    assert "Dry run: 1 reminder(s) not sent." in out
    assert mailoutbox == [] and not Reminder.objects.exists()


def test_each_person_gets_it_in_her_language(due_in_a_week, mailoutbox):
    due_in_a_week.researcher_a.language = "ru"
    due_in_a_week.researcher_a.save()
    remind()
    by_person = {m.to[0]: m for m in mailoutbox}
    assert by_person["mentor_a@example.org"].subject.startswith("[Ovoz] Due in")
    # Whatever the Russian catalog says; at the least, the body is not the English one.
    from django.utils import translation

    with translation.override("ru"):
        dear = translation.gettext("Dear %(name)s,") % {"name": "Researcher of A"}
    assert by_person["researcher_a@example.org"].body.startswith(dear)


def test_reminders_are_audited(due_in_a_week, mailoutbox):
    from ovoz.audit.models import AuditEntry

    remind()
    row = AuditEntry.objects.get(action="deliverable.remind")
    assert row.actor_label == "system" and row.partnership_id == due_in_a_week.a.pk
    assert row.changes["to"]["new"] == ["mentor_a", "researcher_a"]
