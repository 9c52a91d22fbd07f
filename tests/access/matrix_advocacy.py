"""Who may reach the advocacy planning pages: a partnership's Theory of Change, power map, pathways, plans and
campaigns are its mentor's, researchers' and the coordinators'; the programme's own moments are the coordinators'
to change; co-researchers, the other partnership, viewers (for partnership material) and outsiders get 404."""

import datetime

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
from tests.access.expect import ALL_200, only

D = datetime.date
TEAM_A = ("coordinator", "mentor_a", "researcher_a")
WRITERS = ("coordinator", "mentor_a", "researcher_a", "researcher_b")
READERS = ("coordinator", "mentor_a", "researcher_a", "researcher_b", "viewer")


def prepare(world):
    r, a, programme = world.researcher_a, world.a, world.programme
    world.adv_toc = toc_create(actor=r, programme=programme, partnership=a, title="Matrix ToC", goal="Goal")
    world.adv_node = node_add(actor=r, toc=world.adv_toc, kind="outcome", text="Outcome")
    world.adv_actor = actor_create(actor=r, programme=programme, partnership=a, name="Council", influence=3)
    world.adv_pathway = pathway_create(actor=r, programme=programme, partnership=a, title="Path", objective="Impact")
    world.adv_step = step_add(actor=r, pathway=world.adv_pathway, title="Step")
    world.adv_plan = plan_create(actor=r, programme=programme, partnership=a, title="Plan", starts_on=D(2024, 3, 1),
                                 ends_on=D(2024, 8, 31))
    world.adv_objective = objective_add(actor=r, plan=world.adv_plan, level="local", text="Objective")
    world.adv_ask = ask_add(actor=r, plan=world.adv_plan, text="Ask", targets=[world.adv_actor])
    world.adv_activity = activity_add(actor=r, plan=world.adv_plan, title="Activity", starts_on=D(2024, 4, 1),
                                      ends_on=D(2024, 4, 1), budget=100)
    world.adv_moment = moment_create(actor=world.coordinator, programme=programme, partnership=None,
                                     title="Decent Work Day", starts_on=D(2024, 10, 7))
    world.adv_campaign = campaign_create(actor=r, programme=programme, partnership=a, title="Campaign",
                                         starts_on=D(2024, 10, 1), ends_on=D(2024, 10, 8))
    world.adv_message = message_add(actor=r, campaign=world.adv_campaign, language="en", text="Message")
    world.adv_material = material_add(actor=r, campaign=world.adv_campaign, title="Card")
    world.adv_reach = reach_record(actor=r, campaign=world.adv_campaign, channel="social", people=10)


def _pk(attr):
    return lambda c: {"pk": getattr(c, attr).pk}


def _none(c):
    return {}


ENTRIES = {
    "advocacy:index": ("get", _none, ALL_200),
    "advocacy:toc_list": ("get", _none, ALL_200),
    "advocacy:toc_create": ("get", _none, only(200, *WRITERS)),
    "advocacy:toc_detail": ("get", _pk("adv_toc"), only(200, *TEAM_A)),
    "advocacy:toc_svg": ("get", _pk("adv_toc"), only(200, *TEAM_A)),
    "advocacy:toc_print": ("get", _pk("adv_toc"), only(200, *TEAM_A)),
    "advocacy:toc_edit": ("get", _pk("adv_toc"), only(200, *TEAM_A)),
    "advocacy:toc_delete": ("get", _pk("adv_toc"), only(200, *TEAM_A)),
    "advocacy:node_create": ("get", _pk("adv_toc"), only(200, *TEAM_A)),
    "advocacy:node_edit": ("get", _pk("adv_node"), only(200, *TEAM_A)),
    "advocacy:node_delete": ("get", _pk("adv_node"), only(200, *TEAM_A)),
    "advocacy:power_map": ("get", _none, ALL_200),
    "advocacy:power_map_svg": ("get", _none, only(200, *READERS)),
    "advocacy:actor_create": ("get", _none, only(200, *WRITERS)),
    "advocacy:actor_edit": ("get", _pk("adv_actor"), only(200, *TEAM_A)),
    "advocacy:actor_place": ("post", _pk("adv_actor"), only(302, *TEAM_A)),
    "advocacy:actor_delete": ("get", _pk("adv_actor"), only(200, *TEAM_A)),
    "advocacy:pathway_list": ("get", _none, ALL_200),
    "advocacy:pathway_create": ("get", _none, only(200, *WRITERS)),
    "advocacy:pathway_detail": ("get", _pk("adv_pathway"), only(200, *TEAM_A)),
    "advocacy:pathway_edit": ("get", _pk("adv_pathway"), only(200, *TEAM_A)),
    "advocacy:pathway_delete": ("get", _pk("adv_pathway"), only(200, *TEAM_A)),
    "advocacy:step_create": ("get", _pk("adv_pathway"), only(200, *TEAM_A)),
    "advocacy:step_edit": ("get", _pk("adv_step"), only(200, *TEAM_A)),
    "advocacy:step_delete": ("get", _pk("adv_step"), only(200, *TEAM_A)),
    "advocacy:plan_list": ("get", _none, ALL_200),
    "advocacy:plan_create": ("get", _none, only(200, *WRITERS)),
    "advocacy:plan_detail": ("get", _pk("adv_plan"), only(200, *TEAM_A)),
    "advocacy:plan_edit": ("get", _pk("adv_plan"), only(200, *TEAM_A)),
    "advocacy:plan_delete": ("get", _pk("adv_plan"), only(200, *TEAM_A)),
    "advocacy:plan_feed": ("get", _pk("adv_plan"), only(200, *TEAM_A)),
    "advocacy:objective_create": ("get", _pk("adv_plan"), only(200, *TEAM_A)),
    "advocacy:objective_edit": ("get", _pk("adv_objective"), only(200, *TEAM_A)),
    "advocacy:objective_delete": ("get", _pk("adv_objective"), only(200, *TEAM_A)),
    "advocacy:ask_create": ("get", _pk("adv_plan"), only(200, *TEAM_A)),
    "advocacy:ask_edit": ("get", _pk("adv_ask"), only(200, *TEAM_A)),
    "advocacy:ask_delete": ("get", _pk("adv_ask"), only(200, *TEAM_A)),
    "advocacy:activity_create": ("get", _pk("adv_plan"), only(200, *TEAM_A)),
    "advocacy:activity_edit": ("get", _pk("adv_activity"), only(200, *TEAM_A)),
    "advocacy:activity_delete": ("get", _pk("adv_activity"), only(200, *TEAM_A)),
    "advocacy:calendar": ("get", _none, ALL_200),
    "advocacy:moment_create": ("get", _none, only(200, *WRITERS)),
    "advocacy:moment_edit": ("get", _pk("adv_moment"), only(200, "coordinator")),
    "advocacy:moment_delete": ("get", _pk("adv_moment"), only(200, "coordinator")),
    "advocacy:campaign_list": ("get", _none, ALL_200),
    "advocacy:campaign_create": ("get", _none, only(200, *WRITERS)),
    "advocacy:campaign_detail": ("get", _pk("adv_campaign"), only(200, *TEAM_A)),
    "advocacy:campaign_edit": ("get", _pk("adv_campaign"), only(200, *TEAM_A)),
    "advocacy:campaign_delete": ("get", _pk("adv_campaign"), only(200, *TEAM_A)),
    "advocacy:message_create": ("get", _pk("adv_campaign"), only(200, *TEAM_A)),
    "advocacy:message_edit": ("get", _pk("adv_message"), only(200, *TEAM_A)),
    "advocacy:message_delete": ("get", _pk("adv_message"), only(200, *TEAM_A)),
    "advocacy:material_create": ("get", _pk("adv_campaign"), only(200, *TEAM_A)),
    "advocacy:material_delete": ("get", _pk("adv_material"), only(200, *TEAM_A)),
    "advocacy:reach_create": ("get", _pk("adv_campaign"), only(200, *TEAM_A)),
    "advocacy:reach_delete": ("get", _pk("adv_reach"), only(200, *TEAM_A)),
}
