"""The demo's advocacy planning: a Theory of Change, power map, critical pathway and advocacy plan for two
partners, the calendar's international days and a 7 October campaign. Created through the services; idempotent."""

from decimal import Decimal

from ovoz.accounts.roles import Role
from ovoz.advocacy import demo_data as data
from ovoz.advocacy.models import Actor, AdvocacyPlan, Campaign, Moment, Pathway, TheoryOfChange
from ovoz.advocacy.services.campaigns import (
    campaign_create,
    material_add,
    message_add,
    moment_create,
    reach_record,
)
from ovoz.advocacy.services.plans import activity_add, ask_add, objective_add, plan_create
from ovoz.advocacy.services.power import actor_create, pathway_create, step_add
from ovoz.advocacy.services.toc import node_add, toc_create
from ovoz.programmes.models import Membership


def _researcher(partnership, fallback):
    m = Membership.objects.filter(partnership=partnership, role=Role.RESEARCHER).select_related("user").first()
    return m.user if m else fallback


def _toc(programme, partnership, who, spec) -> None:
    if TheoryOfChange.objects.filter(partnership=partnership, title=spec["title"]).exists():
        return
    toc = toc_create(actor=who, programme=programme, partnership=partnership, title=spec["title"], goal=spec["goal"])
    made = {}
    for key, kind, text, leads_to in spec["nodes"]:
        made[key] = node_add(actor=who, toc=toc, kind=kind, text=text, leads_to=made.get(leads_to))


def _actors(programme, partnership, who, specs) -> dict[str, Actor]:
    existing = {a.name: a for a in Actor.objects.filter(partnership=partnership)}
    for name, kind, level, influence, stance, notes in specs:
        if name not in existing:
            existing[name] = actor_create(actor=who, programme=programme, partnership=partnership, name=name,
                                          kind=kind, level=level, influence=influence, stance=stance, notes=notes,
                                          country=partnership.country)
    return existing


def _pathway(programme, partnership, who, spec) -> None:
    if Pathway.objects.filter(partnership=partnership, title=spec["title"]).exists():
        return
    pathway = pathway_create(actor=who, programme=programme, partnership=partnership, title=spec["title"],
                             objective=spec["objective"])
    for title, starts_on, due_on, responsible, status in spec["steps"]:
        step_add(actor=who, pathway=pathway, title=title, starts_on=starts_on, due_on=due_on,
                 responsible=responsible, status=status)


def _plan(programme, partnership, who, spec, actors) -> None:
    if AdvocacyPlan.objects.filter(partnership=partnership, title=spec["title"]).exists():
        return
    from ovoz.grants.models import AdvocacyProposal
    from ovoz.publishing.models import Finding

    proposal = AdvocacyProposal.objects.filter(partnership=partnership).order_by("pk").first()
    plan = plan_create(actor=who, programme=programme, partnership=partnership, title=spec["title"],
                       summary=spec["summary"], starts_on=proposal.starts_on if proposal else data.D(2024, 3, 1),
                       ends_on=proposal.ends_on if proposal else data.D(2024, 8, 31),
                       currency=proposal.currency if proposal else "USD", proposal=proposal)
    objectives = [objective_add(actor=who, plan=plan, level=level, text=text, outcome_achieved=outcome)
                  for level, text, outcome in spec["objectives"]]
    findings = list(Finding.objects.filter(partnership=partnership).order_by("pk")[:1])
    for i, (objective, text, targets) in enumerate(spec["asks"]):
        ask_add(actor=who, plan=plan, objective=objectives[objective], text=text,
                targets=[actors[t] for t in targets], findings=findings if i == 0 else [])
    for (objective, title, starts_on, ends_on, responsible, budget, category, status, outcome,
         targets) in spec["activities"]:
        activity_add(actor=who, plan=plan, objective=objectives[objective], title=title, starts_on=starts_on,
                     ends_on=ends_on, responsible=responsible, budget=Decimal(budget), budget_category=category,
                     status=status, outcome=outcome, targets=[actors[t] for t in targets])


def _calendar_and_campaign(programme, coordinator) -> None:
    moments = {}
    for title, kind, level, day in data.MOMENTS:
        moment = Moment.objects.filter(programme=programme, partnership=None, title=title, starts_on=day).first()
        moments[(title, day)] = moment or moment_create(actor=coordinator, programme=programme, partnership=None,
                                                        title=title, kind=kind, level=level, starts_on=day)
    spec = data.CAMPAIGN
    if Campaign.objects.filter(programme=programme, title=spec["title"]).exists():
        return
    campaign = campaign_create(actor=coordinator, programme=programme, partnership=None, title=spec["title"],
                               moment=moments[spec["moment"]], starts_on=spec["starts_on"], ends_on=spec["ends_on"],
                               objective=spec["objective"], channels=spec["channels"])
    for language, text in spec["messages"]:
        message_add(actor=coordinator, campaign=campaign, language=language, text=text)
    for title, kind, language in spec["materials"]:
        material_add(actor=coordinator, campaign=campaign, title=title, kind=kind, language=language)
    for channel, day, people, note in spec["reach"]:
        reach_record(actor=coordinator, campaign=campaign, channel=channel, recorded_on=day, people=people, note=note)


def demo_load(*, programme, partnerships, coordinator) -> None:
    for key, spec in data.PARTNERS.items():
        partnership = partnerships.get(key)
        if partnership is None:
            continue
        who = _researcher(partnership, coordinator)
        _toc(programme, partnership, who, spec["toc"])
        actors = _actors(programme, partnership, who, spec["actors"])
        _pathway(programme, partnership, who, spec["pathway"])
        _plan(programme, partnership, who, spec["plan"], actors)
    _calendar_and_campaign(programme, coordinator)
