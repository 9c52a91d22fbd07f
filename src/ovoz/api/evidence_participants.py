"""API endpoints for participants and their consent (to be mounted at /api/v1/participants/).

The same access rules as the pages: the partnership's team sees its participants; coordinators only those
who allow sharing with coordinators. Names and contacts never leave through the API, for anyone.
"""

import datetime

from django.core.exceptions import ValidationError
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut
from ovoz.evidence import access
from ovoz.evidence.models import AgeBand, ConsentScope
from ovoz.evidence.services.consent import current_scopes

router = Router(tags=["participants"])

ERRORS = {401: ErrorOut, 404: ErrorOut}


class TermOut(Schema):
    code: str
    label: str = Field(description="In the language of the request (Accept-Language)")

    @staticmethod
    def resolve_label(obj) -> str:
        return obj.label()


class ConsentOut(Schema):
    kind: str = Field(description="given, changed, withdrawn_scope or withdrawn")
    date: datetime.date
    method: str = Field(description="oral or written")
    language: str
    scopes: list[str]


class ParticipantOut(Schema):
    id: int
    code: str = Field(description="Her pseudonym code: the only way she is named here")
    partnership_id: int
    migrant_status: TermOut | None
    age_band: str
    region_of_origin: TermOut | None
    destination: str
    work_sector: TermOut | None
    household_role: TermOut | None
    attributes: dict
    consent: list[str] = Field(description="What she allows now: " + ", ".join(ConsentScope.values))
    withdrawn_at: datetime.date | None = Field(description="Set when she withdrew her consent entirely")
    is_fictional: bool

    @staticmethod
    def resolve_consent(obj) -> list[str]:
        return current_scopes(obj)


class ParticipantDetailOut(ParticipantOut):
    latest_consent: ConsentOut | None

    @staticmethod
    def resolve_latest_consent(obj):
        return obj.consents.first()


def _visible(user):
    return access.participants_visible_to(user).select_related("work_sector", "household_role")


@router.get(
    "",
    response={200: list[ParticipantOut], 400: ErrorOut, 401: ErrorOut},
    operation_id="participants",
    summary="List participants",
)
@paginate(Page)
def participant_list(
    request,
    partnership_id: int | None = Query(None, description="Only this partnership's participants"),
    code: str | None = Query(None, description="Codes containing this"),
    migrant_status: str | None = Query(None, description="A migrant_status term code"),
    age_band: str | None = Query(None, description="One of " + ", ".join(v for v in AgeBand.values if v)),
    region: str | None = Query(None, description="A region term code"),
    scope: str | None = Query(None, description="Only those who allow this: " + ", ".join(ConsentScope.values)),
    withdrawn: bool | None = Query(None, description="true: only those who withdrew entirely; false: the others"),
):
    """Participants the token's owner may see, by code, with their consent; never their names or contacts."""
    qs = _visible(request.auth)
    if partnership_id is not None:
        qs = qs.filter(partnership_id=partnership_id)
    if code:
        qs = qs.filter(code__icontains=code.strip())
    if migrant_status:
        qs = qs.filter(migrant_status__code=migrant_status)
    if age_band:
        if age_band not in AgeBand.values:
            raise ValidationError(f"Unknown age band {age_band!r}.")
        qs = qs.filter(age_band=age_band)
    if region:
        qs = qs.filter(region_of_origin__code=region)
    if scope:
        if scope not in ConsentScope.values:
            raise ValidationError(f"Unknown consent scope {scope!r}; choose one of: {', '.join(ConsentScope.values)}.")
        qs = access.with_consent(qs, scope)
    if withdrawn is not None:
        qs = qs.filter(withdrawn_at__isnull=not withdrawn)
    return qs.order_by("partnership_id", "code", "pk")


@router.get(
    "/{int:participant_id}",
    response={200: ParticipantDetailOut, **ERRORS},
    operation_id="participant",
    summary="One participant",
)
def participant_detail(request, participant_id: int):
    """One participant with her latest consent record; 404 if missing or not visible to you."""
    return access.get_participant_for_user(request.auth, participant_id)
