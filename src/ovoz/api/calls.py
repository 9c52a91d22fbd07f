"""API endpoints for calls for partners (mounted at /api/v1/calls/), for the programme's coordinators.

The calls of the programmes she coordinates, one call, and its ranking with weighted scores. Anyone
else, reviewers included, gets an empty list or a 404, exactly as if the call did not exist.
"""

import datetime
from decimal import Decimal

from django.db.models import Count, Q
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut
from ovoz.calls import ranking
from ovoz.calls.access import calls_visible_to, get_call_for_user
from ovoz.calls.models import Call
from ovoz.programmes.access import coordinated_programme_ids, get_programme_for_user

router = Router(tags=["calls"])
ERRORS = {401: ErrorOut, 404: ErrorOut}


class CallOut(Schema):
    id: int
    programme_id: int
    title: str
    state: str = Field(description=", ".join(Call.State.values))
    opens_on: datetime.date
    closes_on: datetime.date
    places_min: int
    places_max: int
    applications: int = Field(description="Applications received")
    eligible: int = Field(description="Applications that pass every eligibility rule")
    selected: int
    announced_at: datetime.datetime | None
    is_fictional: bool


class CriterionOut(Schema):
    id: int
    name: str
    weight: int


class CallDetailOut(CallOut):
    focus_areas: list[str]
    criteria: list[CriterionOut]


class CriterionAverageOut(Schema):
    criterion_id: int
    average: Decimal | None = Field(description="Average score, 0 to 5, over submitted reviews; null if none")
    reviews: int


class CommentOut(Schema):
    reviewer: str
    text: str


class RankedOut(Schema):
    rank: int | None = Field(description="Position among eligible, scored applications; null otherwise")
    application_id: int
    organisation: str
    country: str
    eligible: bool
    selected: bool
    weighted_score: Decimal | None = Field(description="Σ(weight × criterion average) ÷ Σ(weight), 0 to 5")
    reviews: int = Field(description="Submitted reviews")
    criteria: list[CriterionAverageOut]
    comments: list[CommentOut]


def _counted(qs):
    return qs.annotate(
        n_applications=Count("applications", distinct=True),
        n_eligible=Count("applications", filter=Q(applications__eligible=True), distinct=True),
        n_selected=Count("applications", filter=Q(applications__selected=True), distinct=True),
    )


def _call_out(call: Call) -> dict:
    return {
        "id": call.pk,
        "programme_id": call.programme_id,
        "title": call.title,
        "state": call.state,
        "opens_on": call.opens_on,
        "closes_on": call.closes_on,
        "places_min": call.places_min,
        "places_max": call.places_max,
        "applications": call.n_applications,
        "eligible": call.n_eligible,
        "selected": call.n_selected,
        "announced_at": call.announced_at,
        "is_fictional": call.is_fictional,
    }


@router.get("", response={200: list[CallOut], 400: ErrorOut, **ERRORS}, operation_id="calls", summary="List calls")
@paginate(Page)
def call_list(request, programme_id: int | None = Query(None, description="Only the calls of this programme")):
    """Calls of the programmes she coordinates, newest first. A programme she does not coordinate is a 404."""
    user = request.auth
    qs = calls_visible_to(user)
    if not user.is_superuser:
        qs = qs.filter(programme_id__in=coordinated_programme_ids(user))
    if programme_id is not None:
        get_programme_for_user(user, programme_id, write=True)
        qs = qs.filter(programme_id=programme_id)
    return [_call_out(c) for c in _counted(qs).order_by("-opens_on", "-pk")]


def _managed(request, call_id: int) -> Call:
    call = get_call_for_user(request.auth, call_id, write=True)
    return _counted(Call.objects.filter(pk=call.pk)).select_related("programme").get()


@router.get("/{int:call_id}", response={200: CallDetailOut, **ERRORS}, operation_id="call", summary="One call")
def call_detail(request, call_id: int):
    call = _managed(request, call_id)
    return {
        **_call_out(call),
        "focus_areas": [f.name for f in call.focus_areas.all()],
        "criteria": [{"id": c.pk, "name": c.name, "weight": c.weight} for c in call.criteria.all()],
    }


@router.get(
    "/{int:call_id}/ranking",
    response={200: list[RankedOut], **ERRORS},
    operation_id="call_ranking",
    summary="A call's ranking",
)
def call_ranking(
    request,
    call_id: int,
    eligible_only: bool = Query(True, description="Leave out applications that fail an eligibility rule"),
):
    """Every application with its weighted score, per-criterion averages, reviews and comments, best first.
    Coordinators of the call's programme only; names of applicants are in it, so nobody else sees it."""
    call = _managed(request, call_id)
    rows, _criteria = ranking.rank(call, eligible_only=eligible_only)
    return [
        {
            "rank": r.rank,
            "application_id": r.application.pk,
            "organisation": r.application.organisation_name,
            "country": r.application.country,
            "eligible": r.application.eligible,
            "selected": r.application.selected,
            "weighted_score": r.weighted,
            "reviews": r.n_reviews,
            "criteria": [
                {"criterion_id": a.criterion.pk, "average": a.average, "reviews": a.n} for a in r.averages
            ],
            "comments": [{"reviewer": who, "text": text} for who, text in r.comments],
        }
        for r in rows
    ]
