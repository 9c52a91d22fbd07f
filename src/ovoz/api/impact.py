"""API endpoints for impact (mounted at /api/v1/impact/): change stories (consent-filtered), outcomes with what
they concern, and reflections, each as the signed-in person may see them. Storytellers appear by pseudonym
code only."""

import datetime

from django.core.exceptions import ValidationError
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut
from ovoz.evidence.models import ConsentScope
from ovoz.impact import access
from ovoz.impact.models import ChangeLevel, Reflection
from ovoz.impact.services.outcomes import reflection_create
from ovoz.programmes.access import get_programme_for_user, partnerships_visible_to

router = Router(tags=["impact"])
ERRORS = {401: ErrorOut, 404: ErrorOut}


class StoryOut(Schema):
    id: int
    partnership_id: int
    level: str = Field(description=", ".join(ChangeLevel.values))
    title: str
    social_actor: str
    what_changed: str
    happened_on: datetime.date | None
    place: str
    significance: str
    contribution: str
    storyteller: str = Field(description="A participant's pseudonym code, a team member's name, or a name given")
    collected_on: datetime.date
    shared_with_programme: bool

    @staticmethod
    def resolve_storyteller(obj):
        return obj.storyteller_label()


class OutcomeOut(Schema):
    id: int
    programme_id: int
    partnership_id: int | None
    level: str
    description: str
    social_actor: str
    happened_on: datetime.date | None
    concerns: str = Field(description="The Theory of Change outcome or recommendation it concerns")


class ReflectionOut(Schema):
    id: int
    programme_id: int
    partnership_id: int | None
    event_id: int | None
    kind: str = Field(description=", ".join(Reflection.Kind.values))
    title: str
    text: str
    how_met: str


class ReflectionIn(Schema):
    programme_id: int
    partnership_id: int | None = None
    kind: str
    title: str
    text: str
    how_met: str = ""


@router.get("/stories", response={200: list[StoryOut], 400: ErrorOut, 401: ErrorOut}, operation_id="impact_stories",
            summary="List change stories")
@paginate(Page)
def story_list(
    request,
    programme_id: int | None = Query(None),
    level: str | None = Query(None, description=", ".join(ChangeLevel.values)),
    scope: str | None = Query(None, description="Only stories whose tellers allow this use: "
                              + ", ".join(ConsentScope.values)),
):
    """Her partnership's stories (mentor, researchers); the shared ones with the tellers' consent (coordinators)."""
    if scope is not None and scope not in ConsentScope.values:
        raise ValidationError(f"Unknown scope {scope!r}.")
    qs = access.stories_visible_to(request.auth, scope=scope)
    if programme_id is not None:
        qs = qs.filter(partnership__programme_id=programme_id)
    if level:
        qs = qs.filter(level=level)
    return qs.order_by("-collected_on", "-pk")


@router.get("/stories/{int:story_id}", response={200: StoryOut, **ERRORS}, operation_id="impact_story",
            summary="One change story")
def story_detail(request, story_id: int):
    return access.get_story_for_user(request.auth, story_id)


@router.get("/outcomes", response={200: list[OutcomeOut], 401: ErrorOut}, operation_id="impact_outcomes",
            summary="List outcomes")
@paginate(Page)
def outcome_list(request, programme_id: int | None = Query(None), concerns: str | None = Query(None)):
    qs = access.outcomes_visible_to(request.auth)
    if programme_id is not None:
        qs = qs.filter(programme_id=programme_id)
    if concerns:
        qs = qs.filter(concerns__icontains=concerns)
    return qs.order_by("-pk")


@router.get("/reflections", response={200: list[ReflectionOut], 401: ErrorOut}, operation_id="impact_reflections",
            summary="List reflections and lessons")
@paginate(Page)
def reflection_list(request, programme_id: int | None = Query(None), kind: str | None = Query(None)):
    qs = access.reflections_visible_to(request.auth)
    if programme_id is not None:
        qs = qs.filter(programme_id=programme_id)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-pk")


@router.post("/reflections", response={201: ReflectionOut, 400: ErrorOut, **ERRORS},
             operation_id="impact_reflection_add", summary="Record a reflection")
def reflection_add(request, payload: ReflectionIn):
    """A partnership's team (mentor, researchers) or the coordinators record for a partnership; only
    coordinators for the whole programme."""
    from django.http import Http404

    user = request.auth
    programme = get_programme_for_user(user, payload.programme_id)
    partnership = None
    if payload.partnership_id is not None:
        partnership = partnerships_visible_to(user).filter(programme=programme, pk=payload.partnership_id).first()
        if partnership is None or not access.can_edit_partnership(user, partnership):
            raise Http404
    elif not access.can_make_report(user, programme.pk):
        raise Http404
    if payload.kind not in Reflection.Kind.values:
        raise ValidationError(f"Unknown kind {payload.kind!r}; choose one of: {', '.join(Reflection.Kind.values)}.")
    reflection = reflection_create(actor=user, programme=programme, partnership=partnership, kind=payload.kind,
                                   title=payload.title, text=payload.text, how_met=payload.how_met)
    return Status(201, reflection)
