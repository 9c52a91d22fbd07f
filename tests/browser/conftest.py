"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's live server.

They run only with OVOZ_BROWSER_TESTS=1 (`make browser-test` sets it and installs Chromium); a plain
`pytest` skips them. Playwright never downloads a browser here: it launches /usr/bin/chromium
(or OVOZ_CHROMIUM). Screenshots go to test-artifacts/ (ignored by git), and a failing test leaves
a screenshot of the page it failed on there too.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("OVOZ_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"No Chromium at {CHROMIUM}: `make browser-test` installs Debian's chromium package.")
    # Playwright's synchronous API keeps an event loop running in the main thread, which makes Django
    # refuse ORM calls there (fixtures, the test database's flush); those calls are synchronous code.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield chromium
            chromium.close()


def _page(browser, request, **context_options):
    context = browser.new_context(locale="en-GB", **context_options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        save_screenshot(page, f"FAILED-{request.node.name}")
    context.close()


@pytest.fixture
def page(browser, request):
    """A desktop-sized browser tab, in English."""
    yield from _page(browser, request, viewport=DESKTOP)


@pytest.fixture
def phone(browser, request):
    """A phone-sized browser tab (390×844 CSS pixels, touch), in English."""
    yield from _page(browser, request, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)


@pytest.fixture
def screenshot():
    """``screenshot(page, "name")`` saves the whole page as test-artifacts/name.png."""
    return save_screenshot


def save_screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
