"""The agenda is an ordered list of sessions; expected outputs are stated, then marked met, partly met or not met."""

import datetime

from ovoz.audit.models import AuditEntry
from ovoz.events.models import AgendaSession, ExpectedOutput


def formset(rows, extra=0):
    """POST data of a formset with prefix "rows"."""
    data = {"rows-TOTAL_FORMS": str(len(rows) + extra), "rows-INITIAL_FORMS": str(sum(1 for r in rows if r.get("id"))),
            "rows-MIN_NUM_FORMS": "0", "rows-MAX_NUM_FORMS": "1000"}
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"rows-{i}-{key}"] = value
    return data


def test_the_coordinator_writes_the_agenda_and_everyone_in_the_programme_reads_it(cast, as_user, event):
    client = as_user(cast.coordinator)
    response = client.post(f"/events/{event.pk}/agenda/", formset([
        {"day": "2023-02-21", "starts_at": "14:00", "ends_at": "17:00", "title": "Feminist analysis",
         "facilitator": "APWLD FPAR team"},
        {"day": "2023-02-20", "starts_at": "09:30", "ends_at": "12:30", "title": "Feminist frameworks",
         "facilitator": "Secretariat"},
    ], extra=2))
    assert response.status_code == 302
    assert [s.title for s in event.agenda.all()] == ["Feminist frameworks", "Feminist analysis"]
    assert AuditEntry.objects.filter(action="event.agenda").count() == 1
    body = as_user(cast.researcher_b).get(f"/events/{event.pk}/").content.decode()
    assert body.index("Feminist frameworks") < body.index("Feminist analysis")
    assert "Day 2" in body and "09:30–12:30" in body and "APWLD FPAR team" in body


def test_a_session_outside_the_event_or_ending_before_it_starts_is_refused(cast, as_user, event):
    client = as_user(cast.coordinator)
    body = client.post(f"/events/{event.pk}/agenda/", formset([
        {"day": "2023-03-01", "title": "Too late"},
        {"day": "2023-02-21", "starts_at": "12:00", "ends_at": "11:00", "title": "Backwards"},
    ])).content.decode()
    assert "is not on a day of the event" in body and "ends before it starts" in body
    assert not AgendaSession.objects.exists()


def test_removing_and_changing_sessions_keeps_the_others(cast, as_user, event):
    from ovoz.events.services import agenda_set

    a, b = agenda_set(actor=cast.coordinator, event=event, sessions=[
        {"day": datetime.date(2023, 2, 20), "title": "Opening"}, {"day": datetime.date(2023, 2, 21), "title": "Two"}])
    client = as_user(cast.coordinator)
    client.post(f"/events/{event.pk}/agenda/", formset([
        {"id": a.pk, "day": "2023-02-20", "title": "Opening and welcome"},
        {"id": b.pk, "day": "2023-02-21", "title": "Two", "DELETE": "on"},
    ]))
    assert [(s.pk, s.title) for s in event.agenda.all()] == [(a.pk, "Opening and welcome")]


def test_expected_outputs_are_marked_and_the_report_shows_which_were_met(cast, as_user, event):
    client = as_user(cast.coordinator)
    client.post(f"/events/{event.pk}/outputs/", formset([
        {"text": "Participants gain capacity on feminist frameworks", "outcome": "", "note": ""},
        {"text": "Participants gain skills on FPAR research design", "outcome": "", "note": ""},
    ], extra=1))
    first, second = event.outputs.all()
    assert first.outcome == second.outcome == "not_assessed"
    client.post(f"/events/{event.pk}/outputs/", formset([
        {"id": first.pk, "text": first.text, "outcome": "met", "note": ""},
        {"id": second.pk, "text": second.text, "outcome": "partly_met", "note": "Designs to be finished online"},
    ]))
    assert [o.outcome for o in event.outputs.all()] == ["met", "partly_met"]
    entry = AuditEntry.objects.filter(action="event.outputs").latest("pk")
    assert entry.changes["outputs"]["new"][1]["outcome"] == "partly_met"
    report = as_user(cast.mentor_a).get(f"/events/{event.pk}/report/").content.decode()
    assert "Met" in report and "Partly met" in report and "Designs to be finished online" in report


def test_an_output_without_text_is_refused(cast, as_user, event):
    client = as_user(cast.coordinator)
    response = client.post(f"/events/{event.pk}/outputs/", formset([{"text": "", "outcome": "met", "note": "x"}]))
    assert response.status_code == 200
    assert not ExpectedOutput.objects.exists()


def test_team_members_cannot_change_the_agenda_or_the_outputs(cast, as_user, event):
    for person in (cast.mentor_a, cast.researcher_b):
        client = as_user(person)
        assert client.post(f"/events/{event.pk}/agenda/", formset([{"day": "2023-02-20", "title": "x"}])).status_code \
            == 404
        assert client.post(f"/events/{event.pk}/outputs/", formset([{"text": "x"}])).status_code == 404
    assert not AgendaSession.objects.exists() and not ExpectedOutput.objects.exists()
