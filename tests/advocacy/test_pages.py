"""Advocacy pages through HTTP: creating and editing through the forms, what each role may do, 404 across
partnerships, audit rows for every change, and confirmation before deleting."""

import datetime

import pytest
from django.urls import reverse

from ovoz.advocacy.models import Activity, Actor, ChangeNode, TheoryOfChange
from ovoz.audit.models import AuditEntry

D = datetime.date


def test_a_researcher_creates_a_theory_of_change_and_adds_elements_in_the_browser(cast, as_user):
    client = as_user(cast.researcher_a)
    assert client.get(reverse("advocacy:toc_create")).status_code == 200  # first: where does it go?
    response = client.post(reverse("advocacy:toc_create") + f"?scope=part-{cast.a.pk}",
                           {"title": "Our ToC", "goal": "Decent work"})
    toc = TheoryOfChange.objects.get(title="Our ToC")
    assert response.status_code == 302 and toc.partnership == cast.a
    client.post(reverse("advocacy:node_create", args=[toc.pk]), {"kind": "outcome", "text": "Inspections"})
    outcome = toc.nodes.get()
    client.post(reverse("advocacy:node_create", args=[toc.pk]),
                {"kind": "precondition", "text": "Council informed", "leads_to": outcome.pk})
    assert toc.nodes.get(kind="precondition").leads_to == outcome
    page = client.get(reverse("advocacy:toc_detail", args=[toc.pk])).content.decode()
    assert "Council informed" in page and "P1" in page
    assert set(AuditEntry.objects.filter(object_type__startswith="advocacy.").values_list("action", flat=True)) == {
        "toc.create", "toc.node_add"}


def test_an_element_cannot_lead_to_an_element_of_another_theory_of_change(planning, cast, as_user):
    other = TheoryOfChange.objects.create(programme=cast.programme, partnership=cast.a, title="Other", goal="G")
    response = as_user(cast.researcher_a).post(reverse("advocacy:node_create", args=[other.pk]),
                                               {"kind": "precondition", "text": "X", "leads_to": planning.outcome.pk})
    assert response.status_code == 200  # the form again, with the error
    assert not other.nodes.exists()


def test_links_that_would_go_round_in_a_circle_are_refused(planning, cast, as_user):
    pre = planning.toc.nodes.get(kind="precondition")
    second = ChangeNode.objects.create(toc=planning.toc, kind="precondition", text="Second", leads_to=pre)
    response = as_user(cast.researcher_a).post(reverse("advocacy:node_edit", args=[pre.pk]),
                                               {"kind": "precondition", "text": pre.text, "leads_to": second.pk})
    assert "circle" in response.content.decode()
    pre.refresh_from_db()
    assert pre.leads_to == planning.outcome


@pytest.mark.parametrize("user", ["researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_people_outside_partnership_a_get_404_for_its_planning(planning, cast, as_user, user):
    client = as_user(getattr(cast, user))
    for url in (reverse("advocacy:toc_detail", args=[planning.toc.pk]),
                reverse("advocacy:toc_print", args=[planning.toc.pk]),
                reverse("advocacy:actor_edit", args=[planning.council.pk]),
                reverse("advocacy:pathway_detail", args=[planning.pathway.pk]),
                reverse("advocacy:plan_detail", args=[planning.plan.pk]),
                reverse("advocacy:activity_edit", args=[planning.activity.pk]),
                reverse("advocacy:campaign_detail", args=[planning.campaign.pk]),
                reverse("advocacy:power_map_svg") + f"?scope=part-{cast.a.pk}"):
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("advocacy:actor_place", args=[planning.council.pk]), {"influence": 0, "stance": 2})
    assert response.status_code == 404
    assert Actor.objects.get(pk=planning.council.pk).stance == 0
    assert client.post(reverse("advocacy:toc_create") + f"?scope=part-{cast.a.pk}",
                       {"title": "Intruder", "goal": "G"}).status_code == 404
    # Lists show nothing of partnership A, and the scope filter does not offer it.
    listing = client.get(reverse("advocacy:toc_list") + f"?scope=part-{cast.a.pk}").content.decode()
    assert "ToC of A" not in listing


def test_lists_and_the_power_map_do_not_show_partnership_a_to_the_researcher_of_b(planning, cast, as_user):
    client = as_user(cast.researcher_b)
    assert "City council" not in client.get(reverse("advocacy:power_map")).content.decode()
    assert "Plan of A" not in client.get(reverse("advocacy:plan_list")).content.decode()
    assert "Hearing with the council" not in client.get(reverse("advocacy:calendar")).content.decode()


def test_placing_an_actor_with_the_form_fallback_moves_it_and_is_audited(planning, cast, as_user):
    client = as_user(cast.mentor_a)
    nxt = reverse("advocacy:power_map") + f"?scope=part-{cast.a.pk}"
    response = client.post(reverse("advocacy:actor_place", args=[planning.council.pk]),
                           {"influence": "2", "stance": "-2", "next": nxt})
    assert response.status_code == 302 and response["Location"] == nxt
    council = Actor.objects.get(pk=planning.council.pk)
    assert (council.influence, council.stance) == (2, -2)
    entry = AuditEntry.objects.get(action="actor.place")
    assert entry.partnership == cast.a and entry.changes["influence"] == {"old": 4, "new": 2}
    # Out of the grid: refused, nothing changed; an outside "next" is not followed.
    response = client.post(reverse("advocacy:actor_place", args=[planning.council.pk]),
                           {"influence": "9", "stance": "0", "next": "https://evil.example/"})
    assert response["Location"].startswith("/advocacy/power-map/")
    assert Actor.objects.get(pk=planning.council.pk).influence == 2


def test_the_programmes_own_planning_is_read_by_its_teams_and_changed_only_by_coordinators(cast, as_user):
    client = as_user(cast.coordinator)
    client.post(reverse("advocacy:actor_create") + f"?scope=prog-{cast.programme.pk}",
                {"name": "UN Special Rapporteur", "kind": "un", "level": "international", "influence": "3",
                 "stance": "2"})
    actor = Actor.objects.get(name="UN Special Rapporteur")
    assert actor.partnership is None
    for user in (cast.researcher_b, cast.viewer):
        page = as_user(user).get(reverse("advocacy:power_map") + f"?scope=prog-{cast.programme.pk}")
        assert "UN Special Rapporteur" in page.content.decode()
        assert as_user(user).get(reverse("advocacy:actor_edit", args=[actor.pk])).status_code == 404
    assert as_user(cast.researcher_a).get(
        reverse("advocacy:actor_create") + f"?scope=prog-{cast.programme.pk}").status_code == 404


def test_deleting_asks_for_confirmation_first(planning, cast, as_user):
    client = as_user(cast.researcher_a)
    url = reverse("advocacy:activity_delete", args=[planning.activity.pk])
    page = client.get(url)
    assert "Delete this activity?" in page.content.decode()
    assert Activity.objects.filter(pk=planning.activity.pk).exists()
    client.post(url)
    assert not Activity.objects.filter(pk=planning.activity.pk).exists()
    assert AuditEntry.objects.filter(action="plan.activity_delete", object_id=str(planning.activity.pk)).exists()


def test_an_ask_cannot_use_a_finding_or_target_of_another_partnership(planning, cast):
    from django.core.exceptions import ValidationError

    from ovoz.advocacy.services.plans import ask_add
    from ovoz.advocacy.services.power import actor_create
    from ovoz.publishing.services.findings import finding_create

    finding_b = finding_create(actor=cast.researcher_b, programme=cast.programme, partnership=cast.b,
                               statement="B's finding")
    actor_b = actor_create(actor=cast.researcher_b, programme=cast.programme, partnership=cast.b, name="B's target")
    with pytest.raises(ValidationError):
        ask_add(actor=cast.researcher_a, plan=planning.plan, text="Ask", findings=[finding_b])
    with pytest.raises(ValidationError):
        ask_add(actor=cast.researcher_a, plan=planning.plan, text="Ask", targets=[actor_b])
    assert planning.plan.asks.count() == 1


def test_the_ask_form_offers_only_her_partnerships_findings_and_shows_them_on_the_plan(planning, cast, as_user):
    from ovoz.publishing.services.findings import finding_create

    mine = finding_create(actor=cast.researcher_a, programme=cast.programme, partnership=cast.a,
                          statement="Wages paid late in small workshops")
    finding_create(actor=cast.researcher_b, programme=cast.programme, partnership=cast.b, statement="B's own finding")
    client = as_user(cast.researcher_a)
    form = client.get(reverse("advocacy:ask_create", args=[planning.plan.pk])).content.decode()
    assert "Wages paid late" in form and "B&#x27;s own finding" not in form and "B's own finding" not in form
    client.post(reverse("advocacy:ask_create", args=[planning.plan.pk]),
                {"objective": planning.local.pk, "text": "Inspect workshops", "targets": [planning.inspection.pk],
                 "findings": [mine.pk]})
    page = client.get(reverse("advocacy:plan_detail", args=[planning.plan.pk])).content.decode()
    assert "Inspect workshops" in page and "Wages paid late in small workshops" in page


def test_the_plan_page_groups_by_level_without_a_query_per_row(planning, cast, as_user,
                                                               django_assert_max_num_queries):
    from ovoz.advocacy.services.plans import activity_add, objective_add

    for level in ("national", "regional", "international"):
        objective = objective_add(actor=cast.researcher_a, plan=planning.plan, level=level, text=f"{level} goal")
        for i in range(5):
            activity_add(actor=cast.researcher_a, plan=planning.plan, objective=objective, title=f"{level} {i}",
                         starts_on=D(2024, 5, 1), ends_on=D(2024, 5, 2), budget=10, targets=[planning.council])
    client = as_user(cast.researcher_a)
    with django_assert_max_num_queries(20):
        page = client.get(reverse("advocacy:plan_detail", args=[planning.plan.pk])).content.decode()
    for label in ("Local", "National", "Regional", "International"):
        assert f"<h2>{label}</h2>" in page
    assert "750.00 USD" in page  # 600 + 15 x 10


def test_a_plan_feeds_its_draft_advocacy_proposal_and_stops_once_it_is_submitted(planning, cast, as_user):
    from ovoz.advocacy.services.plans import plan_update
    from ovoz.grants.services.proposals import proposal_create, proposal_submit, proposal_total

    proposal = proposal_create(actor=cast.researcher_a, partnership=cast.a, title="Advocacy proposal",
                               starts_on=D(2024, 3, 1), ends_on=D(2024, 8, 31), currency="USD",
                               lines=[("other", "Old line", "50.00")])
    plan_update(actor=cast.researcher_a, plan=planning.plan, proposal=proposal)
    client = as_user(cast.researcher_a)
    assert "Old line" in client.get(reverse("advocacy:plan_feed", args=[planning.plan.pk])).content.decode()
    client.post(reverse("advocacy:plan_feed", args=[planning.plan.pk]))
    proposal.refresh_from_db()
    lines = list(proposal.budget_lines.all())
    assert [(line.category, line.amount) for line in lines] == [("advocacy", 600)]
    assert "Hearing with the council" in lines[0].description
    assert proposal_total(proposal) == 600
    assert "Hearing with the council" in proposal.activities
    assert AuditEntry.objects.filter(action="plan.feed_proposal").exists()
    assert AuditEntry.objects.filter(action="advocacy_proposal.update").exists()
    # Submitted: the proposal can no longer change, and the plan says so.
    proposal_submit(actor=cast.researcher_a, proposal=proposal)
    response = client.post(reverse("advocacy:plan_feed", args=[planning.plan.pk]), follow=True)
    assert "can be changed only as a draft" in response.content.decode()


def test_a_plan_cannot_feed_another_partnerships_proposal(planning, cast):
    from django.core.exceptions import ValidationError

    from ovoz.advocacy.services.plans import plan_update
    from ovoz.grants.services.proposals import proposal_create

    proposal_b = proposal_create(actor=cast.researcher_b, partnership=cast.b, title="B's proposal",
                                 starts_on=D(2024, 3, 1), ends_on=D(2024, 8, 31), currency="USD")
    with pytest.raises(ValidationError):
        plan_update(actor=cast.researcher_a, plan=planning.plan, proposal=proposal_b)


def test_the_calendar_shows_moments_activities_and_campaigns_and_filters_by_time(planning, cast, as_user):
    client = as_user(cast.researcher_a)
    page = client.get(reverse("advocacy:calendar")).content.decode()
    assert "World Day for Decent Work" in page and "Hearing with the council" in page and "7 October in A" in page
    upcoming = client.get(reverse("advocacy:calendar") + "?when=upcoming").content.decode()
    assert "World Day for Decent Work" in upcoming and "Hearing with the council" not in upcoming


def test_advocacy_moments_go_into_the_calendar_feed_of_those_who_see_them(planning, cast):
    from ovoz.web.calendar import entries_for_user

    uid = f"advocacy-moment-{planning.moment.pk}@ovoz"
    assert uid in {e.uid for e in entries_for_user(cast.researcher_b)}
    assert uid not in {e.uid for e in entries_for_user(cast.outsider)}
    assert uid not in {e.uid for e in entries_for_user(cast.coresearcher_a)}


def test_a_campaign_records_messages_per_language_and_reach(planning, cast, as_user):
    client = as_user(cast.researcher_a)
    client.post(reverse("advocacy:message_create", args=[planning.campaign.pk]),
                {"language": "ky", "text": "Эмгек — бул эмгек", "audience": "Workers"})
    client.post(reverse("advocacy:reach_create", args=[planning.campaign.pk]),
                {"channel": "radio", "people": "800", "recorded_on": "2030-10-08"})
    page = client.get(reverse("advocacy:campaign_detail", args=[planning.campaign.pk])).content.decode()
    assert "Эмгек — бул эмгек" in page and 'lang="ky"' in page
    assert "2000 people reached in all." in page


def test_the_demo_loads_twice_without_duplicates(cast):
    from ovoz.advocacy.demo import demo_load
    from ovoz.advocacy.models import AdvocacyPlan, Campaign, Moment

    partnerships = {"ravnyeprava": cast.a, "ghamkhori": cast.b}
    for _ in range(2):
        demo_load(programme=cast.programme, partnerships=partnerships, coordinator=cast.coordinator)
    assert TheoryOfChange.objects.filter(partnership__in=[cast.a, cast.b]).count() == 2
    assert AdvocacyPlan.objects.count() == 2
    assert Actor.objects.filter(partnership=cast.a).count() == 8
    assert Campaign.objects.get().messages.count() == 5
    assert Moment.objects.filter(title="World Day for Decent Work").count() == 2
    plan = AdvocacyPlan.objects.get(partnership=cast.a)
    assert {o.level for o in plan.objectives.all()} == {"local", "national", "regional", "international"}
