"""In a real browser: a researcher places actors on her partnership's power map by clicking an actor and then a
cell, by dragging an actor onto a cell, and with the form beside the table (the fallback without a mouse)."""

import os
import re

import pytest

if os.environ.get("OVOZ_BROWSER_TESTS") != "1":
    pytest.skip("browser tests run with `make browser-test` (OVOZ_BROWSER_TESTS=1)", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402

from ovoz.advocacy.models import Actor  # noqa: E402
from ovoz.audit.models import AuditEntry  # noqa: E402
from tests.advocacy.conftest import planning  # noqa: E402, F401
from tests.browser.test_sign_in import enrolled, sign_in  # noqa: E402


def _actor(page, name):
    return page.locator(f'#power-map g.pm-actor[data-name="{name}"]')


def _cell(page, influence, stance):
    return page.locator(f'#power-map rect.pm-cell[data-influence="{influence}"][data-stance="{stance}"]')


def _row(page, actor):
    return page.locator(f"#actor-{actor.pk}")


def expect_place(page, actor, influence: str, stance: str):
    expect(_row(page, actor).locator(".pm-influence")).to_have_text(influence)
    expect(_row(page, actor).locator(".pm-stance")).to_have_text(stance)


def test_a_researcher_places_actors_by_click_by_drag_and_with_the_form(cast, planning, live_server, page,  # noqa: F811
                                                                       screenshot):
    base = live_server.url
    sign_in(page, base, cast.researcher_a, enrolled(cast.researcher_a))
    page.goto(f"{base}/advocacy/power-map/?scope=part-{cast.a.pk}")
    expect(page.get_by_role("heading", name="Power map", level=1)).to_be_visible()
    expect(_actor(page, "City council & co")).to_be_visible()
    screenshot(page, "advocacy-power-map-1-before")

    # Click the council, then the cell for influence 1, strongly supportive.
    _actor(page, "City council & co").click()
    expect(page.locator("#pm-status")).to_contain_text("City council & co")
    expect(_actor(page, "City council & co")).to_have_class(re.compile("selected"))
    screenshot(page, "advocacy-power-map-2-selected")
    _cell(page, 1, 2).click(position={"x": 150, "y": 70})
    expect_place(page, planning.council, "1", "Strongly supportive")
    council = Actor.objects.get(pk=planning.council.pk)
    assert (council.influence, council.stance) == (1, 2)
    # Drawn in its new cell.
    cell_box = _cell(page, 1, 2).bounding_box()
    dot_box = _actor(page, "City council & co").locator("circle").bounding_box()
    assert cell_box["x"] <= dot_box["x"] <= cell_box["x"] + cell_box["width"]
    assert cell_box["y"] <= dot_box["y"] <= cell_box["y"] + cell_box["height"]

    # Drag the labour inspection onto influence 2, strongly opposed (both cells in view: the mouse does not scroll).
    page.evaluate("document.getElementById('power-map').scrollIntoView()")
    source = _actor(page, "Labour inspection").locator("circle").bounding_box()
    target = _cell(page, 2, -2).bounding_box()
    page.mouse.move(source["x"] + source["width"] / 2, source["y"] + source["height"] / 2)
    page.mouse.down()
    page.mouse.move(target["x"] + target["width"] * 0.7, target["y"] + target["height"] * 0.7, steps=12)
    page.mouse.up()
    expect_place(page, planning.inspection, "2", "Strongly opposed")
    inspection = Actor.objects.get(pk=planning.inspection.pk)
    assert (inspection.influence, inspection.stance) == (2, -2)

    # Without a mouse: the form beside the council's row.
    row = _row(page, planning.council)
    row.get_by_label("Influence").select_option("5")
    row.get_by_label("Stance").select_option("-1")
    row.get_by_role("button", name="Place").click()
    expect(page.get_by_text("City council & co is placed: influence 5, opposed.")).to_be_visible()
    expect_place(page, planning.council, "5", "Opposed")
    council.refresh_from_db()
    assert (council.influence, council.stance) == (5, -1)
    screenshot(page, "advocacy-power-map-3-after")

    assert AuditEntry.objects.filter(action="actor.place").count() == 3
