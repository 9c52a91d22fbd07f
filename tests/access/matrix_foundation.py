"""Who may reach the foundation's pages: dashboard, account, sign-in steps, programmes, people, audit."""

from ovoz.accounts.models import ApiToken
from ovoz.programmes.models import Membership
from tests.access.expect import ALL_200, ROLES, only


def prepare(world):
    world.token = ApiToken.objects.create(
        user=world.researcher_a, name="t", prefix="ovz_x", digest=ApiToken.hash("ovz_secret")
    )
    world.membership_b = Membership.objects.get(user=world.researcher_b)


# url name -> (method, how to build its kwargs from the cast, expected status per role)
ENTRIES = {
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

