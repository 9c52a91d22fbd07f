"""``ovoz deadlines``: what is due or overdue, per partnership, in a terminal."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ovoz.deliverables.models import Deliverable
from tests.deliverables.conftest import days, put_in_state


def deadlines(*args) -> str:
    out = StringIO()
    call_command("deadlines", *args, stdout=out, no_color=True)
    return out.getvalue()


@pytest.fixture
def mixed(work):
    Deliverable.objects.filter(pk=work.design_a.pk).update(due_on=days(-3))  # A: 3 days late
    Deliverable.objects.filter(pk=work.design_b.pk).update(due_on=days(-3))
    put_in_state(work.design_b, "submitted")  # B: late date but submitted, so not overdue
    return work


def test_it_lists_overdue_and_due_soon_per_partnership(mixed):
    out = deadlines("--within", "60")
    lines = out.splitlines()
    assert lines[0].startswith("Deliverables overdue or due within 60 days, on ")
    a = next(i for i, line in enumerate(lines) if line.startswith("Partner A (Kyrgyzstan)"))
    assert "OVERDUE" in lines[a + 1] and "Research design" in lines[a + 1] and "3 days late" in lines[a + 1]
    assert "due" in lines[a + 2] and "Final FPAR report" in lines[a + 2] and "in 40 days" in lines[a + 2]
    assert "Partner B" in out and "Research design" not in out.split("Partner B")[1]
    assert lines[-1] == "1 overdue, 2 due soon."


def test_within_limits_what_is_due_soon(mixed):
    out = deadlines("--within", "10")
    assert "Final FPAR report" not in out and "Research design" in out


def test_overdue_only(mixed):
    out = deadlines("--overdue")
    assert "Research design" in out and "Final FPAR report" not in out and "Partner B" not in out
    assert out.splitlines()[-1] == "1 overdue, 0 due soon."


def test_filters_by_partnership_and_programme(mixed):
    assert "Partner A" not in deadlines("--partnership", str(mixed.b.pk), "--within", "60")
    assert deadlines("--programme", str(mixed.other_programme.pk)).startswith("Nothing overdue or due within 30 days")
    with pytest.raises(CommandError, match="no programme with id 999999"):
        deadlines("--programme", "999999")


def test_as_of_another_day(mixed):
    out = deadlines("--today", str(days(45)), "--overdue")
    assert "Final FPAR report" in out and "5 days late" in out
    with pytest.raises(CommandError, match="like 2024-01-20"):
        deadlines("--today", "20/01/2024")
