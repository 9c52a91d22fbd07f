"""Every URL pattern, walked as every member of the cast: who gets a page, who a redirect, who a 404.

A new URL pattern fails ``test_every_url_pattern_has_an_expectation`` until it is added here, so no
page can be added without deciding who may see it.
"""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

import tests.access as access_tests
from ovoz.accounts.security import REAUTH_SESSION_KEY
from tests.access.expect import ROLES

# Every tests/access/matrix_*.py states the pages of one app: ENTRIES (url name -> method, kwargs
# builder, expected status per role) and prepare(world), which adds the objects those pages need.
MODULES = [
    importlib.import_module(f"tests.access.{m.name}")
    for m in pkgutil.iter_modules(access_tests.__path__)
    if m.name.startswith("matrix_")
]
MATRIX = {name: entry for module in MODULES for name, entry in module.ENTRIES.items()}
# Pages meant for visitors without an account (a module may list them in PUBLIC): they answer 200.
PUBLIC = set().union(*(getattr(module, "PUBLIC", set()) for module in MODULES))

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
    for module in MODULES:
        module.prepare(cast)
    return cast


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_gets_the_expected_answer_from_each_page(world, as_user, name):
    """All seven people against one page; each request is rolled back so none changes what the next sees."""
    from django.db import transaction
    from django.urls import reverse

    method, kwargs, expected = MATRIX[name]
    got = {}
    for role in ROLES:
        with transaction.atomic():
            client = as_user(getattr(world, role))
            session = client.session
            session[REAUTH_SESSION_KEY] = 2**40  # recently re-authenticated: the check must not hide a 404
            session.save()
            url = reverse(name, kwargs=kwargs(world))
            got[role] = getattr(client, method)(url).status_code
            transaction.set_rollback(True)
    assert got == {role: expected[role] for role in ROLES}, f"{method.upper()} {url}"


@pytest.mark.parametrize("name", sorted(n for n in MATRIX if n not in {"accounts:login"} | PUBLIC))
def test_anonymous_visitors_are_sent_to_sign_in_or_refused(world, client, name):
    from django.urls import reverse

    method, kwargs, _ = MATRIX[name]
    response = getattr(client, method)(reverse(name, kwargs=kwargs(world)))
    assert response.status_code in (302, 405)
    if response.status_code == 302:
        assert "/auth/login/" in response["Location"]


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_pages_answer_visitors_without_an_account(world, client, name):
    from django.urls import reverse

    method, kwargs, _ = MATRIX[name]
    assert getattr(client, method)(reverse(name, kwargs=kwargs(world))).status_code == 200


def test_another_programmes_pages_answer_404_even_to_its_neighbours_coordinator(world, as_user):
    client = as_user(world.coordinator)
    other = world.other_programme.pk
    assert client.get(f"/programmes/{other}/").status_code == 404
    assert client.get(f"/programmes/{other}/people/").status_code == 404
    assert client.get("/programmes/999999/").status_code == 404
    assert client.get("/partnerships/999999/").status_code == 404
