"""Who sees and changes advocacy planning.

A partnership's Theory of Change, power map, pathways, plans, moments and campaigns are its team's (mentor and
researchers) and the coordinators'. The programme's own (no partnership) are made by the coordinators and read by
the programme's people who plan advocacy: its mentors, researchers and viewers. Co-researchers and outsiders see
none of it. Missing and forbidden both answer 404.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from ovoz.accounts.roles import Role
from ovoz.advocacy.models import (
    Activity,
    Actor,
    AdvocacyPlan,
    Campaign,
    Moment,
    Pathway,
    TheoryOfChange,
)
from ovoz.programmes.access import is_coordinator_of, memberships_of, one_or_404, partnership_role
from ovoz.programmes.models import Partnership, Programme

PROGRAMME_READERS = (Role.COORDINATOR, Role.VIEWER, Role.MENTOR, Role.RESEARCHER)


def _team(user) -> set[int]:
    return {m.partnership_id for m in memberships_of(user)
            if m.partnership_id and Role(m.role).can_see_partnership_evidence()}


def _coordinated(user) -> set[int]:
    return {m.programme_id for m in memberships_of(user) if m.role == Role.COORDINATOR}


def _programme_readers(user) -> set[int]:
    return {m.programme_id for m in memberships_of(user) if Role(m.role) in PROGRAMME_READERS}


def scope_q(user, prefix: str = "") -> Q:
    """The records (or the children of records, through ``prefix``) this user may read."""
    if getattr(user, "is_superuser", False):
        return Q()
    return (
        Q(**{f"{prefix}partnership_id__in": _team(user)})
        | Q(**{f"{prefix}programme_id__in": _coordinated(user)})
        | Q(**{f"{prefix}partnership__isnull": True, f"{prefix}programme_id__in": _programme_readers(user)})
    )


def can_edit_in(user, programme_id: int, partnership: Partnership | None) -> bool:
    if is_coordinator_of(user, programme_id):
        return True
    if partnership is None:
        return False
    role = partnership_role(user, partnership)
    return role is not None and role.can_edit_evidence()


def can_edit(user, obj) -> bool:
    return can_edit_in(user, obj.programme_id, obj.partnership)


def _one(user, queryset: QuerySet, pk, write: bool):
    obj = one_or_404(queryset.filter(scope_q(user)), pk)
    if write and not can_edit(user, obj):
        raise Http404
    return obj


def _scoped(model) -> QuerySet:
    return model.objects.select_related("programme", "partnership__organisation")


def tocs_visible_to(user) -> QuerySet[TheoryOfChange]:
    return _scoped(TheoryOfChange).filter(scope_q(user))


def get_toc_for_user(user, pk, *, write: bool = False) -> TheoryOfChange:
    return _one(user, _scoped(TheoryOfChange), pk, write)


def actors_visible_to(user) -> QuerySet[Actor]:
    return _scoped(Actor).filter(scope_q(user))


def get_actor_for_user(user, pk, *, write: bool = False) -> Actor:
    return _one(user, _scoped(Actor), pk, write)


def pathways_visible_to(user) -> QuerySet[Pathway]:
    return _scoped(Pathway).filter(scope_q(user))


def get_pathway_for_user(user, pk, *, write: bool = False) -> Pathway:
    return _one(user, _scoped(Pathway), pk, write)


def plans_visible_to(user) -> QuerySet[AdvocacyPlan]:
    return _scoped(AdvocacyPlan).select_related("proposal").filter(scope_q(user))


def get_plan_for_user(user, pk, *, write: bool = False) -> AdvocacyPlan:
    return _one(user, _scoped(AdvocacyPlan).select_related("proposal"), pk, write)


def activities_visible_to(user) -> QuerySet[Activity]:
    """Advocacy activities the user may see (the mechanisms app links recommendations to these)."""
    return Activity.objects.select_related("plan__partnership__organisation", "plan__programme").filter(
        scope_q(user, "plan__")
    )


def moments_visible_to(user) -> QuerySet[Moment]:
    return _scoped(Moment).filter(scope_q(user))


def get_moment_for_user(user, pk, *, write: bool = False) -> Moment:
    return _one(user, _scoped(Moment), pk, write)


def campaigns_visible_to(user) -> QuerySet[Campaign]:
    return _scoped(Campaign).select_related("moment").filter(scope_q(user))


def get_campaign_for_user(user, pk, *, write: bool = False) -> Campaign:
    return _one(user, _scoped(Campaign).select_related("moment", "plan"), pk, write)


def get_child_for_user(user, model, pk, parent: str, *, write: bool = False):
    """A record that belongs to a scoped parent (a ToC's element, a plan's activity), through that parent."""
    obj = one_or_404(model.objects.select_related(f"{parent}__partnership", f"{parent}__programme")
                     .filter(scope_q(user, f"{parent}__")), pk)
    if write and not can_edit(user, getattr(obj, parent)):
        raise Http404
    return obj


def scopes_for(user, *, write: bool = False) -> list[tuple[Programme, Partnership | None]]:
    """Every (programme, partnership-or-None) the user may read, or write, advocacy material in."""
    from ovoz.programmes.access import partnerships_visible_to, programmes_visible_to

    programmes = list(programmes_visible_to(user).order_by("title"))
    coordinated = {p.pk for p in programmes if is_coordinator_of(user, p.pk)}
    readers = coordinated | _programme_readers(user)
    team = _team(user)
    partnerships = list(partnerships_visible_to(user).filter(programme__in=programmes).order_by("organisation__name"))
    out = []
    for programme in programmes:
        if programme.pk in (coordinated if write else readers):
            out.append((programme, None))
        out += [(programme, p) for p in partnerships
                if p.programme_id == programme.pk and (programme.pk in coordinated or p.pk in team)]
    return out


def scope_from(user, programme_id, partnership_id, *, write: bool = True) -> tuple[Programme, Partnership | None]:
    """The scope named by ids (e.g. from a query string), or 404 when the user may not read or write there."""
    for programme, partnership in scopes_for(user, write=write):
        if partnership_id:
            if partnership and str(partnership.pk) == str(partnership_id):
                return programme, partnership
        elif partnership is None and str(programme.pk) == str(programme_id):
            return programme, None
    raise Http404
