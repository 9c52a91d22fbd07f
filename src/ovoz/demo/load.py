"""Loading the demo programme: idempotent, through the same services as everything else."""

import importlib

from django.db import transaction

from ovoz.accounts.models import Organisation, User
from ovoz.accounts.roles import Role
from ovoz.accounts.services import organisation_create, user_create
from ovoz.demo import data
from ovoz.programmes.models import Partnership, Programme
from ovoz.programmes.services import membership_grant, partnership_create, programme_create

# In the order the programme lived it: the call, grants, timeline and deliverables, trainings, evidence, a
# survey import; last the search index over all of it.
DEMO_APPS = [
    "calls", "grants", "deliverables", "events", "evidence", "imports", "analysis", "publishing", "advocacy",
    "mechanisms", "impact", "safety", "search",
]


def _org(name: str, **values) -> Organisation:
    org = Organisation.objects.filter(name=name).first()
    return org or organisation_create(actor=None, name=name, is_fictional=False, **values)


def _user(username: str, full_name: str, org: Organisation | None) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = user_create(
            actor=None,
            username=username,
            password=data.PASSWORD,
            full_name=full_name,
            email=f"{username}@demo.invalid",
            organisation=org,
            is_fictional=True,
            validate=False,
        )
    return user


@transaction.atomic
def demo_load() -> list[tuple[str, str]]:
    """Create (or complete) the demo programme; return the (username, role) logins."""
    secretariat = _org(
        data.SECRETARIAT["name"],
        short_name=data.SECRETARIAT["short_name"],
        kind=Organisation.Kind.SECRETARIAT,
        country=data.SECRETARIAT["country"],
        women_led=True,
    )
    programme = Programme.objects.filter(title=data.PROGRAMME["title"]).first()
    if programme is None:
        programme = programme_create(actor=None, lead_organisation=secretariat, is_fictional=True, **data.PROGRAMME)
    logins = []

    coordinator = _user(data.COORDINATOR[0], data.COORDINATOR[1], secretariat)
    membership_grant(actor=None, user=coordinator, programme=programme, role=Role.COORDINATOR)
    logins.append((coordinator.username, Role.COORDINATOR.label))

    by_key = {}
    first_partnership = None
    for key, org_name, country, briefer, mentor_name, researcher_name in data.PARTNERS:
        org = _org(org_name, country=country, kind=Organisation.Kind.PARTNER, women_led=True)
        partnership = Partnership.objects.filter(programme=programme, organisation=org).first()
        if partnership is None:
            partnership = partnership_create(
                actor=None, programme=programme, organisation=org, country=country, briefer_title=briefer
            )
        first_partnership = first_partnership or partnership
        by_key[key] = partnership
        for role, name in ((Role.MENTOR, mentor_name), (Role.RESEARCHER, researcher_name)):
            user = _user(f"{role.value}.{key}", f"{name} (fictional)", org)
            membership_grant(actor=None, user=user, programme=programme, role=role, partnership=partnership)
            logins.append((user.username, f"{role.label} – {org_name}"))

    co = _user(data.CO_RESEARCHER[0], data.CO_RESEARCHER[1], None)
    membership_grant(actor=None, user=co, programme=programme, role=Role.CO_RESEARCHER, partnership=first_partnership)
    logins.append((co.username, f"{Role.CO_RESEARCHER.label} – {first_partnership.organisation.name}"))

    viewer = _user(data.VIEWER[0], data.VIEWER[1], None)
    membership_grant(actor=None, user=viewer, programme=programme, role=Role.VIEWER)
    logins.append((viewer.username, Role.VIEWER.label))

    # Each app adds its part of the demo programme, in the order the programme lived it.
    for app in DEMO_APPS:
        module = importlib.import_module(f"ovoz.{app}.demo")
        module.demo_load(programme=programme, partnerships=by_key, coordinator=coordinator)
    return logins
