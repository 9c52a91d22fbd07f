"""A partnership A plan with its Theory of Change, power map, pathway and campaign, made through the services."""

import datetime
from types import SimpleNamespace

import pytest

from ovoz.advocacy.services.campaigns import campaign_create, message_add, moment_create, reach_record
from ovoz.advocacy.services.plans import activity_add, ask_add, objective_add, plan_create
from ovoz.advocacy.services.power import actor_create, pathway_create, step_add
from ovoz.advocacy.services.toc import node_add, toc_create

D = datetime.date


@pytest.fixture
def planning(cast):
    r = cast.researcher_a
    toc = toc_create(actor=r, programme=cast.programme, partnership=cast.a, title="ToC of A",
                     goal="Women <migrants> & their \"rights\" respected")
    outcome = node_add(actor=r, toc=toc, kind="outcome", text="Inspections of small workshops")
    pre = node_add(actor=r, toc=toc, kind="precondition", text="Council knows the evidence", leads_to=outcome)
    node_add(actor=r, toc=toc, kind="intervention", text="Hearing <script>alert(1)</script>", leads_to=pre)
    node_add(actor=r, toc=toc, kind="assumption", text="Inspectors may visit", leads_to=outcome)
    node_add(actor=r, toc=toc, kind="indicator", text="Inspections per quarter", leads_to=outcome)
    council = actor_create(actor=r, programme=cast.programme, partnership=cast.a, name="City council & co",
                           kind="local_government", influence=4, stance=0)
    inspection = actor_create(actor=r, programme=cast.programme, partnership=cast.a, name="Labour inspection",
                              kind="state", influence=5, stance=-1)
    pathway = pathway_create(actor=r, programme=cast.programme, partnership=cast.a, title="Pathway of A",
                             objective="Inspections in 2025")
    step_add(actor=r, pathway=pathway, title="Hearing", starts_on=D(2024, 4, 1), due_on=D(2024, 4, 30))
    plan = plan_create(actor=r, programme=cast.programme, partnership=cast.a, title="Plan of A",
                       starts_on=D(2024, 3, 1), ends_on=D(2024, 8, 31), currency="USD")
    local = objective_add(actor=r, plan=plan, level="local", text="Consultation point")
    ask = ask_add(actor=r, plan=plan, objective=local, text="Open a consultation point", targets=[council])
    activity = activity_add(actor=r, plan=plan, objective=local, title="Hearing with the council",
                            starts_on=D(2024, 4, 18), ends_on=D(2024, 4, 18), budget="600.00", targets=[council])
    moment = moment_create(actor=cast.coordinator, programme=cast.programme, partnership=None,
                           title="World Day for Decent Work", kind="international_day", starts_on=D(2030, 10, 7))
    campaign = campaign_create(actor=r, programme=cast.programme, partnership=cast.a, title="7 October in A",
                               starts_on=D(2030, 10, 1), ends_on=D(2030, 10, 8), moment=moment,
                               channels=["social", "radio"])
    message_add(actor=r, campaign=campaign, language="ru", text="Труд — это труд")
    reach_record(actor=r, campaign=campaign, channel="social", people=1200, recorded_on=D(2030, 10, 8))
    return SimpleNamespace(toc=toc, outcome=outcome, council=council, inspection=inspection, pathway=pathway,
                           plan=plan, local=local, ask=ask, activity=activity, moment=moment, campaign=campaign)
