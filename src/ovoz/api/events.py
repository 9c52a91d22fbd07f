"""API endpoints for events (mounted at /api/v1/events/): the events a person may see, and one event with
its agenda, expected outputs and attendance counts. Evaluation answers are never given out here."""

import datetime

from django.db.models import OuterRef, Subquery
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut
from ovoz.events.access import events_visible_to, get_event_for_user
from ovoz.events.models import Event, ExpectedOutput, Invitation
from ovoz.events.results import attendance_counts

router = Router(tags=["events"])
ERRORS = {401: ErrorOut, 404: ErrorOut}


class EventOut(Schema):
    id: int
    programme_id: int
    kind: str = Field(description=", ".join(Event.Kind.values))
    title: str
    starts_on: datetime.date
    ends_on: datetime.date
    city: str
    country: str = Field(description="ISO 3166 code, or empty")
    format: str = Field(description=", ".join(Event.Format.values))
    status: str = Field(description=", ".join(Event.Status.values))
    evaluation_state: str = Field(description=", ".join(Event.EvaluationState.values))
    my_invitation: str | None = Field(
        None, description="Her own invitation's status (invited, confirmed, attended, absent), or null"
    )


class SessionOut(Schema):
    day: datetime.date
    starts_at: datetime.time | None
    ends_at: datetime.time | None
    title: str
    facilitator: str


class ExpectedOutputOut(Schema):
    text: str
    outcome: str = Field(description=", ".join(ExpectedOutput.Outcome.values))
    note: str


class AttendanceOut(Schema):
    invited: int = Field(description="Everyone invited, whatever her status")
    confirmed: int
    attended: int
    absent: int


class MaterialOut(Schema):
    id: int
    title: str
    url: str = Field(description="The link, for a link; empty for a file")
    file_name: str
    content_type: str
    size: int

    @staticmethod
    def resolve_file_name(obj) -> str:
        return obj.original_name


class EventDetailOut(EventOut):
    description: str
    agenda: list[SessionOut]
    expected_outputs: list[ExpectedOutputOut]
    attendance: AttendanceOut
    materials: list[MaterialOut]


FROM = Query(None, alias="from", description="Only events ending on or after this day (YYYY-MM-DD)")
TO = Query(None, alias="to", description="Only events starting on or before this day (YYYY-MM-DD)")


def _with_my_status(qs, user):
    mine = Invitation.objects.filter(event=OuterRef("pk"), user=user).values("status")[:1]
    return qs.annotate(my_invitation=Subquery(mine))


@router.get(
    "",
    response={200: list[EventOut], 400: ErrorOut, 401: ErrorOut},
    operation_id="events",
    summary="List events",
)
@paginate(Page)
def event_list(
    request,
    programme_id: int | None = Query(None, description="Only events of this programme"),
    kind: str | None = Query(None, description="Only events of this kind: " + ", ".join(Event.Kind.values)),
    date_from: datetime.date | None = FROM,
    date_to: datetime.date | None = TO,
):
    """Coordinators see their programmes' events; team members their programme's; viewers and others none."""
    qs = events_visible_to(request.auth)
    if programme_id is not None:
        qs = qs.filter(programme_id=programme_id)
    if kind:
        if kind not in Event.Kind.values:
            raise HttpError(400, f"Unknown kind {kind!r}; choose one of: {', '.join(Event.Kind.values)}.")
        qs = qs.filter(kind=kind)
    if date_from and date_to and date_to < date_from:
        raise HttpError(400, "'to' is before 'from'.")
    if date_from:
        qs = qs.filter(ends_on__gte=date_from)
    if date_to:
        qs = qs.filter(starts_on__lte=date_to)
    return _with_my_status(qs, request.auth).order_by("starts_on", "pk")


@router.get(
    "/{int:event_id}",
    response={200: EventDetailOut, **ERRORS},
    operation_id="event",
    summary="One event",
)
def event_detail(request, event_id: int):
    """One event with its agenda, expected outputs (and whether each was met), attendance counts and materials."""
    event = get_event_for_user(request.auth, event_id)
    event = _with_my_status(Event.objects.filter(pk=event.pk), request.auth).get()
    counts = attendance_counts(event)
    return {
        **{f: getattr(event, f) for f in EventOut.model_fields if f != "my_invitation"},
        "my_invitation": event.my_invitation,
        "description": event.description,
        "agenda": list(event.agenda.all()),
        "expected_outputs": list(event.outputs.all()),
        "attendance": {
            "invited": counts["invited_total"],
            "confirmed": counts["confirmed"],
            "attended": counts["attended"],
            "absent": counts["absent"],
        },
        "materials": list(event.materials.all()),
    }


# The same list with a trailing slash, as the router's mount point reads (/api/v1/events/).
router.add_api_operation(
    "/", ["GET"], event_list, response={200: list[EventOut], 400: ErrorOut, 401: ErrorOut}, include_in_schema=False
)
