"""In a real browser: a researcher builds her briefer from coded segments, adds a quote whose speaker did not
allow quotes, and the disclosure check stops it before it can go further."""

import os
import re

import pytest

if os.environ.get("OVOZ_BROWSER_TESTS") != "1":
    pytest.skip("browser tests run with `make browser-test` (OVOZ_BROWSER_TESTS=1)", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402

from tests.analysis.conftest import analysis  # noqa: E402, F401  (fixtures)
from tests.browser.test_sign_in import enrolled, sign_in  # noqa: E402
from tests.evidence.conftest import evidence  # noqa: E402, F401
from tests.publishing.conftest import briefer  # noqa: E402, F401


def test_a_researcher_builds_a_briefer_and_the_gate_stops_a_non_consented_quote(briefer, live_server, page,  # noqa: F811
                                                                                  screenshot):
    c = briefer
    base = live_server.url
    sign_in(page, base, c.researcher_a, enrolled(c.researcher_a))
    page.goto(f"{base}/publications/{c.pub.pk}/")
    expect(page.get_by_role("heading", name="Labour rights of women internal migrants")).to_be_visible()

    # The context, in her words.
    page.locator(f"#section-{c.context.pk}").get_by_role("link", name="Edit the text").click()
    page.get_by_label("Text:", exact=True).fill("Ak-Zhar is a new settlement near Bishkek.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Ak-Zhar is a new settlement near Bishkek.")).to_be_visible()

    # A quote she may use, then one whose speaker refused quotes (marked as such in the picker).
    voices = page.locator(f"#section-{c.voices.pk}")
    voices.get_by_role("link", name="Add a quote").click()
    expect(page.get_by_role("heading", name="Pick a quote from the coded segments")).to_be_visible()
    refused = page.locator("li.card").filter(has_text=c.s2.transcript[:5])
    expect(refused.get_by_text("a participant did not allow quotes")).to_be_visible()
    screenshot(page, "briefer-1-quote-picker")
    page.locator("li.card").filter(has_text="Interview A1").get_by_role("link", name="Use this quote").click()
    page.get_by_label("Translation:").fill("The wages were not paid.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The wages were not paid.")).to_be_visible()

    page.locator(f"#section-{c.voices.pk}").get_by_role("link", name="Add a quote").click()
    page.locator("li.card").filter(has_text=c.s2.transcript[:5]).get_by_role("link", name="Use this quote").click()
    page.get_by_role("button", name="Save").click()
    screenshot(page, "briefer-2-editor")

    # The disclosure check names the problem and the publication cannot pass.
    page.get_by_role("link", name="Disclosure check").click()
    expect(page.get_by_text(re.compile("1 problem stops this publication"))).to_be_visible()
    expect(page.get_by_text(re.compile(f"{c.a2.code}, who did not allow anonymous quotes"))).to_be_visible()
    screenshot(page, "briefer-3-gate-stops-the-quote")
