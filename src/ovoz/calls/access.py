"""Who may see and change calls, applications and reviews.

* The public sees published calls only (and applies to those open today); anything else is a 404.
* A programme's coordinators manage its calls and see every application, review and the ranking.
* A reviewer (a coordinator or anyone the coordinator names) sees the eligible applications of the
  calls she reviews, and her own reviews; others' scores only once she has submitted hers.
* Nobody else, partnership teams included, sees anything here: missing and forbidden are both 404.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from ovoz.calls.models import Application, Call, Review
from ovoz.programmes.access import coordinated_programme_ids, is_coordinator_of, one_or_404

REVIEWABLE_STATES = (Call.State.PUBLISHED, Call.State.CLOSED, Call.State.ANNOUNCED)


def _coordinated(user) -> Q | None:
    """None for a site administrator (everything), else the programmes she coordinates."""
    if getattr(user, "is_superuser", False):
        return None
    return Q(programme_id__in=coordinated_programme_ids(user))


# --- the public -----------------------------------------------------------------------------------------


def public_calls() -> QuerySet[Call]:
    return Call.objects.filter(state=Call.State.PUBLISHED).select_related("programme__lead_organisation")


def get_public_call(pk) -> Call:
    return one_or_404(public_calls(), pk)


def get_open_call(pk) -> Call:
    """A call that takes applications today; a draft, closed or not yet open call is a 404."""
    call = get_public_call(pk)
    if not call.accepts_applications:
        raise Http404
    return call


# --- coordinators ---------------------------------------------------------------------------------------


def calls_visible_to(user) -> QuerySet[Call]:
    """Calls of the programmes she coordinates, and the calls she reviews."""
    qs = Call.objects.select_related("programme")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    coordinated = _coordinated(user)
    if coordinated is None:
        return qs
    return qs.filter(coordinated | Q(reviewer_links__user=user, state__in=REVIEWABLE_STATES)).distinct()


def get_call_for_user(user, pk, *, write: bool = False) -> Call:
    """``write``: the call's management pages, for its programme's coordinators only."""
    call = one_or_404(calls_visible_to(user), pk)
    if write and not is_coordinator_of(user, call.programme_id):
        raise Http404
    return call


def applications_visible_to(user) -> QuerySet[Application]:
    """Every application of the calls of her programmes, for coordinators."""
    qs = Application.objects.select_related(
        "call__programme", "partnership__organisation", "researcher_user", "mentor_user"
    )
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    coordinated = _coordinated(user)
    if coordinated is None:
        return qs
    return qs.filter(call__programme_id__in=coordinated_programme_ids(user))


def get_application_for_user(user, pk) -> Application:
    return one_or_404(applications_visible_to(user), pk)


# --- reviewers ------------------------------------------------------------------------------------------


def is_reviewer_of(user, call: Call) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return call.reviewer_links.filter(user=user).exists()


def calls_reviewed_by(user) -> QuerySet[Call]:
    """Calls she is named to review that are past their draft (for a dashboard panel, say)."""
    if not getattr(user, "is_authenticated", False):
        return Call.objects.none()
    return (
        Call.objects.select_related("programme")
        .filter(reviewer_links__user=user, state__in=REVIEWABLE_STATES)
        .distinct()
    )


def get_call_for_reviewer(user, pk) -> Call:
    return one_or_404(calls_reviewed_by(user), pk)


def applications_reviewable_by(user) -> QuerySet[Application]:
    """The eligible applications of the calls she reviews."""
    if not getattr(user, "is_authenticated", False):
        return Application.objects.none()
    return Application.objects.select_related("call__programme").filter(
        eligible=True, call__reviewer_links__user=user, call__state__in=REVIEWABLE_STATES
    )


def get_application_for_reviewer(user, pk) -> Application:
    return one_or_404(applications_reviewable_by(user), pk)


def reviews_visible_to(user, application: Application) -> QuerySet[Review]:
    """What the review page may show of an application's reviews.

    Her own review always; the others' submitted reviews only once hers is submitted. The call's
    coordinators see every submitted review on the ranking, not here.
    """
    own = Q(reviewer=user)
    mine = Review.objects.filter(application=application, reviewer=user, submitted_at__isnull=False).exists()
    others = Q(submitted_at__isnull=False) if mine else Q(pk__in=[])
    return (
        Review.objects.filter(application=application)
        .filter(own | others)
        .select_related("reviewer")
        .prefetch_related("scores__criterion")
    )
