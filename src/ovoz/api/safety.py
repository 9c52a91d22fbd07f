"""API endpoints for the safety of defenders (mounted at /api/v1/safety/): a partnership's risk register and
incident log (its mentor and researchers and the programme's coordinators only), and the emergency lock."""

import datetime

from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut
from ovoz.safety import access
from ovoz.safety.lock import active_lock, partnership_lock
from ovoz.safety.models import Risk

router = Router(tags=["safety"])
ERRORS = {401: ErrorOut, 404: ErrorOut}


class RiskOut(Schema):
    id: int
    partnership_id: int
    title: str
    category: str
    affects: str
    description: str
    likelihood: int
    impact: int
    severity: str = Field(description="high, medium or low (likelihood × impact)")
    mitigation: str
    status: str = Field(description=", ".join(Risk.Status.values))
    review_on: datetime.date | None


class IncidentOut(Schema):
    id: int
    partnership_id: int
    risk_id: int | None
    occurred_on: datetime.date
    title: str
    category: str
    status: str


class LockIn(Schema):
    reason: str = ""


class LockOut(Schema):
    partnership_id: int
    locked: bool
    locked_at: datetime.datetime | None = None
    accounts: list[str] = []


@router.get("/partnerships/{int:partnership_id}/risks", response={200: list[RiskOut], **ERRORS},
            operation_id="safety_risks", summary="A partnership's risk register")
@paginate(Page)
def risk_list(request, partnership_id: int):
    partnership = access.get_safety_partnership_for_user(request.auth, partnership_id)
    return access.risks_visible_to(request.auth).filter(partnership=partnership).order_by("-pk")


@router.get("/partnerships/{int:partnership_id}/incidents", response={200: list[IncidentOut], **ERRORS},
            operation_id="safety_incidents", summary="A partnership's incident log")
@paginate(Page)
def incident_list(request, partnership_id: int):
    partnership = access.get_safety_partnership_for_user(request.auth, partnership_id)
    return access.incidents_visible_to(request.auth).filter(partnership=partnership).order_by("-occurred_on", "-pk")


@router.post("/partnerships/{int:partnership_id}/lock", response={201: LockOut, 400: ErrorOut, **ERRORS},
             operation_id="safety_lock", summary="Emergency lock of a partnership's accounts")
def lock(request, partnership_id: int, payload: LockIn):
    """A coordinator or the partnership's mentor suspends every account of the team at once: sessions end,
    API tokens (her own too, if she is on the team) are revoked. Lifting is done on the web page, after the
    password is asked again."""
    partnership = access.get_lockable_partnership_for_user(request.auth, partnership_id)
    made = partnership_lock(actor=request.auth, partnership=partnership, reason=payload.reason)
    return Status(201, {"partnership_id": partnership.pk, "locked": True, "locked_at": made.locked_at,
                 "accounts": sorted(a.user.username for a in made.accounts.select_related("user"))})


@router.get("/partnerships/{int:partnership_id}/lock", response={200: LockOut, **ERRORS},
            operation_id="safety_lock_state", summary="Whether a partnership is locked")
def lock_state(request, partnership_id: int):
    partnership = access.get_lockable_partnership_for_user(request.auth, partnership_id)
    current = active_lock(partnership)
    return {"partnership_id": partnership.pk, "locked": current is not None,
            "locked_at": current.locked_at if current else None}
