"""In a real browser: a mentor opens her partnership's Theory of Change, clicks a box of the diagram to edit that
element, sees the diagram redrawn, and opens the A3 print page."""

import os
import re

import pytest

if os.environ.get("OVOZ_BROWSER_TESTS") != "1":
    pytest.skip("browser tests run with `make browser-test` (OVOZ_BROWSER_TESTS=1)", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402

from ovoz.advocacy.models import ChangeNode, TheoryOfChange  # noqa: E402
from tests.browser.test_sign_in import enrolled, sign_in  # noqa: E402


@pytest.fixture
def demo_toc(cast):
    from ovoz.advocacy.demo import demo_load

    demo_load(programme=cast.programme, partnerships={"ravnyeprava": cast.a}, coordinator=cast.coordinator)
    return TheoryOfChange.objects.get(partnership=cast.a)


def test_a_mentor_edits_an_element_by_clicking_its_box(cast, demo_toc, live_server, page, screenshot):
    base = live_server.url
    sign_in(page, base, cast.mentor_a, enrolled(cast.mentor_a))
    page.goto(f"{base}/advocacy/theories-of-change/{demo_toc.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(demo_toc.title)
    screenshot(page, "advocacy-toc-1-diagram")

    outcome = demo_toc.nodes.get(kind="outcome", text__startswith="The labour inspection")
    page.locator(f'.adv-diagram g.toc-node[data-node="{outcome.pk}"]').click()
    expect(page).to_have_url(re.compile(rf"/elements/{outcome.pk}/edit/$"))
    page.get_by_label("Text").fill("The labour inspection visits every small workshop in Ak-Zhar.")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(rf"/theories-of-change/{demo_toc.pk}/$"))
    expect(page.locator(".adv-diagram svg")).to_contain_text("O1 The labour inspection visits every")
    assert ChangeNode.objects.get(pk=outcome.pk).text.startswith("The labour inspection visits every")

    page.get_by_role("link", name="Print on A3").click()
    expect(page.locator("main.a3 svg")).to_have_attribute("width", "420mm")
    page.emulate_media(media="print")
    screenshot(page, "advocacy-toc-2-print")
    page.emulate_media(media="screen")

    # Her plan, by level, with its budget and the proposal it feeds (none in this test: the grants demo is not run).
    page.goto(f"{base}/advocacy/plans/")
    page.get_by_role("link", name="Advocacy plan 2024: decent work in Ak-Zhar (demonstration)").click()
    for level in ("Local", "National", "Regional", "International"):
        expect(page.get_by_role("heading", name=level, level=2, exact=True)).to_be_visible()
    expect(page.locator("#budget")).to_contain_text("4800.00 USD")
    screenshot(page, "advocacy-plan")
