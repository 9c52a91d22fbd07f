"""Overdue means one thing everywhere: the due date has passed and it is neither submitted nor accepted."""

import datetime

import pytest

from ovoz.deliverables import deadlines
from ovoz.deliverables.models import Deliverable
from tests.deliverables.conftest import put_in_state, today

LATE_IF_PASSED = {"not_started": True, "draft": True, "changes_requested": True, "submitted": False, "accepted": False}


@pytest.mark.parametrize("state", list(LATE_IF_PASSED))
@pytest.mark.parametrize("offset, passed", [(-30, True), (-1, True), (0, False), (1, False)])
def test_a_deliverable_is_overdue_only_from_the_day_after_its_due_date(work, state, offset, passed):
    d = put_in_state(work.design_a, state)
    Deliverable.objects.filter(pk=d.pk).update(due_on=today() + datetime.timedelta(days=offset))
    d.refresh_from_db()
    expected = passed and LATE_IF_PASSED[state]
    assert d.is_overdue() is expected
    # The query used by lists, the API, the CLI and reminders agrees with the method.
    assert Deliverable.objects.filter(deadlines.overdue_q(today()), pk=d.pk).exists() is expected


def test_due_today_counts_as_due_within_zero_days(work):
    Deliverable.objects.filter(pk=work.design_a.pk).update(due_on=today())
    assert Deliverable.objects.filter(deadlines.due_within_q(today(), 0), pk=work.design_a.pk).exists()


def test_overdue_is_highlighted_on_the_partnership_page_and_in_the_list(work, as_user):
    Deliverable.objects.filter(pk=work.design_a.pk).update(due_on=today() - datetime.timedelta(days=3))
    client = as_user(work.researcher_a)
    page = client.get(f"/partnerships/{work.a.pk}/deliverables/").content.decode()
    assert '<tr class="is-overdue">' in page
    assert "3 days late" in page
    assert '<span class="tag overdue">Overdue</span>' in page
    listing = client.get("/deliverables/?overdue=on").content.decode()
    assert "Research design" in listing and "Final FPAR report" not in listing
