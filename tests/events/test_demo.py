"""The demo's trainings from seeds 000 and 001, as of mid-2024; loading twice creates nothing new."""

import datetime

from ovoz.audit.models import AuditEntry
from ovoz.demo.load import demo_load as load_programme
from ovoz.events.demo import demo_load
from ovoz.events.models import EvaluationResponse, Event, Invitation, Material
from ovoz.events.results import evaluation_summary
from ovoz.programmes.models import Partnership, Programme

COUNTED = (Event, Invitation, EvaluationResponse, Material, AuditEntry)


def load():
    from ovoz.accounts.models import User
    from ovoz.demo import data

    programme = Programme.objects.get(title=data.PROGRAMME["title"])
    partnerships = {
        key: Partnership.objects.get(programme=programme, organisation__name=org) for key, org, *_ in data.PARTNERS
    }
    coordinator = User.objects.get(username="coordinator")
    return demo_load(programme=programme, partnerships=partnerships, coordinator=coordinator)


def test_the_demo_has_the_programmes_trainings_and_loading_twice_changes_nothing(db):
    load_programme()
    events = load()
    counts = {m: m.objects.count() for m in COUNTED}
    assert load() == events
    assert {m: m.objects.count() for m in COUNTED} == counts
    titles = [e.title for e in events]
    assert titles[0].startswith("First Regional Feminist Participatory Action Research Training")
    third, un, reflection = events[2], events[3], events[4]
    assert (third.city, third.starts_on, third.ends_on) == ("Almaty", datetime.date(2023, 10, 3),
                                                          datetime.date(2023, 10, 7))
    assert (un.kind, un.starts_on, un.ends_on) == ("un_mechanisms_training", datetime.date(2023, 10, 8),
                                                  datetime.date(2023, 10, 9))
    assert reflection.kind == "reflection_meeting" and reflection.status == "planned"
    assert reflection.starts_on.month == 9 and reflection.starts_on.year == 2024
    assert events[0].outputs.count() == 4 and events[1].outputs.count() == 2 and third.outputs.count() == 3
    assert not reflection.outputs.exclude(outcome="not_assessed").exists()
    for event in events:
        assert event.invitations.count() == 10  # the five partners' mentors and researchers
    for event in events[:4]:
        assert event.status == "held" and event.evaluation_state == "closed"
        summary = evaluation_summary(event)
        assert summary.responses == event.invitations.filter(status="attended").count() >= 9
        assert all(t.after >= t.before for t in summary.topics)
        assert all(c.startswith("[fictional demo comment]") for c in summary.comments)
    assert reflection.invitations.filter(status="confirmed").count() == 7
    assert third.materials.count() == 2


def test_the_coordinator_sees_the_demo_events_and_a_researcher_her_report(db, client):
    load_programme()
    load()
    from ovoz.accounts.models import User
    from tests.conftest import sign_in

    sign_in(client, User.objects.get(username="coordinator"))
    programme = Programme.objects.get()
    body = client.get(f"/programmes/{programme.pk}/events/").content.decode()
    assert "Training on UN Human Rights Mechanisms" in body and "Almaty" in body
    third = Event.objects.get(title__startswith="Third Regional")
    report = client.get(f"/events/{third.pk}/report/").content.decode()
    assert "<svg" in report and "Partly met" in report
