"""The demo programme's timeline (seed 001, section 8), its deliverables with the real due dates, and
each partnership's deliverables as they stood in mid-2024: research designs and interim reports
accepted, final FPAR reports accepted but one sent back for changes, advocacy proposals submitted and
waiting for review, advocacy reports not started. Idempotent: a second run creates nothing."""

import datetime

from django.db import transaction
from django.utils import timezone

from ovoz.accounts.roles import Role
from ovoz.deliverables import demo_files
from ovoz.deliverables.models import Deliverable, DeliverableKind, DeliverableTemplate, SubmissionMode, TimelineItem
from ovoz.deliverables.services import (
    deliverable_accept,
    deliverable_request_changes,
    deliverable_submit,
    deliverable_template_create,
    deliverables_create_for_partnership,
    timeline_item_create,
)

D = datetime.date
K = DeliverableKind

# (kind, title, start, end or None, description) — seed 001 sections 7 and 8, seed 000 for the dates in Almaty.
TIMELINE = [
    ("phase", "Call for applications", D(2022, 8, 1), D(2022, 8, 31), "Call for partner organisations."),
    ("phase", "Selection process", D(2022, 9, 1), D(2022, 9, 30), ""),
    ("phase", "Announcement of selected partners", D(2022, 9, 15), D(2022, 10, 31), "September–October 2022."),
    ("phase", "FPAR research period", D(2022, 10, 1), D(2024, 1, 31), "The overall duration of the FPAR."),
    ("milestone", "First Regional FPAR Training: Methodology and Approach", D(2022, 11, 14), None,
     "November 2022. Research plans, Theory of Change, Power Mapping and Critical Pathway."),
    ("phase", "Pre-research community consultation", D(2022, 11, 21), D(2023, 1, 31),
     "Consultations in women-only spaces before the research is designed."),
    ("milestone", "Second Regional FPAR Training: Research Design and Analysis", D(2023, 2, 13), None,
     "February 2023. Researchers present their research designs and advocacy plans."),
    ("phase", "Data collection and research production", D(2023, 3, 1), D(2023, 8, 31), ""),
    ("milestone", "Third Regional FPAR Training: Reflections and Ways Forward for Advocacy", D(2023, 10, 3), None,
     "3–7 October 2023, Almaty."),
    ("milestone", "Training on UN Human Rights Mechanisms", D(2023, 10, 8), None, "8–9 October 2023, Almaty."),
    ("phase", "Advocacy phase (6 months)", D(2024, 3, 1), D(2024, 8, 31),
     "National and local advocacy and campaigns based on the FPAR, with small advocacy sub-grants."),
    ("milestone", "Fourth Regional Reflection Meeting: From Personal to Structural Change", D(2024, 9, 26), None,
     "End of September 2024."),
]

# key, title, kind, due date, how it is submitted, description
TEMPLATES = [
    ("design_draft", "Draft research design", K.RESEARCH_DESIGN_DRAFT, D(2023, 2, 6), SubmissionMode.FILE_OR_TEXT,
     "Prepared from the pre-research community consultations; presented at the second regional training."),
    ("finance_interim", "Interim financial report", K.FINANCIAL_REPORT, D(2023, 2, 28), SubmissionMode.FILE,
     "Spending per budget line on the programme's template."),
    ("design_final", "Final research design", K.RESEARCH_DESIGN_FINAL, D(2023, 2, 28), SubmissionMode.FILE_OR_TEXT,
     "With the feedback of facilitators and other participants of the second training."),
    ("interim", "Interim narrative report", K.INTERIM_NARRATIVE_REPORT, D(2023, 5, 31), SubmissionMode.FILE_OR_TEXT,
     "Progress of the data collection, first findings, challenges."),
    ("final", "Final FPAR report", K.FINAL_FPAR_REPORT, D(2024, 1, 20), SubmissionMode.FILE,
     "The final country research report (the FPAR story), in English."),
    ("finance_final", "Final financial report", K.FINANCIAL_REPORT, D(2024, 1, 31), SubmissionMode.FILE,
     "On the programme's template."),
    ("advocacy_proposal", "Advocacy proposal and budget", K.ADVOCACY_PROPOSAL, D(2024, 2, 29),
     SubmissionMode.FILE_OR_TEXT, "National or local advocacy plan based on the research findings, with a budget."),
    ("advocacy_report", "Advocacy narrative report", K.ADVOCACY_REPORT, D(2024, 8, 31), SubmissionMode.FILE_OR_TEXT,
     "What the six-month advocacy phase achieved."),
    ("advocacy_finance", "Advocacy financial report", K.FINANCIAL_REPORT, D(2024, 8, 31), SubmissionMode.FILE, ""),
]

# What each partnership's research is about, in a phrase, for the demo texts.
FOCUS = {
    "ravnyeprava": ("internal women migrants living in the Ak-Zhar residential area of Bishkek",
                    "labour rights and living wages in the bazaars and sewing workshops"),
    "awa-fergana": ("women returned migrants in Fergana region",
                    "access to reintegration programmes, jobs and social protection after return"),
    "ghamkhori": ("women returned migrants in Khatlon region",
                  "protection from domestic violence and access to shelters and legal aid"),
    "dunyoi-muhabbat": ("women returned migrants in Dushanbe and its suburbs",
                        "access to decent work and the fulfilment of their human rights"),
    "hrac": ("women internal migrants in Bishkek's new settlements",
             "registration and access to basic state and municipal services"),
}

# The one final FPAR report sent back for changes, as of mid-2024.
CHANGES_REQUESTED_FINAL = "dunyoi-muhabbat"
# Research designs that went through a round of changes before being accepted.
DESIGN_REVISED = {"ravnyeprava", "ghamkhori"}


def _at(day: D, hour: int = 11) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour, 0))


def _person(partnership, role: Role):
    m = partnership.memberships.filter(role=role).select_related("user").order_by("pk").first()
    return m.user if m else None


def _design_text(org: str, who: str, topic: str, final: bool) -> str:
    lead = "Final research design" if final else "Draft research design"
    return (
        f"{lead} – {org}\n\n"
        f"Constituency: {who}.\nFocus: {topic}.\n\n"
        "Research questions: What rights violations do the women face at work and in accessing services? "
        "Which laws, policies and practices cause them? What do the women themselves propose?\n\n"
        "Methods: community consultations in women-only spaces; a survey of about 60 women; 15 in-depth "
        "interviews; two focus group discussions; a power mapping of decision makers.\n\n"
        "Research team: the young woman researcher, the mentor and four community co-researchers chosen at the "
        "consultations. Consent is asked orally and recorded; names are kept apart from the testimonies.\n\n"
        "Advocacy plan: local authorities and the national labour inspectorate; a community campaign."
    )


def _interim_text(org: str, who: str) -> str:
    return (
        f"Interim narrative report – {org}\n\n"
        f"Data collection with {who} started in March. 38 survey questionnaires and 9 interviews are done; the "
        "first focus group met in April. Co-researchers now lead the survey in their own neighbourhoods.\n\n"
        "First findings: most women work without a written contract and are paid below the minimum wage; few know "
        "where to complain. Challenges: women's time (long working days), and fear of being seen talking to us."
    )


def _finance_rows(scale: int):
    return [
        ("Budget line", "Budget (USD)", "Spent (USD)"),
        ("Young woman researcher: salary and on-costs", f"{6000 * scale // 2}.00", f"{5950 * scale // 2}.00"),
        ("Community consultations and focus groups", f"{1800 * scale // 2}.00", f"{1725 * scale // 2}.00"),
        ("Transport of co-researchers", f"{900 * scale // 2}.00", f"{880 * scale // 2}.00"),
        ("Translation and printing", f"{600 * scale // 2}.00", f"{410 * scale // 2}.00"),
    ]


def _final_report(org: str, who: str, topic: str, version: int):
    paragraphs = [
        f"Women's voices: {who}.",
        f"This FPAR documented {topic}, with the women as researchers of their own lives.",
        "Findings: work without contracts; wages below the minimum; no access to social protection; women "
        "organised to claim their rights and met local authorities twice during the research.",
        "Recommendations to the state: written contracts and labour inspections in the informal sector; "
        "registration that does not depend on a landlord's consent; information in the women's own language.",
    ]
    if version > 1:
        paragraphs.append("Revised: adds the women's own recommendations and the consent procedure.")
    return demo_files.pdf(f"FPAR report {org} v{version}.pdf", f"Final FPAR report - {org}", paragraphs)


def _history(key: str, partnership, deliverables: dict[str, Deliverable], coordinator) -> None:
    """Play each deliverable's story through the services, with the dates it happened."""
    org = partnership.organisation.name
    who, topic = FOCUS.get(key, ("women migrants", "their rights at work"))
    researcher = _person(partnership, Role.RESEARCHER)
    mentor = _person(partnership, Role.MENTOR)

    d = deliverables["design_draft"]
    deliverable_submit(actor=researcher, deliverable=d, text=_design_text(org, who, topic, False),
                       note="Based on three consultations in January.", at=_at(D(2023, 2, 3)))
    if key in DESIGN_REVISED:
        deliverable_request_changes(
            actor=mentor or coordinator, deliverable=d, at=_at(D(2023, 2, 7), 16),
            comment="Please say how you will reach women who work late shifts, and give the dates of the "
                    "women-only consultations. The consent procedure needs one more line on recordings.",
        )
        deliverable_submit(actor=researcher, deliverable=d, at=_at(D(2023, 2, 10)),
                           text=_design_text(org, who, topic, False) + "\n\nAdded: evening sessions for women "
                           "on late shifts; recordings only with explicit consent, deleted after transcription.")
    deliverable_accept(actor=coordinator, deliverable=d, comment="Ready to present at the second training.",
                       at=_at(D(2023, 2, 11), 15))

    d = deliverables["finance_interim"]
    deliverable_submit(actor=mentor or researcher, deliverable=d, at=_at(D(2023, 2, 27)),
                       file=demo_files.csv(f"Interim financial report {org}.csv", _finance_rows(1)))
    deliverable_accept(actor=coordinator, deliverable=d, at=_at(D(2023, 3, 6)))

    d = deliverables["design_final"]
    deliverable_submit(actor=researcher, deliverable=d, text=_design_text(org, who, topic, True),
                       note="With the feedback of the second training.", at=_at(D(2023, 2, 27), 17))
    deliverable_accept(actor=coordinator, deliverable=d, at=_at(D(2023, 3, 2)))

    d = deliverables["interim"]
    deliverable_submit(actor=researcher, deliverable=d, text=_interim_text(org, who), at=_at(D(2023, 5, 29)))
    deliverable_accept(actor=mentor or coordinator, deliverable=d, at=_at(D(2023, 6, 5)),
                       comment="Good progress. Keep the focus group notes apart from the names.")

    d = deliverables["final"]
    deliverable_submit(actor=researcher, deliverable=d, file=_final_report(org, who, topic, 1),
                       at=_at(D(2024, 1, 19)))
    if key == CHANGES_REQUESTED_FINAL:
        deliverable_request_changes(
            actor=coordinator, deliverable=d, at=_at(D(2024, 2, 2)),
            comment="The analysis is strong. Before we accept it: bring the women's own recommendations into the "
                    "conclusion, and add a short note on how consent was asked and recorded.",
        )
    else:
        deliverable_accept(actor=coordinator, deliverable=d, at=_at(D(2024, 2, 5)), comment="Accepted with thanks.")

    d = deliverables["finance_final"]
    deliverable_submit(actor=mentor or researcher, deliverable=d, at=_at(D(2024, 1, 30)),
                       file=demo_files.csv(f"Final financial report {org}.csv", _finance_rows(2)))
    deliverable_accept(actor=coordinator, deliverable=d, at=_at(D(2024, 2, 12)))

    d = deliverables["advocacy_proposal"]
    deliverable_submit(
        actor=researcher, deliverable=d, at=_at(D(2024, 2, 27)),
        text=f"Advocacy proposal – {org}\n\nGoal: {topic} on the agenda of the local council and the national "
             "labour inspectorate.\nActivities (March–August 2024): two community dialogues with officials; a "
             "policy brief from the FPAR findings; a social media campaign led by the co-researchers.\n"
             "Budget requested: USD 3,000.",
    )


@transaction.atomic
def demo_load(*, programme, partnerships: dict, coordinator) -> None:
    for kind, title, start, end, description in TIMELINE:
        if not TimelineItem.objects.filter(programme=programme, title=title).exists():
            timeline_item_create(actor=None, programme=programme, kind=kind, title=title, starts_on=start,
                                 ends_on=end, description=description)
    templates = {}
    for key, title, kind, due_on, submission, description in TEMPLATES:
        template = DeliverableTemplate.objects.filter(programme=programme, title=title).first()
        if template is None:
            template = deliverable_template_create(actor=None, programme=programme, title=title, kind=kind,
                                                   due_on=due_on, submission=submission, description=description)
        templates[key] = template
    for key, partnership in partnerships.items():
        deliverables_create_for_partnership(actor=None, partnership=partnership)
        mine = {
            k: Deliverable.objects.select_related("template", "partnership__programme", "partnership__organisation")
            .get(partnership=partnership, template=t)
            for k, t in templates.items()
        }
        if any(d.state != "not_started" or d.versions.exists() for d in mine.values()):
            continue  # its story is told already
        _history(key, partnership, mine, coordinator)
