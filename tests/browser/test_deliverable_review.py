"""In a real browser: a researcher submits her research design as text, her mentor asks for changes with
a comment, and the researcher sees the request. Then the coordinator's dashboard on a phone."""

import datetime
import os
import re

import pytest

if os.environ.get("OVOZ_BROWSER_TESTS") != "1":
    pytest.skip("browser tests run with `make browser-test` (OVOZ_BROWSER_TESTS=1)", allow_module_level=True)

from django.utils import timezone  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

from ovoz.deliverables.models import Deliverable, DeliverableKind, SubmissionMode  # noqa: E402
from ovoz.deliverables.services import deliverable_template_create, timeline_item_create  # noqa: E402
from tests.browser.conftest import DESKTOP, PHONE  # noqa: E402
from tests.browser.test_sign_in import enrolled, sign_in  # noqa: E402


@pytest.fixture
def design(cast):
    deliverable_template_create(
        actor=cast.coordinator, programme=cast.programme, title="Research design",
        kind=DeliverableKind.RESEARCH_DESIGN_DRAFT, submission=SubmissionMode.TEXT,
        due_on=timezone.localdate() + datetime.timedelta(days=10),
        description="Methods, questions and the consultation plan.",
    )
    deliverable_template_create(
        actor=cast.coordinator, programme=cast.programme, title="Final FPAR report",
        kind=DeliverableKind.FINAL_FPAR_REPORT, submission=SubmissionMode.FILE,
        due_on=timezone.localdate() - datetime.timedelta(days=3),
    )
    timeline_item_create(actor=cast.coordinator, programme=cast.programme, kind="phase", title="Advocacy phase",
                         starts_on=datetime.date(2024, 3, 1), ends_on=datetime.date(2024, 8, 31))
    timeline_item_create(actor=cast.coordinator, programme=cast.programme, kind="milestone",
                         title="Third regional training", starts_on=datetime.date(2023, 10, 3))
    return Deliverable.objects.get(partnership=cast.a, template__title="Research design")


def sign_out(page):
    page.locator("header").get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/auth/login/"))


@pytest.fixture
def second_page(browser):
    """Another person's browser, beside the first (a second factor code cannot be used twice in a row)."""
    context = browser.new_context(locale="en-GB", viewport=DESKTOP)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_a_researcher_submits_and_her_mentor_requests_changes(cast, design, live_server, page, second_page,
                                                              screenshot):
    base = live_server.url
    researcher, mentor = cast.researcher_a, cast.mentor_a

    sign_in(page, base, researcher, enrolled(researcher))
    page.goto(f"{base}/partnerships/{cast.a.pk}/deliverables/")
    expect(page.get_by_role("heading", name="Deliverables", exact=True)).to_be_visible()
    # The late report is flagged in words, not colour alone.
    expect(page.get_by_role("row", name=re.compile("Final FPAR report")).get_by_text("Overdue")).to_be_visible()
    screenshot(page, "deliverables-1-researcher-list")
    page.get_by_role("link", name="Research design").click()
    expect(page.get_by_role("heading", name="Research design", level=1)).to_be_visible()
    page.get_by_label("Text:", exact=True).fill("We will consult women in Ak-Zhar in women-only sessions.")
    page.get_by_label("Note to the reviewers (optional)").fill("First version")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Version 1 is submitted for review.")).to_be_visible()
    expect(page.locator("h1 + p .tag").first).to_have_text("Submitted")
    screenshot(page, "deliverables-2-researcher-submitted")

    # Her mentor, in her own browser.
    sign_in(second_page, base, mentor, enrolled(mentor))
    second_page.goto(f"{base}/deliverables/{design.pk}/")
    expect(second_page.get_by_text("We will consult women in Ak-Zhar in women-only sessions.")).to_be_visible()
    second_page.get_by_label("Comment").fill("Please add how consent is asked and recorded.")
    screenshot(second_page, "deliverables-3-mentor-reviews")
    second_page.get_by_role("button", name="Request changes").click()
    expect(second_page.get_by_text("Changes are requested; the team sees your comment.")).to_be_visible()
    sign_out(second_page)

    # The researcher comes back to the deliverable.
    page.goto(f"{base}/partnerships/{cast.a.pk}/deliverables/")
    expect(page.get_by_role("row", name=re.compile("Research design")).get_by_text("Changes requested")).to_be_visible()
    page.get_by_role("link", name="Research design").click()
    note = page.get_by_role("note").filter(has_text="Changes requested")
    expect(note).to_contain_text("Please add how consent is asked and recorded.")
    expect(note).to_contain_text("Mentor of A")
    expect(page.get_by_role("heading", name="Submit a revised version")).to_be_visible()
    screenshot(page, "deliverables-4-researcher-sees-changes-requested")
    design.refresh_from_db()
    assert design.state == "changes_requested"


def test_the_coordinators_dashboard_fits_a_phone_and_its_chart_scrolls_in_its_box(cast, design, live_server, phone,
                                                                                   screenshot):
    coordinator = cast.coordinator
    sign_in(phone, live_server.url, coordinator, enrolled(coordinator))
    phone.goto(f"{live_server.url}/programmes/{cast.programme.pk}/timeline/")
    expect(phone.get_by_role("heading", name="Deliverables and timeline")).to_be_visible()
    expect(phone.locator("svg .gantt-phase")).to_have_count(1)
    expect(phone.locator("svg .gantt-milestone")).to_have_count(1)
    screenshot(phone, "deliverables-5-phone-dashboard")
    # The page itself does not scroll sideways; the chart and the matrix scroll inside their boxes.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    box = phone.locator(".gantt-box")
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")
    box.evaluate("el => el.scrollLeft = el.scrollWidth")
    screenshot(phone, "deliverables-6-phone-chart-scrolled")


def test_the_dashboard_on_a_desktop(cast, design, live_server, page, screenshot):
    coordinator = cast.coordinator
    sign_in(page, live_server.url, coordinator, enrolled(coordinator))
    page.goto(f"{live_server.url}/programmes/{cast.programme.pk}/timeline/")
    matrix = page.locator("table.matrix")
    expect(matrix.get_by_role("row")).to_have_count(3)
    expect(matrix.get_by_text("Overdue")).to_have_count(2)
    screenshot(page, "deliverables-7-desktop-dashboard")
