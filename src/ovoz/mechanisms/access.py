"""Who sees and changes the registry, the review calendar, the rights mapping and the recommendations.

* The registry (instruments, articles, bodies, ratifications, reviews, the violation-type mapping) is shared:
  every member of any programme reads it; coordinators keep it up to date. Outsiders get 404.
* Code mappings follow the codebook: seen by whoever sees the code, changed by whoever may edit it.
* Recommendations of the programme (no partnership) are the coordinators' to manage and the programme teams'
  to read; a partnership's proposals are its team's and the coordinators'. Viewers see none.
* A shadow-report pack draws on evidence: a partnership's mentor and researchers build their own, coordinators
  build one for any country of their programme from what partnerships share with them.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from ovoz.accounts.roles import Role
from ovoz.analysis.access import can_edit_code, codes_visible_to
from ovoz.mechanisms.models import Article, Instrument, Mechanism, Ratification, Recommendation, Review, RightsMapping
from ovoz.programmes.access import is_coordinator_of, memberships_of, one_or_404, partnership_role


def is_member(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(getattr(user, "is_superuser", False) or memberships_of(user))


def can_edit_registry(user) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return any(m.role == Role.COORDINATOR for m in memberships_of(user))


def _members_only(qs: QuerySet, user) -> QuerySet:
    return qs if is_member(user) else qs.none()


def instruments_visible_to(user) -> QuerySet[Instrument]:
    return _members_only(Instrument.objects.select_related("parent"), user)


def get_instrument_for_user(user, pk) -> Instrument:
    return one_or_404(instruments_visible_to(user), pk)


def mechanisms_visible_to(user) -> QuerySet[Mechanism]:
    return _members_only(Mechanism.objects.all(), user)


def get_mechanism_for_user(user, pk) -> Mechanism:
    return one_or_404(mechanisms_visible_to(user), pk)


def articles_visible_to(user) -> QuerySet[Article]:
    return _members_only(Article.objects.select_related("instrument", "right_term"), user)


def ratifications_visible_to(user) -> QuerySet[Ratification]:
    return _members_only(Ratification.objects.select_related("instrument", "updated_by"), user)


def get_ratification_for_user(user, pk, *, write: bool = False) -> Ratification:
    ratification = one_or_404(ratifications_visible_to(user), pk)
    if write and not can_edit_registry(user):
        raise Http404
    return ratification


def reviews_visible_to(user) -> QuerySet[Review]:
    return _members_only(Review.objects.select_related("mechanism"), user)


def get_review_for_user(user, pk, *, write: bool = False) -> Review:
    review = one_or_404(reviews_visible_to(user), pk)
    if write and not can_edit_registry(user):
        raise Http404
    return review


def mappings_visible_to(user) -> QuerySet[RightsMapping]:
    """Violation-type mappings for every member; code mappings for those who see the code."""
    qs = RightsMapping.objects.select_related("article__instrument", "term", "code__partnership")
    if not is_member(user):
        return qs.none()
    return qs.filter(Q(term__isnull=False) | Q(code__in=codes_visible_to(user)))


def can_change_mapping(user, mapping: RightsMapping) -> bool:
    if mapping.term_id:
        return can_edit_registry(user)
    return can_edit_code(user, mapping.code)


def get_mapping_for_user(user, pk, *, write: bool = False) -> RightsMapping:
    mapping = one_or_404(mappings_visible_to(user), pk)
    if write and not can_change_mapping(user, mapping):
        raise Http404
    return mapping


# --- recommendations -----------------------------------------------------------------------------------------


def _team_roles() -> list[str]:
    return [r.value for r in Role if r.needs_partnership()]


def recommendations_visible_to(user) -> QuerySet[Recommendation]:
    qs = Recommendation.objects.select_related("programme", "partnership__organisation", "mechanism")
    if getattr(user, "is_superuser", False):
        return qs
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    mems = memberships_of(user)
    coordinated = {m.programme_id for m in mems if m.role == Role.COORDINATOR}
    teams = {m.partnership_id for m in mems if m.partnership_id and Role(m.role).needs_partnership()}
    team_programmes = {m.programme_id for m in mems if m.partnership_id and Role(m.role).needs_partnership()}
    return qs.filter(
        Q(programme_id__in=coordinated) | Q(partnership_id__in=teams)
        | Q(programme_id__in=team_programmes, partnership__isnull=True)
    )


def can_see_programme_recommendations(user, programme_id: int) -> bool:
    if is_coordinator_of(user, programme_id):
        return True
    return any(m.programme_id == programme_id and m.partnership_id and Role(m.role).needs_partnership()
               for m in memberships_of(user))


def can_manage_recommendations(user, programme_id: int, partnership=None) -> bool:
    if is_coordinator_of(user, programme_id):
        return True
    if partnership is None:
        return False
    role = partnership_role(user, partnership)
    return role is not None and role.can_edit_evidence()


def manageable_partnerships(user, programme):
    """Partnerships whose proposals she may write (all of them for a coordinator)."""
    qs = programme.partnerships.select_related("organisation").order_by("organisation__name")
    if is_coordinator_of(user, programme.pk):
        return qs
    ids = [m.partnership_id for m in memberships_of(user)
           if m.partnership_id and m.programme_id == programme.pk and Role(m.role).can_edit_evidence()]
    return qs.filter(pk__in=ids)


def get_recommendation_for_user(user, pk, *, write: bool = False) -> Recommendation:
    recommendation = one_or_404(recommendations_visible_to(user), pk)
    if write and not can_manage_recommendations(user, recommendation.programme_id, recommendation.partnership):
        raise Http404
    return recommendation


# --- shadow-report packs -------------------------------------------------------------------------------------


def pack_partnerships(user, programme):
    """The partnerships whose evidence she may put in a pack: all of a coordinator's, else her own team's."""
    qs = programme.partnerships.select_related("organisation").order_by("country", "organisation__name")
    if is_coordinator_of(user, programme.pk):
        return qs
    ids = [m.partnership_id for m in memberships_of(user)
           if m.partnership_id and m.programme_id == programme.pk and Role(m.role).can_see_partnership_evidence()]
    return qs.filter(pk__in=ids)


def can_build_pack(user, programme) -> bool:
    return pack_partnerships(user, programme).exists()
