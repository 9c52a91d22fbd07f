"""The whole demo gives two partners a Theory of Change, power map, pathway and advocacy plan (linked to their
advocacy proposals and backed by their findings), and the programme a 7 October campaign in five languages."""

from ovoz.advocacy.models import Actor, AdvocacyPlan, Ask, Campaign, Pathway, TheoryOfChange
from ovoz.demo.load import demo_load

COUNTED = (TheoryOfChange, Actor, Pathway, AdvocacyPlan, Ask, Campaign)


def test_the_demo_plans_advocacy_for_two_partners_and_a_campaign(db):
    demo_load()
    counts = {m: m.objects.count() for m in COUNTED}
    demo_load()
    assert {m: m.objects.count() for m in COUNTED} == counts
    assert TheoryOfChange.objects.values("partnership").distinct().count() == 2
    for plan in AdvocacyPlan.objects.select_related("proposal"):
        assert plan.proposal is not None and plan.proposal.partnership_id == plan.partnership_id
        assert plan.activities.exists() and plan.asks.filter(targets__isnull=False).exists()
    assert Ask.objects.filter(findings__isnull=False).exists()
    campaign = Campaign.objects.get()
    assert {m.language for m in campaign.messages.all()} == {"en", "ru", "ky", "tg", "uz"}
    assert campaign.reach.exists() and campaign.moment.starts_on.strftime("%m-%d") == "10-07"
