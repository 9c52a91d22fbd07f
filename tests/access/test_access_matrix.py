"""Every URL pattern, walked as every member of the cast: who gets a page, who a redirect, who a 404.

A new URL pattern fails ``test_every_url_pattern_has_an_expectation`` until it is added here, so no
page can be added without deciding who may see it.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from ovoz.accounts.models import ApiToken
from ovoz.accounts.security import REAUTH_SESSION_KEY
from ovoz.programmes.models import Membership

ROLES = ["coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"]
ALL_200 = dict.fromkeys(ROLES, 200)


def only(ok: int, *roles: str, other: int = 404) -> dict[str, int]:
    return {r: (ok if r in roles else other) for r in ROLES}


# url name -> (method, how to build its kwargs from the cast, expected status per role)
MATRIX = {
    "web:dashboard": ("get", lambda c: {}, ALL_200),
    "accounts:security": ("get", lambda c: {}, ALL_200),
    "accounts:reauth": ("get", lambda c: {}, ALL_200),
    # Signed-in and verified people are sent on from the sign-in steps.
    "accounts:login": ("get", lambda c: {}, dict.fromkeys(ROLES, 302)),
    "accounts:verify": ("get", lambda c: {}, dict.fromkeys(ROLES, 302)),
    "accounts:twofactor_setup": ("get", lambda c: {}, dict.fromkeys(ROLES, 302)),
    "accounts:logout": ("get", lambda c: {}, dict.fromkeys(ROLES, 405)),
    "accounts:token_create": ("get", lambda c: {}, ALL_200),
    "accounts:recovery_codes": ("get", lambda c: {}, dict.fromkeys(ROLES, 405)),
    # A token belongs to researcher_a: nobody else can revoke it, and missing looks the same.
    "accounts:token_revoke": ("post", lambda c: {"pk": c.token.pk}, only(302, "researcher_a")),
    "programmes:list": ("get", lambda c: {}, ALL_200),
    "programmes:detail": ("get", lambda c: {"pk": c.programme.pk}, only(200, *ROLES[:-1])),
    "programmes:partnership_create": ("post", lambda c: {"pk": c.programme.pk}, only(302, "coordinator")),
    "programmes:people": ("get", lambda c: {"pk": c.programme.pk}, only(200, "coordinator")),
    "programmes:member_add": ("post", lambda c: {"pk": c.programme.pk}, only(302, "coordinator")),
    "programmes:member_role": ("get", lambda c: {"pk": c.membership_b.pk}, only(200, "coordinator")),
    "programmes:member_remove": ("get", lambda c: {"pk": c.membership_b.pk}, only(200, "coordinator")),
    "programmes:partnership_detail": (
        "get",
        lambda c: {"pk": c.a.pk},
        only(200, "coordinator", "mentor_a", "researcher_a", "coresearcher_a", "viewer"),
    ),
    "audit:list": ("get", lambda c: {}, only(200, "coordinator")),
}

# Reachable without signing in, or tested elsewhere (the JSON API has its own suite in tests/api).
UNCHECKED = {"set_language", "health"}


def _names(resolver, prefix=""):
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{p.namespace}:" if p.namespace else ""
            if p.namespace == "api":
                continue
            yield from _names(p, prefix + ns)
        elif isinstance(p, URLPattern) and p.name:
            yield prefix + p.name


def test_every_url_pattern_has_an_expectation():
    missing = set(_names(get_resolver())) - set(MATRIX) - UNCHECKED
    assert not missing, f"Add these URL names to the access matrix: {sorted(missing)}"


@pytest.fixture
def world(cast):
    from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: F401

    cast.token = ApiToken.objects.create(
        user=cast.researcher_a, name="t", prefix="ovz_x", digest=ApiToken.hash("ovz_secret")
    )
    cast.membership_b = Membership.objects.get(user=cast.researcher_b)
    return cast


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_answer_from_each_page(world, as_user, name, role):
    from django.urls import reverse

    method, kwargs, expected = MATRIX[name]
    client = as_user(getattr(world, role))
    session = client.session
    session[REAUTH_SESSION_KEY] = 2**40  # recently re-authenticated: the check must not hide a 404
    session.save()
    url = reverse(name, kwargs=kwargs(world))
    response = getattr(client, method)(url)
    assert response.status_code == expected[role], f"{role} {method.upper()} {url}"


@pytest.mark.parametrize("name", sorted(n for n in MATRIX if n not in {"accounts:login"}))
def test_anonymous_visitors_are_sent_to_sign_in_or_refused(world, client, name):
    from django.urls import reverse

    method, kwargs, _ = MATRIX[name]
    response = getattr(client, method)(reverse(name, kwargs=kwargs(world)))
    assert response.status_code in (302, 405)
    if response.status_code == 302:
        assert "/auth/login/" in response["Location"]


def test_another_programmes_pages_answer_404_even_to_its_neighbours_coordinator(world, as_user):
    client = as_user(world.coordinator)
    other = world.other_programme.pk
    assert client.get(f"/programmes/{other}/").status_code == 404
    assert client.get(f"/programmes/{other}/people/").status_code == 404
    assert client.get("/programmes/999999/").status_code == 404
    assert client.get("/partnerships/999999/").status_code == 404
