"""The demo programme's safety records: one partnership's risk register entry, an incident with its follow-up,
and fictional support contacts. Idempotent; all marked ``is_fictional``."""

import datetime

from ovoz.programmes.models import Membership
from ovoz.safety.models import Risk, SupportContact
from ovoz.safety.services import follow_up_add, risk_create, safety_incident_create, support_contact_create

D = datetime.date
RISK_TITLE = "Questions from officials about the research (fictional)"


def demo_load(*, programme, partnerships, coordinator) -> None:
    partnership = partnerships.get("ravnyeprava")
    if partnership is None or Risk.objects.filter(partnership=partnership, title=RISK_TITLE).exists():
        return
    mentor = Membership.objects.filter(partnership=partnership, role="mentor").select_related("user").first()
    mentor = mentor.user if mentor else None
    risk = risk_create(
        actor=mentor, partnership=partnership, title=RISK_TITLE, category="authorities", affects="researchers",
        description="Local officials asked a researcher why she was 'collecting lists of migrants'.",
        likelihood=3, impact=4, owner=mentor, status="monitored", review_on=D(2024, 10, 1),
        mitigation="Interviews in the office; no participant lists on phones; the mentor answers officials.",
        is_fictional=True,
    )
    incident = safety_incident_create(
        actor=mentor, partnership=partnership, risk=risk, occurred_on=D(2023, 6, 12),
        title="An official asked for the participant list (fictional)", category="authorities", affects="researchers",
        description="An official visited a focus group and asked for the names of the women. Nothing was given.",
        status="open", is_fictional=True,
    )
    follow_up_add(actor=mentor, incident=incident, date=D(2023, 6, 14), status="closed",
                  action="The mentor met the official with the registration papers; the lawyer was informed.")
    if not SupportContact.objects.filter(programme=programme).exists():
        support_contact_create(actor=coordinator, programme=programme, kind="digital",
                               name="Digital security helpline (fictional)", how_to_reach="+000 000 0000 (Signal)",
                               available="24/7", is_fictional=True)
        support_contact_create(actor=mentor, programme=programme, partnership=partnership, kind="legal",
                               name="A human-rights lawyer in Bishkek (fictional)", how_to_reach="+996 000 000 000",
                               available="Weekdays 9–18", is_fictional=True)
