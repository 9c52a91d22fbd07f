"""Who may see and change programmes, partnerships and memberships.

Every view and API endpoint fetches these objects through the functions here. Missing and
forbidden answer the same ``Http404``, so an outsider cannot probe which records exist.
"""

from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404

from ovoz.accounts.roles import Role
from ovoz.programmes.models import Membership, Partnership, Programme


def one_or_404(queryset: QuerySet, pk):
    """The record with ``pk`` among those the user may see; 404 whether missing or forbidden."""
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def memberships_of(user) -> list[Membership]:
    """The user's memberships, loaded once per request (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_ovoz_memberships", None)
    if cached is None:
        cached = _memberships_with_partnerships(user.pk)
        user._ovoz_memberships = cached
    return cached


def _memberships_with_partnerships(user_id: int) -> list[Membership]:
    """``Membership.objects.filter(user=user).select_related("partnership")`` as two plain statements: every
    request asks it first, and compiling the ORM query cost more than running it."""
    q = connection.ops.quote_name
    table = q(Membership._meta.db_table)
    memberships = list(Membership.objects.raw(f"SELECT * FROM {table} WHERE {q('user_id')} = %s ORDER BY {q('id')}",
                                              [user_id]))
    ids = sorted({m.partnership_id for m in memberships if m.partnership_id})
    if ids:
        table = q(Partnership._meta.db_table)
        marks = ", ".join(["%s"] * len(ids))
        partnerships = {p.pk: p for p in Partnership.objects.raw(
            f"SELECT * FROM {table} WHERE {q('id')} IN ({marks})", ids)}
        for m in memberships:
            if m.partnership_id:
                m.partnership = partnerships[m.partnership_id]
    return memberships


def forget_memberships(user) -> None:
    if hasattr(user, "_ovoz_memberships"):
        del user._ovoz_memberships


def programme_role(user, programme_id: int) -> Role | None:
    for m in memberships_of(user):
        if m.programme_id == programme_id and m.partnership_id is None:
            return Role(m.role)
    return None


def partnership_role(user, partnership: Partnership) -> Role | None:
    for m in memberships_of(user):
        if m.partnership_id == partnership.pk:
            return Role(m.role)
    return None


def roles_of(user) -> set[Role]:
    return {Role(m.role) for m in memberships_of(user)}


def is_coordinator_of(user, programme_id: int) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return programme_role(user, programme_id) == Role.COORDINATOR


def coordinated_programme_ids(user) -> set[int]:
    return {m.programme_id for m in memberships_of(user) if m.role == Role.COORDINATOR}


def programmes_visible_to(user) -> QuerySet[Programme]:
    qs = Programme.objects.select_related("lead_organisation")
    if getattr(user, "is_superuser", False):
        return qs
    ids = {m.programme_id for m in memberships_of(user)}
    return qs.filter(pk__in=ids)


def get_programme_for_user(user, pk, *, write: bool = False) -> Programme:
    programme = one_or_404(programmes_visible_to(user), pk)
    if write and not is_coordinator_of(user, programme.pk):
        raise Http404
    return programme


def partnerships_visible_to(user) -> QuerySet[Partnership]:
    """Coordinators and viewers see their programmes' partnerships; team members their own."""
    qs = Partnership.objects.select_related("organisation", "programme")
    if getattr(user, "is_superuser", False):
        return qs
    mems = memberships_of(user)
    programme_ids = {m.programme_id for m in mems if m.partnership_id is None}
    partnership_ids = {m.partnership_id for m in mems if m.partnership_id}
    return qs.filter(Q(programme_id__in=programme_ids) | Q(pk__in=partnership_ids))


def get_partnership_for_user(user, pk, *, write: bool = False) -> Partnership:
    partnership = one_or_404(partnerships_visible_to(user), pk)
    if write and not is_coordinator_of(user, partnership.programme_id):
        raise Http404
    return partnership


def can_see_team(user, partnership: Partnership) -> bool:
    if is_coordinator_of(user, partnership.programme_id):
        return True
    role = partnership_role(user, partnership)
    return role is not None and role.can_see_team()


def can_see_evidence(user, partnership: Partnership) -> bool:
    """The partnership's own (pseudonymised) evidence: its mentor and researchers only."""
    role = partnership_role(user, partnership)
    return role is not None and role.can_see_partnership_evidence()


def can_edit_evidence(user, partnership: Partnership) -> bool:
    role = partnership_role(user, partnership)
    return role is not None and role.can_edit_evidence()


def can_see_identities(user, partnership: Partnership) -> bool:
    """Participants' names and contacts: the partnership's researchers (after re-authentication)."""
    role = partnership_role(user, partnership)
    return role is not None and role.can_see_identities()


def can_see_shared_with_programme(user, partnership: Partnership) -> bool:
    """What a partnership shares with the programme: its coordinators and its own team."""
    if programme_role(user, partnership.programme_id) == Role.COORDINATOR:
        return True
    return can_see_evidence(user, partnership)


def memberships_visible_to(user) -> QuerySet[Membership]:
    """Coordinators see everyone in their programmes; team members see their own team."""
    qs = Membership.objects.select_related("user", "partnership__organisation", "programme")
    if getattr(user, "is_superuser", False):
        return qs
    mems = memberships_of(user)
    coordinated = {m.programme_id for m in mems if m.role == Role.COORDINATOR}
    teams = {m.partnership_id for m in mems if m.partnership_id and Role(m.role).can_see_team()}
    return qs.filter(Q(programme_id__in=coordinated) | Q(partnership_id__in=teams))


def get_membership_for_user(user, pk, *, write: bool = False) -> Membership:
    membership = one_or_404(memberships_visible_to(user), pk)
    if write and not is_coordinator_of(user, membership.programme_id):
        raise Http404
    return membership
