"""A researcher in a real browser: password, second factor, dashboard, Russian, and a phone."""

import os
import re

import pytest

if os.environ.get("OVOZ_BROWSER_TESTS") != "1":
    pytest.skip("browser tests run with `make browser-test` (OVOZ_BROWSER_TESTS=1)", allow_module_level=True)

from django.utils import translation  # noqa: E402
from django_otp.oath import totp  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

from tests.browser.conftest import PHONE  # noqa: E402
from tests.conftest import PASSWORD  # noqa: E402

NAV_ITEMS = ["Dashboard", "Programmes", "My account"]


def current_code(device: TOTPDevice) -> str:
    """The six digits her authenticator app would show now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


def sign_in(page, base: str, user, device: TOTPDevice, screenshot=None, prefix: str = "") -> None:
    """Through the real forms: the dashboard sends her to sign in, then to her second step, then back."""
    page.goto(base + "/")
    expect(page).to_have_url(re.compile(r"/auth/login/"))
    expect(page.get_by_role("heading", name="Sign in to Ovoz")).to_be_visible()
    if screenshot:
        screenshot(page, f"{prefix}1-login")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()

    expect(page).to_have_url(re.compile(r"/auth/verify/"))
    expect(page.get_by_role("heading", name="Confirm it is you")).to_be_visible()
    if screenshot:
        screenshot(page, f"{prefix}2-second-factor")
    page.get_by_label("Code from your authenticator app, or a recovery code").fill(current_code(device))
    page.get_by_role("button", name="Continue").click()

    expect(page).to_have_url(base + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {user.full_name}")


def russian(text: str) -> str:
    with translation.override("ru"):
        return translation.gettext(text)


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def test_a_researcher_signs_in_with_her_second_factor_and_switches_to_russian(cast, live_server, page, screenshot):
    researcher = cast.researcher_a
    sign_in(page, live_server.url, researcher, enrolled(researcher), screenshot, prefix="desktop-")

    expect(page.get_by_role("heading", name="Your partnership")).to_be_visible()
    expect(page.get_by_role("link", name="Partner A")).to_be_visible()
    expect(page.get_by_text("Mentor of A")).to_be_visible()
    expect(page.get_by_text("Partner B")).to_have_count(0)
    screenshot(page, "desktop-3-dashboard")

    # The language switcher submits itself when she picks a language.
    page.get_by_label("Language").select_option("ru")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page).to_have_url(live_server.url + "/")
    # Whatever the Russian catalog translates shows in Russian (the rest stays English until translated).
    expect(page.get_by_label(russian("Language"))).to_have_value("ru")
    nav = page.locator("header nav")
    expect(nav).to_have_accessible_name(russian("Main"))
    for item in [russian(item) for item in NAV_ITEMS]:
        expect(nav.get_by_role("link", name=item, exact=True)).to_be_visible()
    screenshot(page, "desktop-4-dashboard-ru")

    # The choice sticks from page to page.
    nav.get_by_role("link", name=russian("Programmes"), exact=True).click()
    expect(page).to_have_url(re.compile(r"/programmes/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")


def assert_within_the_screen(locator) -> None:
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box


def assert_the_navigation_fits(phone, items: list[str]) -> None:
    """Nothing runs off the side of the screen: no sideways scrolling, every control within reach."""
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    nav = phone.locator("header nav")
    for item in items:
        assert_within_the_screen(nav.get_by_role("link", name=item, exact=True))
    assert_within_the_screen(phone.locator("header form.lang select"))
    buttons = phone.locator("header").get_by_role("button")  # sign out and the quick exit
    for i in range(buttons.count()):
        assert_within_the_screen(buttons.nth(i))


def test_on_a_phone_the_navigation_fits_and_works(cast, live_server, phone, screenshot):
    researcher = cast.researcher_a
    sign_in(phone, live_server.url, researcher, enrolled(researcher), screenshot, prefix="phone-")
    screenshot(phone, "phone-3-dashboard")
    assert_the_navigation_fits(phone, NAV_ITEMS)

    # Tapping the links goes where they say.
    nav = phone.locator("header nav")
    nav.get_by_role("link", name="Programmes", exact=True).tap()
    expect(phone).to_have_url(re.compile(r"/programmes/$"))
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    # A wide table scrolls inside its own box; the page itself still does not scroll sideways.
    assert_the_navigation_fits(phone, NAV_ITEMS)
    screenshot(phone, "phone-4-programmes")
    nav.get_by_role("link", name="Dashboard", exact=True).tap()
    expect(phone).to_have_url(live_server.url + "/")

    # Russian words are longer: the navigation still fits.
    phone.get_by_label("Language").select_option("ru")
    expect(phone.locator("html")).to_have_attribute("lang", "ru")
    assert_the_navigation_fits(phone, [russian(item) for item in NAV_ITEMS])
    screenshot(phone, "phone-5-dashboard-ru")

    # And she can sign out from the phone.
    phone.locator("header").get_by_role("button", name=russian("Sign out")).tap()
    expect(phone).to_have_url(re.compile(r"/auth/login/"))
    expect(phone.get_by_text(russian("You have signed out."))).to_be_visible()
