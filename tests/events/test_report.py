"""The report of an event: participants by partnership, expected outputs met, the evaluation with an SVG chart."""

import xml.etree.ElementTree as ET

from ovoz.events.chart import before_after_chart
from ovoz.events.results import TopicResult
from ovoz.events.services import (
    evaluation_open,
    evaluation_submit,
    evaluation_topics_set,
    expected_outputs_set,
    invitation_set_status,
    invitations_create,
)
from tests.events.conftest import attended


def held_with_answers(cast, event):
    attended(cast, event, cast.mentor_a, cast.researcher_a, cast.researcher_b)
    (absent,) = invitations_create(actor=cast.coordinator, event=event, users=[cast.coresearcher_a])
    invitation_set_status(actor=cast.coordinator, invitation=absent, status="absent")
    method, treaty = evaluation_topics_set(
        actor=cast.coordinator, event=event, topics=[{"title": "FPAR methodology"}, {"title": "UN treaty bodies"}]
    )
    evaluation_open(actor=cast.coordinator, event=event)
    event.refresh_from_db()
    for person, m, t in ((cast.mentor_a, (2, 4), (1, 2)), (cast.researcher_a, (3, 5), (1, 4)),
                         (cast.researcher_b, (4, 4), (2, 2))):
        evaluation_submit(actor=person, event=event, answers={method.pk: m, treaty.pk: t})
    expected_outputs_set(actor=cast.coordinator, event=event, outputs=[
        {"text": "Research designs presented", "outcome": "met", "note": ""},
        {"text": "Monitoring plans drafted", "outcome": "not_met", "note": "Moved to the next training"},
    ])


def test_the_report_shows_participants_by_partnership_outputs_and_the_evaluation_chart(cast, as_user, event):
    held_with_answers(cast, event)
    body = as_user(cast.coordinator).get(f"/events/{event.pk}/report/").content.decode()
    assert "Partner A" in body and "Partner B" in body
    row_a = body[body.index("<td>Partner A"):]
    row_a = row_a[: row_a.index("</tr>")]
    # A: three invited (mentor, researcher, co-researcher), two attended, one absent.
    assert "<td>3</td><td>0</td><td>2</td><td>1</td>" in row_a
    assert "Mentor of A" in row_a and "Researcher of A" in row_a
    assert "Not met" in body and "Moved to the next training" in body
    svg = body[body.index("<svg"): body.index("</svg>") + 6]
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    bars = [r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.find("{http://www.w3.org/2000/svg}title")
            is not None]
    assert len(bars) == 4  # two topics, before and after
    assert '<style media="print">' in body


def test_team_members_see_counts_but_not_who_came(cast, as_user, event):
    held_with_answers(cast, event)
    body = as_user(cast.researcher_b).get(f"/events/{event.pk}/report/").content.decode()
    assert "Partner A" in body and "<svg" in body
    assert "Mentor of A" not in body and "Researcher of A" not in body


def test_viewers_and_outsiders_get_no_report(cast, as_user, event):
    for person in (cast.viewer, cast.outsider):
        assert as_user(person).get(f"/events/{event.pk}/report/").status_code == 404


def test_the_chart_scales_bars_to_five_and_escapes_titles():
    svg = before_after_chart([TopicResult("<b>UN</b> & treaty bodies", 3, 2.5, 5.0)])
    root = ET.fromstring(str(svg))
    widths = [float(r.get("width")) for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("width") != "14"]
    assert widths[1] == 2 * widths[0]
    assert "&lt;b&gt;UN&lt;/b&gt; &amp; treaty bodies" in str(svg)
    assert before_after_chart([TopicResult("Nothing yet")]) == ""
