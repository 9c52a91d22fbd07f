"""Outcomes link to the Theory of Change outcomes and recommendations they concern; the programme dashboard shows
which ToC outcomes have evidence of change and which have none yet."""

import pytest
from django.core.exceptions import ValidationError

from ovoz.advocacy.models import ChangeNode, TheoryOfChange
from ovoz.impact.report_data import evidence_of_change
from ovoz.impact.services.outcomes import outcome_create, outcome_update
from ovoz.mechanisms.models import Recommendation


@pytest.fixture
def toc(cast):
    toc = TheoryOfChange.objects.create(programme=cast.programme, title="Programme ToC", goal="Decent work")
    cast.node_wages = ChangeNode.objects.create(toc=toc, kind="outcome", text="Wages are paid on time")
    cast.node_services = ChangeNode.objects.create(toc=toc, kind="outcome", text="Services without registration")
    cast.precondition = ChangeNode.objects.create(toc=toc, kind="precondition", text="Inspections")
    other = TheoryOfChange.objects.create(programme=cast.programme, partnership=cast.b, title="B's ToC", goal="x")
    cast.node_b = ChangeNode.objects.create(toc=other, kind="outcome", text="B's outcome")
    cast.recommendation = Recommendation.objects.create(programme=cast.programme, origin="resolution",
                                                        text="Inspect small workshops", addressee="Labour inspection")
    return cast


def test_the_panel_lists_every_toc_outcome_and_flags_those_without_evidence(toc):
    c = toc
    outcome_create(actor=c.coordinator, programme=c.programme, partnership=c.a, level="structural",
                   social_actor="Labour inspection", description="Inspected two workshops",
                   toc_outcomes=[c.node_wages], recommendations=[c.recommendation])
    concerns = {x.name: x for x in evidence_of_change(c.programme)}
    assert len(concerns["Programme ToC: Wages are paid on time"].outcomes) == 1
    assert concerns["Programme ToC: Services without registration"].outcomes == []
    assert any(x.kind == "recommendation" and len(x.outcomes) == 1 for x in concerns.values())


def test_an_outcome_links_only_outcomes_of_its_programme_and_partnership(toc):
    c = toc
    with pytest.raises(ValidationError):
        outcome_create(actor=c.coordinator, programme=c.programme, partnership=c.a, level="community",
                       social_actor="x", description="y", toc_outcomes=[c.node_b])
    with pytest.raises(ValidationError):
        outcome_create(actor=c.coordinator, programme=c.programme, level="community", social_actor="x",
                       description="y", toc_outcomes=[c.precondition])


def test_changing_the_links_is_audited(toc):
    from ovoz.audit.models import AuditEntry

    c = toc
    outcome = outcome_create(actor=c.coordinator, programme=c.programme, level="community", social_actor="x",
                             description="y")
    outcome_update(actor=c.coordinator, outcome=outcome, toc_outcomes=[c.node_services])
    assert list(outcome.toc_outcomes.all()) == [c.node_services]
    entry = AuditEntry.objects.filter(action="outcome.update").latest("pk")
    assert entry.changes["toc_outcomes"]["new"] == [str(c.node_services.pk)]


def test_the_demo_links_outcomes_to_the_advocacy_demos_toc_and_recommendations(db):
    from ovoz.accounts.models import User
    from ovoz.advocacy.demo import demo_load as advocacy_demo
    from ovoz.impact.demo import demo_load as impact_demo
    from ovoz.impact.models import Outcome
    from ovoz.mechanisms.demo import demo_load as mechanisms_demo
    from tests.evidence.test_demo_evidence import load

    programme, partnerships = load()
    coordinator = User.objects.get(username="coordinator")
    for demo in (advocacy_demo, mechanisms_demo, impact_demo):
        demo(programme=programme, partnerships=partnerships, coordinator=coordinator)
    inspections = Outcome.objects.get(description__startswith="Inspections of sewing workshops")
    assert inspections.toc_outcomes.count() == 1 and inspections.recommendations.count() == 1
    concerns = evidence_of_change(programme)
    assert any(c.kind == "toc" and c.outcomes for c in concerns)
    assert any(c.kind == "toc" and not c.outcomes for c in concerns)  # planned outcomes without evidence yet
