"""In a real browser: a researcher selects words of a transcript in Cyrillic with an emoji, applies a code,
and the mark appears over exactly those words; then the same page on a phone, with the code picker as a
sheet at the bottom and a mark's codings opened with a tap."""

import datetime
import os
import re

import pytest

if os.environ.get("OVOZ_BROWSER_TESTS") != "1":
    pytest.skip("browser tests run with `make browser-test` (OVOZ_BROWSER_TESTS=1)", allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402

from ovoz.analysis.models import Coding  # noqa: E402
from ovoz.analysis.services.codes import code_create  # noqa: E402
from ovoz.analysis.services.codings import coding_create  # noqa: E402
from ovoz.evidence.models import Source  # noqa: E402
from ovoz.evidence.services.consent import ALL_SCOPES, consent_record  # noqa: E402
from ovoz.evidence.services.participants import participant_create  # noqa: E402
from tests.browser.conftest import ARTIFACTS, PHONE  # noqa: E402
from tests.browser.test_sign_in import enrolled, sign_in  # noqa: E402

TRANSCRIPT = (
    "Интервью (вымышленное, для демонстрации).\n\n"
    "— Расскажите о работе в Москве.\n"
    "— Я работала на складе. Зарплату не платили 😔 три месяца, а паспорт забрал бригадир.\n"
    "Oʻgʻlim maktabga bormadi, g'alla yig'ishga ketdi.\n"
    "— Куда вы обращались?\n"
    "— Никуда. Боялась, что депортируют 🙏🏽 и не дадут вернуться.\n"
)
WORDS = "Зарплату не платили 😔 три месяца"

# Select exactly ``words`` inside the transcript, whatever marks cut it into several text nodes.
SELECT = """
(words) => {
  const root = document.getElementById("transcript");
  const full = root.textContent;
  const at = full.indexOf(words);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0, range = document.createRange(), node, startSet = false;
  while ((node = walker.nextNode())) {
    const len = node.data.length;
    if (!startSet && at < seen + len) { range.setStart(node, at - seen); startSet = true; }
    if (startSet && at + words.length <= seen + len) { range.setEnd(node, at + words.length - seen); break; }
    seen += len;
  }
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.toString();
}
"""


@pytest.fixture
def coded_source(cast):
    woman = participant_create(actor=cast.researcher_a, partnership=cast.a)
    consent_record(actor=cast.researcher_a, participant=woman, date=datetime.date(2023, 3, 1), method="oral",
                   language="ru", scopes=ALL_SCOPES)
    source = Source.objects.create(partnership=cast.a, kind="interview", title="Warehouse worker, Moscow",
                                   transcript=TRANSCRIPT, language="ru")
    source.participants.add(woman)
    codes = {
        "wages": code_create(actor=cast.coordinator, programme=cast.programme, name_en="Wages withheld",
                             colour="#e4572e"),
        "documents": code_create(actor=cast.coordinator, programme=cast.programme, name_en="Documents confiscated",
                                 colour="#4c9f70"),
        "fear": code_create(actor=cast.researcher_a, programme=cast.programme, partnership=cast.a,
                            name_en="Fear of deportation", colour="#3d7dd8"),
        "children": code_create(actor=cast.coordinator, programme=cast.programme, name_en="Child labour",
                                colour="#9b5de5"),
    }
    # Already coded: "Зарплату" (so the selection starts inside a mark) and an overlapping longer stretch.
    at = TRANSCRIPT.index("Зарплату")
    coding_create(actor=cast.researcher_a, source=source, codes=[codes["wages"]], start=at, end=at + 8)
    at = TRANSCRIPT.index("паспорт забрал бригадир")
    coding_create(actor=cast.mentor_a, source=source, codes=[codes["documents"]], start=at, end=at + 23)
    at = TRANSCRIPT.index("Боялась")
    coding_create(actor=cast.researcher_a, source=source, codes=[codes["fear"]], start=at,
                  end=TRANSCRIPT.index("вернуться") + 9)
    return source, codes


def test_a_researcher_selects_words_with_an_emoji_and_codes_them(cast, coded_source, live_server, page, screenshot):
    source, codes = coded_source
    base = live_server.url
    sign_in(page, base, cast.researcher_a, enrolled(cast.researcher_a))
    page.goto(f"{base}/analysis/")
    page.get_by_role("link", name="Warehouse worker, Moscow").click()
    expect(page.get_by_role("heading", name="Warehouse worker, Moscow", level=1)).to_be_visible()
    expect(page.locator("#transcript mark")).to_have_count(3)
    picker = page.locator("#coding-picker")
    expect(picker).to_be_hidden()

    assert page.evaluate(SELECT, WORDS) == WORDS
    expect(picker).to_be_visible()
    expect(picker.locator("[data-selection]")).to_have_text(f"“{WORDS}”")
    picker.get_by_label("Find a code").fill("child")
    expect(picker.get_by_text("Wages withheld")).to_be_hidden()
    picker.get_by_label("Find a code").fill("")
    picker.get_by_label("Fear of deportation").check()
    picker.get_by_label("Child labour").check()
    screenshot(page, "coding-1-desktop-picker")
    page.evaluate("window.stillTheSamePage = true")
    picker.get_by_role("button", name="Apply").click()

    expect(picker).to_be_hidden()
    new = Coding.objects.filter(source=source, code=codes["fear"]).exclude(start=TRANSCRIPT.index("Боялась"))
    expect(page.locator("#transcript mark.ov").first).to_be_visible()
    (coding,) = new
    assert coding.text() == WORDS
    assert Coding.objects.get(source=source, code=codes["children"]).text() == WORDS
    # The page now shows the new stretch in the margin and the marks cover the words, emoji included.
    marked = page.evaluate(
        "(id) => Array.from(document.querySelectorAll('#transcript mark'))"
        ".filter(m => m.dataset.c.split(' ').includes(String(id))).map(m => m.textContent).join('')",
        coding.pk,
    )
    assert marked == WORDS
    # Only the pieces around the selection were swapped: no reload, and the code list counts the new codings.
    assert page.evaluate("window.stillTheSamePage") is True
    expect(page.locator("#coding-legend")).to_contain_text("5 codings.")
    expect(page.locator(".coding-margin-list")).to_contain_text("Fear of deportation")
    screenshot(page, "coding-2-desktop-coded")

    # A click on a mark opens its codings; the researcher changes one code.
    page.locator("#transcript mark", has_text="паспорт").click()
    panel = page.locator("#coding-panel")
    expect(panel.get_by_role("heading", name="Codings on this passage")).to_be_visible()
    expect(panel).to_contain_text("Mentor of A")
    screenshot(page, "coding-3-desktop-panel")
    panel.get_by_label("Change the code").select_option(label="Wages withheld")
    panel.get_by_role("button", name="Change").click()
    expect(panel).to_be_hidden()
    at = TRANSCRIPT.index("паспорт")
    assert Coding.objects.get(source=source, start=at).code == codes["wages"]


def test_on_a_phone_the_picker_is_a_sheet_and_a_tap_opens_a_marks_codings(cast, coded_source, live_server, phone,
                                                                          screenshot):
    source, codes = coded_source
    base = live_server.url
    sign_in(phone, base, cast.researcher_a, enrolled(cast.researcher_a))
    phone.goto(f"{base}/analysis/sources/{source.pk}/coding/")
    words = "Oʻgʻlim maktabga bormadi, g'alla"
    assert phone.evaluate(SELECT, words) == words
    picker = phone.locator("#coding-picker")
    expect(picker).to_be_visible()
    box = picker.bounding_box()
    assert box["y"] + box["height"] == pytest.approx(PHONE["height"], abs=2)  # a sheet at the bottom
    assert box["width"] == pytest.approx(PHONE["width"], abs=2)
    # What the screen shows (a whole-page shot would leave the fixed sheet in the middle of the page).
    phone.screenshot(path=str(ARTIFACTS / "coding-4-phone-picker.png"))
    picker.get_by_label("Child labour").check()
    picker.get_by_role("button", name="Apply").click()
    expect(picker).to_be_hidden()
    assert Coding.objects.get(source=source, code=codes["children"]).text() == words

    # The margin sits under the transcript on a phone.
    transcript_box = phone.locator("#transcript").bounding_box()
    margin_box = phone.locator(".coding-side").bounding_box()
    assert margin_box["y"] > transcript_box["y"] + transcript_box["height"] - 1
    screenshot(phone, "coding-5-phone-page")

    phone.locator("#transcript mark", has_text="Боялась").tap()
    panel = phone.locator("#coding-panel")
    expect(panel.get_by_role("heading", name="Codings on this passage")).to_be_visible()
    expect(panel).to_contain_text(re.compile("Fear of deportation"))
    phone.screenshot(path=str(ARTIFACTS / "coding-6-phone-panel.png"))
    phone.once("dialog", lambda dialog: dialog.accept())
    panel.get_by_role("link", name="Remove this coding").click()
    expect(panel).to_be_hidden()
    assert not Coding.objects.filter(source=source, code=codes["fear"]).exists()
