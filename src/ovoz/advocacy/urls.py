from django.urls import path

from ovoz.advocacy.views import campaigns, hub, pathways, plans, power, toc

app_name = "advocacy"
urlpatterns = [
    path("advocacy/", hub.index_view, name="index"),
    # Theory of Change
    path("advocacy/theories-of-change/", toc.toc_list_view, name="toc_list"),
    path("advocacy/theories-of-change/new/", toc.toc_create_view, name="toc_create"),
    path("advocacy/theories-of-change/<int:pk>/", toc.toc_detail_view, name="toc_detail"),
    path("advocacy/theories-of-change/<int:pk>/diagram.svg", toc.toc_svg_view, name="toc_svg"),
    path("advocacy/theories-of-change/<int:pk>/print/", toc.toc_print_view, name="toc_print"),
    path("advocacy/theories-of-change/<int:pk>/edit/", toc.toc_edit_view, name="toc_edit"),
    path("advocacy/theories-of-change/<int:pk>/delete/", toc.toc_delete_view, name="toc_delete"),
    path("advocacy/theories-of-change/<int:pk>/elements/new/", toc.node_create_view, name="node_create"),
    path("advocacy/theories-of-change/elements/<int:pk>/edit/", toc.node_edit_view, name="node_edit"),
    path("advocacy/theories-of-change/elements/<int:pk>/delete/", toc.node_delete_view, name="node_delete"),
    # Power map
    path("advocacy/power-map/", power.power_map_view, name="power_map"),
    path("advocacy/power-map/map.svg", power.power_map_svg_view, name="power_map_svg"),
    path("advocacy/actors/new/", power.actor_create_view, name="actor_create"),
    path("advocacy/actors/<int:pk>/edit/", power.actor_edit_view, name="actor_edit"),
    path("advocacy/actors/<int:pk>/place/", power.actor_place_view, name="actor_place"),
    path("advocacy/actors/<int:pk>/delete/", power.actor_delete_view, name="actor_delete"),
    # Critical pathways
    path("advocacy/pathways/", pathways.pathway_list_view, name="pathway_list"),
    path("advocacy/pathways/new/", pathways.pathway_create_view, name="pathway_create"),
    path("advocacy/pathways/<int:pk>/", pathways.pathway_detail_view, name="pathway_detail"),
    path("advocacy/pathways/<int:pk>/edit/", pathways.pathway_edit_view, name="pathway_edit"),
    path("advocacy/pathways/<int:pk>/delete/", pathways.pathway_delete_view, name="pathway_delete"),
    path("advocacy/pathways/<int:pk>/steps/new/", pathways.step_create_view, name="step_create"),
    path("advocacy/pathways/steps/<int:pk>/edit/", pathways.step_edit_view, name="step_edit"),
    path("advocacy/pathways/steps/<int:pk>/delete/", pathways.step_delete_view, name="step_delete"),
    # Advocacy plans
    path("advocacy/plans/", plans.plan_list_view, name="plan_list"),
    path("advocacy/plans/new/", plans.plan_create_view, name="plan_create"),
    path("advocacy/plans/<int:pk>/", plans.plan_detail_view, name="plan_detail"),
    path("advocacy/plans/<int:pk>/edit/", plans.plan_edit_view, name="plan_edit"),
    path("advocacy/plans/<int:pk>/delete/", plans.plan_delete_view, name="plan_delete"),
    path("advocacy/plans/<int:pk>/proposal/", plans.plan_feed_view, name="plan_feed"),
    path("advocacy/plans/<int:pk>/objectives/new/", plans.objective_create_view, name="objective_create"),
    path("advocacy/plans/objectives/<int:pk>/edit/", plans.objective_edit_view, name="objective_edit"),
    path("advocacy/plans/objectives/<int:pk>/delete/", plans.objective_delete_view, name="objective_delete"),
    path("advocacy/plans/<int:pk>/asks/new/", plans.ask_create_view, name="ask_create"),
    path("advocacy/plans/asks/<int:pk>/edit/", plans.ask_edit_view, name="ask_edit"),
    path("advocacy/plans/asks/<int:pk>/delete/", plans.ask_delete_view, name="ask_delete"),
    path("advocacy/plans/<int:pk>/activities/new/", plans.activity_create_view, name="activity_create"),
    path("advocacy/plans/activities/<int:pk>/edit/", plans.activity_edit_view, name="activity_edit"),
    path("advocacy/plans/activities/<int:pk>/delete/", plans.activity_delete_view, name="activity_delete"),
    # Calendar of advocacy moments
    path("advocacy/calendar/", campaigns.calendar_view, name="calendar"),
    path("advocacy/moments/new/", campaigns.moment_create_view, name="moment_create"),
    path("advocacy/moments/<int:pk>/edit/", campaigns.moment_edit_view, name="moment_edit"),
    path("advocacy/moments/<int:pk>/delete/", campaigns.moment_delete_view, name="moment_delete"),
    # Campaigns
    path("advocacy/campaigns/", campaigns.campaign_list_view, name="campaign_list"),
    path("advocacy/campaigns/new/", campaigns.campaign_create_view, name="campaign_create"),
    path("advocacy/campaigns/<int:pk>/", campaigns.campaign_detail_view, name="campaign_detail"),
    path("advocacy/campaigns/<int:pk>/edit/", campaigns.campaign_edit_view, name="campaign_edit"),
    path("advocacy/campaigns/<int:pk>/delete/", campaigns.campaign_delete_view, name="campaign_delete"),
    path("advocacy/campaigns/<int:pk>/messages/new/", campaigns.message_create_view, name="message_create"),
    path("advocacy/campaigns/messages/<int:pk>/edit/", campaigns.message_edit_view, name="message_edit"),
    path("advocacy/campaigns/messages/<int:pk>/delete/", campaigns.message_delete_view, name="message_delete"),
    path("advocacy/campaigns/<int:pk>/materials/new/", campaigns.material_create_view, name="material_create"),
    path("advocacy/campaigns/materials/<int:pk>/delete/", campaigns.material_delete_view, name="material_delete"),
    path("advocacy/campaigns/<int:pk>/reach/new/", campaigns.reach_create_view, name="reach_create"),
    path("advocacy/campaigns/reach/<int:pk>/delete/", campaigns.reach_delete_view, name="reach_delete"),
]
