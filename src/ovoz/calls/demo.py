"""The demo's call for partners: the August 2022 call of the Central Asia FPAR on women migrants.

The call's terms follow the programme's public concept note (seed 001, sections 3 to 6). The five
real partner organisations applied and were selected (they are already partnerships in the demo, so
the announcement links them rather than creating them); two fictional organisations were not. Every
person, every application text and every score is fictional.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ovoz.accounts.roles import Role
from ovoz.accounts.services import user_create
from ovoz.calls.models import Call, English
from ovoz.calls.services import (
    application_link_accounts,
    application_submit,
    call_announce,
    call_close,
    call_create,
    call_publish,
    call_reviewer_add,
    call_select,
    call_set_criteria,
    review_save,
)
from ovoz.demo import data

TITLE = "Call for partners: Central Asia FPAR on Women Migrants 2022–2024"

DESCRIPTION = (
    "The Central Asia Feminist Participatory Action Research (FPAR) on Migration 2022–2024 will accommodate "
    "six to eight national and/or grassroots organisations in Central Asia. Each partner identifies two women: "
    "one young woman researcher and one woman mentor, who take part in four regional trainings and carry out "
    "community-based research with women migrants from October 2022 to January 2024.\n\n"
    "Each partner receives a research sub-grant of up to US$ 14,000 to employ the young woman researcher and "
    "carry out the research, and can apply for a small advocacy sub-grant for the six-month advocacy phase "
    "from March 2024. English is the main language of the regional trainings, communication and reporting."
)

ELIGIBILITY = (
    "National and/or grassroots organisations led by women and/or migrants in Central Asia, with experience in "
    "advocating the issues of the focus areas. The young woman researcher is below 35; at least one of the "
    "researcher and the mentor comes from the community or constituency and is committed to community "
    "organising and feminist movement building; preferably one of them is proficient in English."
)

FOCUS_AREAS = [
    "Labour migration and the right to decent work: rights at work and a living wage",
    "The right to full employment",
    "Social protection and social dialogue",
    "Discrimination and violence against women in internal and cross-border migration",
    "Migrant women's leadership in defending and asserting their rights",
]

CRITERIA = [
    ("Experience in the focus areas", "Work with women migrants on decent work and their rights, and its results.", 3),
    ("Roots in the community", "Ties with the women migrants the research is about; commitment to organising.", 3),
    ("The proposed team", "The young woman researcher's potential and the mentor's ability to support her.", 2),
    ("Feminist and rights-based approach", "Understanding of feminist, participatory and rights-based work.", 2),
    ("Capacity to manage the sub-grant", "Financial management and reporting in the past.", 1),
]

# key -> (birth date of the fictional researcher, the focus areas chosen, by index)
PARTNER_APPLICATIONS = {
    "ravnyeprava": (datetime.date(1996, 3, 14), [0, 1, 4]),
    "awa-fergana": (datetime.date(1993, 11, 2), [0, 2, 3]),
    "ghamkhori": (datetime.date(1995, 6, 21), [2, 3, 4]),
    "dunyoi-muhabbat": (datetime.date(1998, 1, 9), [0, 1, 2]),
    "hrac": (datetime.date(1994, 9, 30), [0, 2, 4]),
}

EXPERIENCE = {
    "ravnyeprava": "Legal aid and organising with women internal migrants in the new settlements around Bishkek.",
    "awa-fergana": "Support to rural women and returned migrants in the Fergana valley: jobs, land and reintegration.",
    "ghamkhori": "Crisis centres and legal help for women returned migrants facing domestic violence in Khatlon.",
    "dunyoi-muhabbat": "Work with returned migrant women on employment, documents and access to social services.",
    "hrac": "Human rights education and legal support for women internal migrants in Kyrgyzstan's cities.",
}

# (name, country, women_led, migrant_led, researcher born, focus areas, experience) — fictional, not selected.
UNSUCCESSFUL = [
    (
        "Kelechek Women's Initiative (fictional)",
        "KG",
        True,
        False,
        datetime.date(1999, 4, 5),
        [0, 4],
        "Vocational courses and a savings group for young women in a small town; first steps in advocacy.",
    ),
    (
        "Samarkand Migrant Workers Circle (fictional)",
        "UZ",
        False,
        True,
        datetime.date(1985, 5, 10),  # 37 when the programme starts: not eligible.
        [0, 1],
        "A mutual-help circle of returned migrant workers sharing information on jobs abroad.",
    ),
]

# Scores per criterion, by the coordinator and by the second reviewer, for each eligible application.
SCORES = {
    "ravnyeprava": ([5, 5, 4, 4, 4], [5, 4, 4, 5, 3]),
    "awa-fergana": ([4, 4, 4, 4, 4], [4, 5, 3, 4, 4]),
    "ghamkhori": ([5, 4, 4, 5, 5], [4, 4, 5, 5, 4]),
    "dunyoi-muhabbat": ([4, 5, 4, 3, 4], [4, 4, 4, 4, 3]),
    "hrac": ([4, 4, 5, 4, 4], [5, 4, 4, 4, 4]),
    "kelechek": ([2, 3, 3, 2, 2], [3, 2, 3, 3, 2]),
}
COMMENTS = {
    "ravnyeprava": "Deep ties with the women of the settlements; a clear research question on labour rights.",
    "ghamkhori": "Strong on violence against returned migrants; a mentor with long experience.",
    "kelechek": "Committed, but little experience with migrants' rights yet; encourage them to apply again.",
}

REVIEWER = ("reviewer.secretariat", "Aigerim Bekova (fictional)")


def _at(day: datetime.date, hour: int = 11) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _team(partnership) -> dict:
    return {Role(m.role): m.user for m in partnership.memberships.select_related("user")}


def _second_reviewer(programme):
    User = get_user_model()
    user = User.objects.filter(username=REVIEWER[0]).first()
    return user or user_create(
        actor=None,
        username=REVIEWER[0],
        password=None,  # reviews only in the story; cannot sign in
        full_name=REVIEWER[1],
        email=f"{REVIEWER[0]}@demo.invalid",
        organisation=programme.lead_organisation,
        is_fictional=True,
    )


@transaction.atomic
def demo_load(*, programme, partnerships, coordinator) -> Call:
    existing = Call.objects.filter(programme=programme, title=TITLE).first()
    if existing is not None:
        return existing
    call = call_create(
        actor=None,
        programme=programme,
        title=TITLE,
        description=DESCRIPTION,
        eligibility=ELIGIBILITY,
        opens_on=datetime.date(2022, 8, 1),
        closes_on=datetime.date(2022, 8, 31),
        places_min=6,
        places_max=8,
        focus_areas=FOCUS_AREAS,
        is_fictional=True,
    )
    criteria = call_set_criteria(
        actor=None, call=call, rows=[{"name": n, "description": d, "weight": w} for n, d, w in CRITERIA]
    )
    call_publish(actor=None, call=call)
    areas = list(call.focus_areas.all())

    applications = {}
    teams = {}
    for i, (key, _org_name, country, _briefer, mentor_name, researcher_name) in enumerate(data.PARTNERS):
        partnership = partnerships[key]
        team = teams[key] = _team(partnership)
        born, chosen = PARTNER_APPLICATIONS[key]
        researcher, mentor = team.get(Role.RESEARCHER), team.get(Role.MENTOR)
        applications[key] = application_submit(
            actor=None,
            call=call,
            organisation_name=partnership.organisation.name,
            country=partnership.country,
            women_led=True,
            migrant_led=key in {"ravnyeprava", "dunyoi-muhabbat"},
            experience=EXPERIENCE[key],
            focus_areas=[areas[n] for n in chosen],
            contact_email=f"contact.{key}@demo.invalid",
            researcher_name=f"{researcher_name} (fictional)",
            researcher_email=researcher.email if researcher else f"researcher.{key}@demo.invalid",
            researcher_birth_date=born,
            researcher_from_community=True,
            researcher_english=English.WORKING,
            mentor_name=f"{mentor_name} (fictional)",
            mentor_email=mentor.email if mentor else f"mentor.{key}@demo.invalid",
            mentor_from_community=i % 2 == 0,
            mentor_english=English.FLUENT if i % 2 else English.BASIC,
            consent=True,
            language="ru" if country in {"KG", "TJ"} else "uz",
            submitted_at=_at(datetime.date(2022, 8, 8 + 4 * i)),
            is_fictional=True,
        )
    for j, (name, country, women_led, migrant_led, born, chosen, experience) in enumerate(UNSUCCESSFUL):
        slug = "kelechek" if j == 0 else "samarkand"
        applications[slug] = application_submit(
            actor=None,
            call=call,
            organisation_name=name,
            country=country,
            women_led=women_led,
            migrant_led=migrant_led,
            experience=experience,
            focus_areas=[areas[n] for n in chosen],
            contact_email=f"contact.{slug}@demo.invalid",
            researcher_name="Aliya Sultanova (fictional)" if j == 0 else "Gulchehra Tursunova (fictional)",
            researcher_email=f"researcher.{slug}@demo.invalid",
            researcher_birth_date=born,
            researcher_from_community=True,
            researcher_english=English.BASIC,
            mentor_name="Roza Isakova (fictional)" if j == 0 else "Malika Rashidova (fictional)",
            mentor_email=f"mentor.{slug}@demo.invalid",
            mentor_from_community=False,
            mentor_english=English.WORKING,
            consent=True,
            language="ru" if country == "KG" else "uz",
            submitted_at=_at(datetime.date(2022, 8, 29 + j), hour=16),
            is_fictional=True,
        )
    call_close(actor=None, call=call)

    second = _second_reviewer(programme)
    for reviewer in (coordinator, second):
        call_reviewer_add(actor=None, call=call, user=reviewer)
    for slug, (first_scores, second_scores) in SCORES.items():
        for reviewer, values in ((coordinator, first_scores), (second, second_scores)):
            review_save(
                actor=reviewer,
                application=applications[slug],
                scores={c.pk: (v, "") for c, v in zip(criteria, values, strict=True)},
                comment=COMMENTS.get(slug, "") if reviewer == coordinator else "",
                submit=True,
            )

    call_select(actor=None, call=call, applications=[applications[key] for key, *_rest in data.PARTNERS])
    for key, *_rest in data.PARTNERS:
        team = teams[key]
        application_link_accounts(
            actor=None,
            application=applications[key],
            researcher=team.get(Role.RESEARCHER),
            mentor=team.get(Role.MENTOR),
        )
    # Announced in October 2022, before Ovoz: recorded without sending e-mails to anyone.
    call_announce(actor=None, call=call, site_url="", notify=False, now=_at(datetime.date(2022, 10, 3)))
    return call
