"""The shared cast of every test: a coordinator; the mentor, researcher and co-researcher of partner A;
the researcher of partner B; a viewer; and an outsider with no role at all."""

import datetime
from types import SimpleNamespace

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from ovoz.accounts.models import Organisation, User
from ovoz.accounts.roles import Role
from ovoz.programmes.models import Membership, Partnership, Programme

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English, whatever language an earlier request activated."""
    from django.utils import translation

    with translation.override("en"):
        yield


def make_user(username: str, **extra) -> User:
    user = User(username=username, email=f"{username}@example.org", full_name=extra.pop("full_name", ""), **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def cast(db):
    secretariat = Organisation.objects.create(name="Network secretariat", kind=Organisation.Kind.SECRETARIAT)
    org_a = Organisation.objects.create(name="Partner A", country="KG")
    org_b = Organisation.objects.create(name="Partner B", country="TJ")
    programme = Programme.objects.create(
        title="Women migrants FPAR",
        lead_organisation=secretariat,
        starts_on=datetime.date(2022, 8, 1),
        ends_on=datetime.date(2024, 9, 30),
    )
    other_programme = Programme.objects.create(
        title="Another programme",
        lead_organisation=secretariat,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 1, 1),
    )
    a = Partnership.objects.create(programme=programme, organisation=org_a, country="KG", briefer_title="A briefer")
    b = Partnership.objects.create(programme=programme, organisation=org_b, country="TJ", briefer_title="B briefer")
    people = SimpleNamespace(
        programme=programme,
        other_programme=other_programme,
        a=a,
        b=b,
        coordinator=make_user("coordinator", full_name="Coordinator Person"),
        mentor_a=make_user("mentor_a", full_name="Mentor of A"),
        researcher_a=make_user("researcher_a", full_name="Researcher of A"),
        coresearcher_a=make_user("coresearcher_a"),
        researcher_b=make_user("researcher_b", full_name="Researcher of B"),
        viewer=make_user("viewer"),
        outsider=make_user("outsider"),
    )
    Membership.objects.create(user=people.coordinator, programme=programme, role=Role.COORDINATOR)
    Membership.objects.create(user=people.viewer, programme=programme, role=Role.VIEWER)
    Membership.objects.create(user=people.mentor_a, programme=programme, partnership=a, role=Role.MENTOR)
    Membership.objects.create(user=people.researcher_a, programme=programme, partnership=a, role=Role.RESEARCHER)
    Membership.objects.create(user=people.coresearcher_a, programme=programme, partnership=a, role=Role.CO_RESEARCHER)
    Membership.objects.create(user=people.researcher_b, programme=programme, partnership=b, role=Role.RESEARCHER)
    return people


def sign_in(client, user, *, verified: bool = True):
    """Sign in as if through the password and the second-factor steps."""
    client.force_login(user)
    if verified:
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", defaults={"confirmed": True})
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def as_user(client):
    def _as(user, **kwargs):
        return sign_in(client, user, **kwargs)

    return _as


def pytest_sessionstart(session):
    """Tests read the compiled catalogs, so compile any .po newer than its .mo first."""
    from ovoz.web.management.commands.i18n_compile import compile_catalogs

    compile_catalogs()
