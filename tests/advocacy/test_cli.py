"""`ovoz advocacy` on the command line: list, a Theory of Change as an A3 SVG file, a plan's budget, the calendar."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.core.management import CommandError, call_command


def _run(*args) -> str:
    out = io.StringIO()
    call_command("advocacy", *args, stdout=out)
    return out.getvalue()


def test_list_names_each_theory_of_change_and_plan(planning):
    text = _run("list")
    assert f"toc  {planning.toc.pk:5}  Partner A: ToC of A" in text
    assert "Plan of A" in text


def test_toc_svg_writes_a_valid_a3_svg(planning, tmp_path):
    out = tmp_path / "toc.svg"
    assert "Wrote" in _run("toc-svg", str(planning.toc.pk), "--out", str(out))
    root = ET.parse(out).getroot()
    assert root.get("width") == "420mm"
    with pytest.raises(CommandError, match="no Theory of Change"):
        _run("toc-svg", "999999", "--out", str(out))


def test_plan_prints_the_budget_by_level_and_total(planning):
    text = _run("plan", str(planning.plan.pk))
    assert "Local: 600.00" in text and "Total: 600.00 USD" in text


def test_calendar_lists_moments_and_activities_in_the_window(planning):
    text = _run("calendar", "--from", "2030-10-01", "--days", "30")
    assert "2030-10-07  moment    World Day for Decent Work" in text
    assert "Hearing with the council" not in text
    assert "Hearing with the council" in _run("calendar", "--from", "2024-04-01", "--days", "30")
    with pytest.raises(CommandError):
        _run("calendar", "--from", "soon")
