"""In a real browser: Escape pressed twice leaves Ovoz for the neutral page and ends the session, so coming back
asks for the password again."""

import os
import re

import pytest

if os.environ.get("OVOZ_BROWSER_TESTS") != "1":
    pytest.skip("browser tests run with `make browser-test` (OVOZ_BROWSER_TESTS=1)", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402

from tests.browser.test_sign_in import enrolled, sign_in  # noqa: E402


@pytest.fixture
def neutral(live_server, monkeypatch):
    """A neutral page on the test server itself, so the test touches no network."""
    url = f"{live_server.url}/health"
    monkeypatch.setenv("OVOZ_QUICK_EXIT_URL", url)
    return url


def test_escape_twice_leaves_for_the_neutral_page_and_signs_her_out(cast, live_server, neutral, page, screenshot):
    researcher = cast.researcher_a
    sign_in(page, live_server.url, researcher, enrolled(researcher))
    screenshot(page, "quick-exit-1-before")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(page).to_have_url(neutral)
    # The beacon ended the session: Ovoz asks her to sign in again.
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/auth/login/"))
    assert not page.evaluate("document.referrer").startswith(live_server.url + "/programmes")


def test_the_quick_exit_button_does_the_same(cast, live_server, neutral, page):
    researcher = cast.researcher_a
    sign_in(page, live_server.url, researcher, enrolled(researcher))
    page.get_by_role("button", name="Quick exit").click()
    expect(page).to_have_url(neutral)
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/auth/login/"))
