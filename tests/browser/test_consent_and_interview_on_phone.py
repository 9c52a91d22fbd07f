"""A researcher on a phone registers a participant, records her oral consent and an interview."""

import datetime
import os
import re

import pytest

if os.environ.get("OVOZ_BROWSER_TESTS") != "1":
    pytest.skip("browser tests run with `make browser-test` (OVOZ_BROWSER_TESTS=1)", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402

from ovoz.evidence.models import Participant, Source  # noqa: E402
from tests.browser.test_sign_in import enrolled, sign_in  # noqa: E402


def test_a_researcher_records_consent_and_an_interview_on_a_phone(cast, live_server, phone, screenshot):
    base = live_server.url
    researcher = cast.researcher_a
    sign_in(phone, base, researcher, enrolled(researcher))

    phone.goto(f"{base}/partnerships/{cast.a.pk}/participants/new/")
    phone.get_by_label("Destination country or city").fill("Bishkek")
    screenshot(phone, "phone-1-register-participant")
    phone.get_by_role("button", name="Register").click()
    participant = Participant.objects.get(partnership=cast.a)
    expect(phone).to_have_url(re.compile(rf"/participants/{participant.pk}/"))

    phone.goto(f"{base}/participants/{participant.pk}/consent/")
    phone.get_by_label("Date of consent").fill(datetime.date.today().isoformat())
    phone.get_by_label("Oral").check()
    phone.get_by_label("Use in analysis").check()
    phone.get_by_label("Anonymous quotes in publications").check()
    screenshot(phone, "phone-2-consent")
    phone.get_by_role("button", name="Save consent").click()
    expect(phone.get_by_text(participant.code).first).to_be_visible()
    participant.refresh_from_db()
    assert participant.consent_analysis and participant.consent_quotes and not participant.consent_attribution

    phone.goto(f"{base}/partnerships/{cast.a.pk}/sources/new/")
    phone.get_by_label("Kind").select_option("interview")
    phone.get_by_label("Title").fill("Interview in Ak-Zhar")
    phone.get_by_label(participant.code).check()
    phone.get_by_label("Transcript").fill("Мне не заплатили за три месяца.\nДоговора не было.")
    screenshot(phone, "phone-3-interview")
    phone.get_by_role("button", name="Save", exact=True).last.click()
    source = Source.objects.get(title="Interview in Ak-Zhar")
    expect(phone).to_have_url(re.compile(rf"/sources/{source.pk}/"))
    screenshot(phone, "phone-4-interview-saved")
    assert list(source.participants.all()) == [participant]
    assert source.transcript == "Мне не заплатили за три месяца.\nДоговора не было."
    # Nothing on the phone page is wider than the screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
