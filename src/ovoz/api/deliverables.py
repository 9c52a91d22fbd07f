"""API endpoints for deliverables (mounted at /api/v1/deliverables/).

The same access functions, state machine and services as the pages: a state change is refused with
400 when that state cannot follow the current one, 403 when it may follow but not by this person,
and anything she may not see answers 404.
"""

import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut
from ovoz.deliverables import access, deadlines, rules
from ovoz.deliverables.models import DeliverableState
from ovoz.deliverables.services import deliverable_change_state

router = Router(tags=["deliverables"])
ERRORS = {401: ErrorOut, 404: ErrorOut}


class DeliverableOut(Schema):
    id: int
    programme_id: int
    partnership_id: int
    organisation: str = Field(description="The partner organisation's name")
    template_id: int
    title: str
    kind: str
    due_on: datetime.date = Field(description="This partnership's due date (an extension may move it)")
    programme_due_on: datetime.date = Field(description="The programme's due date for every partnership")
    state: str = Field(description="not_started, draft, submitted, changes_requested or accepted")
    is_overdue: bool = Field(description="The due date has passed and it is neither submitted nor accepted")
    submission: str = Field(description="file, text or file_or_text")
    submitted_at: datetime.datetime | None
    accepted_at: datetime.datetime | None
    updated_at: datetime.datetime

    @staticmethod
    def resolve_programme_id(obj) -> int:
        return obj.partnership.programme_id

    @staticmethod
    def resolve_organisation(obj) -> str:
        return obj.partnership.organisation.name

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.template.title

    @staticmethod
    def resolve_kind(obj) -> str:
        return obj.template.kind

    @staticmethod
    def resolve_programme_due_on(obj) -> datetime.date:
        return obj.template.due_on

    @staticmethod
    def resolve_is_overdue(obj) -> bool:
        return obj.is_overdue()

    @staticmethod
    def resolve_submission(obj) -> str:
        return obj.template.submission


class VersionOut(Schema):
    id: int
    number: int
    created_at: datetime.datetime
    created_by: str | None = Field(description="Username of who saved it")
    submitted: bool = Field(description="Sent for review (otherwise a saved draft)")
    note: str
    has_text: bool
    has_file: bool
    file_name: str
    file_size: int
    content_type: str

    @staticmethod
    def resolve_created_by(obj) -> str | None:
        return obj.created_by.username if obj.created_by else None

    @staticmethod
    def resolve_has_text(obj) -> bool:
        return bool(obj.text)


class ReviewOut(Schema):
    id: int
    decision: str = Field(description="changes_requested, accepted or comment")
    comment: str
    reviewer: str | None
    version_number: int | None
    created_at: datetime.datetime

    @staticmethod
    def resolve_reviewer(obj) -> str | None:
        return obj.reviewer.username if obj.reviewer else None

    @staticmethod
    def resolve_version_number(obj) -> int | None:
        return obj.version.number if obj.version else None


class DeliverableDetailOut(DeliverableOut):
    description: str
    allowed_states: list[str] = Field(description="The states you may move it to now")
    versions: list[VersionOut] = Field(description="Newest first; metadata only")
    reviews: list[ReviewOut] = Field(description="Newest first")

    @staticmethod
    def resolve_description(obj) -> str:
        return obj.template.description

    @staticmethod
    def resolve_allowed_states(obj, context) -> list[str]:
        return [s.value for s in rules.allowed_targets(context["request"].auth, obj)]

    @staticmethod
    def resolve_versions(obj) -> list:
        return list(obj.versions.select_related("created_by").order_by("-number"))

    @staticmethod
    def resolve_reviews(obj) -> list:
        return list(obj.reviews.select_related("reviewer", "version"))


class StateIn(Schema):
    state: str = Field(description="draft, submitted, changes_requested or accepted")
    comment: str = Field("", description="Required for changes_requested; optional for accepted")
    text: str = Field("", description="For draft or submitted: the text of a new version (text deliverables)")
    note: str = Field("", description="For draft or submitted: a note to the reviewers")


class TimelineItemOut(Schema):
    id: int
    programme_id: int
    kind: str = Field(description="phase or milestone")
    title: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    description: str


@router.get(
    "/",
    response={200: list[DeliverableOut], 400: ErrorOut, 401: ErrorOut},
    operation_id="deliverables",
    summary="List deliverables",
)
@paginate(Page)
def deliverable_list(
    request,
    programme_id: int | None = Query(None, description="Only this programme's"),
    partnership_id: int | None = Query(None, description="Only this partnership's"),
    state: Literal["not_started", "draft", "submitted", "changes_requested", "accepted"] | None = Query(
        None, description="Only in this state"
    ),
    overdue: bool | None = Query(None, description="true: only overdue ones; false: none of them"),
):
    """Coordinators see their programmes' deliverables; a partnership's team its own; nobody else any."""
    qs = access.deliverables_visible_to(request.auth)
    if programme_id is not None:
        qs = qs.filter(partnership__programme_id=programme_id)
    if partnership_id is not None:
        qs = qs.filter(partnership_id=partnership_id)
    if state is not None:
        qs = qs.filter(state=state)
    if overdue is not None:
        late = deadlines.overdue_q(deadlines.today())
        qs = qs.filter(late) if overdue else qs.exclude(late)
    return qs.order_by("due_on", "partnership__organisation__name", "pk")


@router.get(
    "/timeline",
    response={200: list[TimelineItemOut], 400: ErrorOut, 401: ErrorOut},
    operation_id="programme_timeline",
    summary="A programme's phases and milestones",
)
@paginate(Page)
def timeline(request, programme_id: int | None = Query(None, description="Only this programme's")):
    qs = access.timeline_items_visible_to(request.auth)
    if programme_id is not None:
        qs = qs.filter(programme_id=programme_id)
    return qs.order_by("programme_id", "starts_on", "pk")


@router.get(
    "/{int:deliverable_id}",
    response={200: DeliverableDetailOut, **ERRORS},
    operation_id="deliverable",
    summary="One deliverable with its versions and reviews",
)
def deliverable_detail(request, deliverable_id: int):
    """The partnership's researcher and mentor and the programme's coordinators (not co-researchers)."""
    return access.get_deliverable_for_user(request.auth, deliverable_id)


@router.post(
    "/{int:deliverable_id}/state",
    response={200: DeliverableDetailOut, 400: ErrorOut, 403: ErrorOut, **ERRORS},
    operation_id="deliverable_state",
    summary="Move a deliverable to another state",
)
def deliverable_state(request, deliverable_id: int, payload: StateIn):
    """Draft or submit (the partnership's researcher or mentor), request changes or accept (its mentor or a
    coordinator). A draft or a submission may carry the text of a new version; files are uploaded on the page.
    Every change is in the audit log with the old and new state."""
    actor = request.auth
    deliverable = access.get_deliverable_for_user(actor, deliverable_id)
    state = payload.state.strip().lower()
    if state not in DeliverableState.values:
        return Status(400, {"detail": f"Unknown state {payload.state!r}; choose one of: "
                                      f"{', '.join(DeliverableState.values)}."})
    try:
        deliverable_change_state(
            actor=actor, deliverable=deliverable, state=state, comment=payload.comment, text=payload.text,
            note=payload.note,
        )
    except PermissionDenied as exc:
        return Status(403, {"detail": str(exc)})
    except DjangoValidationError as exc:
        return Status(400, {"detail": " ".join(exc.messages)})
    return access.get_deliverable_for_user(actor, deliverable.pk)
