"""The demo's timeline and deliverables, as the programme stood in mid-2024; loading twice adds nothing."""

import datetime

import pytest

from ovoz.accounts.models import User
from ovoz.audit.models import AuditEntry
from ovoz.deliverables.demo import demo_load
from ovoz.deliverables.models import (
    Deliverable,
    DeliverableReview,
    DeliverableTemplate,
    DeliverableVersion,
    TimelineItem,
)
from ovoz.demo import data
from ovoz.demo.load import demo_load as foundation_demo_load
from ovoz.programmes.models import Partnership, Programme


@pytest.fixture
def demo(db):
    foundation_demo_load()
    programme = Programme.objects.get(title=data.PROGRAMME["title"])
    partnerships = {
        key: Partnership.objects.get(programme=programme, organisation__name=name)
        for key, name, *_ in data.PARTNERS
    }
    coordinator = User.objects.get(username=data.COORDINATOR[0])
    demo_load(programme=programme, partnerships=partnerships, coordinator=coordinator)
    return programme, partnerships, coordinator


def states(programme, title):
    return sorted(Deliverable.objects.filter(template__programme=programme, template__title=title)
                  .values_list("state", flat=True))


def test_the_timeline_follows_the_programme_document(demo):
    programme, _, _ = demo
    items = {i.title: i for i in TimelineItem.objects.filter(programme=programme)}
    assert items["Advocacy phase (6 months)"].starts_on == datetime.date(2024, 3, 1)
    assert items["Advocacy phase (6 months)"].ends_on == datetime.date(2024, 8, 31)
    trainings = [i for i in items.values() if i.kind == "milestone"]
    assert len(trainings) == 5
    assert items["Third Regional FPAR Training: Reflections and Ways Forward for Advocacy"].starts_on == \
        datetime.date(2023, 10, 3)
    final = DeliverableTemplate.objects.get(programme=programme, title="Final FPAR report")
    assert final.due_on == datetime.date(2024, 1, 20)


def test_the_deliverables_stand_as_in_mid_2024(demo):
    programme, partnerships, _ = demo
    assert len(partnerships) == 5
    assert states(programme, "Draft research design") == ["accepted"] * 5
    assert states(programme, "Final research design") == ["accepted"] * 5
    assert states(programme, "Interim narrative report") == ["accepted"] * 5
    assert states(programme, "Final FPAR report") == ["accepted"] * 4 + ["changes_requested"]
    assert states(programme, "Advocacy proposal and budget") == ["submitted"] * 5
    assert states(programme, "Advocacy narrative report") == ["not_started"] * 5
    sent_back = Deliverable.objects.get(template__title="Final FPAR report", state="changes_requested")
    assert sent_back.partnership.organisation.name == "Dunyoi Muhabbat"
    assert "women's own recommendations" in sent_back.reviews.get().comment


def test_versions_and_reviews_carry_their_authors_and_dates(demo):
    programme, partnerships, coordinator = demo
    design = Deliverable.objects.get(partnership=partnerships["ravnyeprava"], template__title="Draft research design")
    assert [v.number for v in design.versions.order_by("number")] == [1, 2]
    assert design.versions.get(number=1).created_by.username == "researcher.ravnyeprava"
    assert design.versions.get(number=1).created_at.date() == datetime.date(2023, 2, 3)
    assert [r.decision for r in design.reviews.order_by("created_at")] == ["changes_requested", "accepted"]
    assert design.reviews.get(decision="changes_requested").reviewer.username == "mentor.ravnyeprava"
    report = DeliverableVersion.objects.filter(deliverable__template__title="Final FPAR report").first()
    with report.file.open("rb") as fh:
        assert fh.read().startswith(b"%PDF-1.4")


def test_loading_twice_creates_nothing_new(demo):
    programme, partnerships, coordinator = demo
    models = [TimelineItem, DeliverableTemplate, Deliverable, DeliverableVersion, DeliverableReview, AuditEntry]
    before = [m.objects.count() for m in models]
    demo_load(programme=programme, partnerships=partnerships, coordinator=coordinator)
    assert [m.objects.count() for m in models] == before
