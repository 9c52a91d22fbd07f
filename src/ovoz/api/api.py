"""The JSON API: the same access functions and services as the pages, behind bearer tokens.

Rules kept here, as on the pages:

* every object is fetched through ``ovoz.programmes.access`` (or ``ovoz.audit.access``);
* missing and forbidden both answer 404 with the same body, so ids cannot be probed;
* every change goes through a service, which writes its audit row;
* every error body is ``{"detail": "..."}``.
"""

from typing import Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import F
from django.http import Http404
from ninja import NinjaAPI, Query, Router, Status, Swagger
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import paginate

from ovoz.accounts.models import User
from ovoz.accounts.roles import Role
from ovoz.api.auth import TokenAuth
from ovoz.api.pagination import Page
from ovoz.api.schemas import AuditOut, ErrorOut, MemberIn, MemberOut, MeOut, PartnershipOut, ProgrammeOut
from ovoz.audit.access import audit_entries_visible_to, can_browse_audit
from ovoz.audit.models import AuditEntry
from ovoz.programmes import access
from ovoz.programmes.models import Membership
from ovoz.programmes.services import membership_grant

api = NinjaAPI(
    title="Ovoz API",
    version="1",
    description=(
        "Programmes, partnerships and people of an Ovoz installation, as the signed-in person may see them. "
        "Authenticate with `Authorization: Bearer <token>`; make a token on your account page. "
        'Lists are paged with `limit` and `offset`. Errors answer `{"detail": "..."}`; anything you may not '
        "see answers 404, exactly as if it did not exist."
    ),
    auth=TokenAuth(),
    urls_namespace="api",
    # Swagger UI would otherwise send the schema to validator.swagger.io.
    docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": False}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)

NOT_FOUND = "Not found."
UNAUTHORIZED = "A valid API token is required: send the header 'Authorization: Bearer <token>'."
# Documented in the OpenAPI schema for every authenticated operation.
ERRORS = {401: ErrorOut, 404: ErrorOut}


# --- errors -------------------------------------------------------------------------------------------


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": NOT_FOUND}, status=404)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    response = api.create_response(request, {"detail": UNAUTHORIZED}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="ovoz"'
    return response


@api.exception_handler(DjangoValidationError)
def service_refused(request, exc):
    """A service refused the change (for example a researcher without a partnership)."""
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=400)


def _describe(error: dict) -> str:
    where = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path", "payload")]
    message = error.get("msg", "is invalid")
    return f"{'.'.join(where)}: {message}" if where else message


@api.exception_handler(NinjaValidationError)
def bad_request(request, exc):
    """Malformed input (a missing field, a limit out of range) is a 400 with one readable sentence."""
    detail = "; ".join(_describe(e) for e in exc.errors) or "The request is not valid."
    return api.create_response(request, {"detail": detail}, status=400)


# --- accounts -----------------------------------------------------------------------------------------


@api.get("/me", response={200: MeOut, 401: ErrorOut}, tags=["accounts"], operation_id="me", summary="Who am I")
def me(request):
    """The person the token belongs to, with her roles."""
    user = request.auth
    memberships = access.memberships_of(user)
    return {
        "id": user.pk,
        "username": user.username,
        "display_name": user.display_name,
        "is_superuser": user.is_superuser,
        "roles": sorted({m.role for m in memberships}),
        "memberships": [
            {"programme_id": m.programme_id, "partnership_id": m.partnership_id, "role": m.role}
            for m in sorted(memberships, key=lambda m: (m.programme_id, m.partnership_id or 0))
        ],
    }


# --- programmes and partnerships ------------------------------------------------------------------------


@api.get(
    "/programmes",
    response={200: list[ProgrammeOut], 401: ErrorOut},
    tags=["programmes"],
    operation_id="programmes",
    summary="List programmes",
)
@paginate(Page)
def programme_list(request):
    """Programmes she has any role in (every programme, for a site administrator)."""
    return access.programmes_visible_to(request.auth).order_by("-starts_on", "title", "pk")


@api.get(
    "/programmes/{int:programme_id}",
    response={200: ProgrammeOut, **ERRORS},
    tags=["programmes"],
    operation_id="programme",
    summary="One programme",
)
def programme_detail(request, programme_id: int):
    return access.get_programme_for_user(request.auth, programme_id)


@api.get(
    "/partnerships",
    response={200: list[PartnershipOut], 400: ErrorOut, 401: ErrorOut},
    tags=["programmes"],
    operation_id="partnerships",
    summary="List partnerships",
)
@paginate(Page)
def partnership_list(
    request,
    programme_id: int | None = Query(None, description="Only partnerships of this programme"),
    country: str | None = Query(None, description="Only partnerships in this country (ISO code, e.g. KG)"),
):
    """Coordinators and viewers see every partnership of their programmes; team members their own."""
    qs = access.partnerships_visible_to(request.auth)
    if programme_id is not None:
        qs = qs.filter(programme_id=programme_id)
    if country:
        qs = qs.filter(country=country.strip().upper())
    return qs.order_by("programme_id", "country", "organisation__name", "pk")


@api.get(
    "/partnerships/{int:partnership_id}",
    response={200: PartnershipOut, **ERRORS},
    tags=["programmes"],
    operation_id="partnership",
    summary="One partnership",
)
def partnership_detail(request, partnership_id: int):
    return access.get_partnership_for_user(request.auth, partnership_id)


# --- people -------------------------------------------------------------------------------------------


@api.get(
    "/programmes/{int:programme_id}/members",
    response={200: list[MemberOut], 400: ErrorOut, **ERRORS},
    tags=["people"],
    operation_id="members",
    summary="List a programme's people",
)
@paginate(Page)
def member_list(
    request,
    programme_id: int,
    partnership_id: int | None = Query(None, description="Only the team of this partnership"),
):
    """Coordinators see everyone in the programme; team members their own team; viewers nobody."""
    programme = access.get_programme_for_user(request.auth, programme_id)
    qs = access.memberships_visible_to(request.auth).filter(programme=programme)
    if partnership_id is not None:
        partnership = access.get_partnership_for_user(request.auth, partnership_id)
        if partnership.programme_id != programme.pk:
            raise Http404
        qs = qs.filter(partnership=partnership)
    return qs.order_by(F("partnership_id").asc(nulls_first=True), "role", "user__username", "pk")


@api.post(
    "/programmes/{int:programme_id}/members",
    response={200: MemberOut, 201: MemberOut, 400: ErrorOut, 409: ErrorOut, **ERRORS},
    tags=["people"],
    operation_id="member_add",
    summary="Give a person a role",
)
def member_add(request, programme_id: int, payload: MemberIn):
    """Give an existing person a role in the programme or one of its partnerships. Coordinators only.

    Answers 201 with the new membership, or 200 if she already has exactly that role there. Changing
    a role someone already holds is refused (409): that is done on the programme's People page, which
    asks for the password again.
    """
    actor = request.auth
    programme = access.get_programme_for_user(actor, programme_id, write=True)
    try:
        role = Role(payload.role.strip().lower())
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        return Status(400, {"detail": f"Unknown role {payload.role!r}; choose one of: {choices}."})
    user = User.objects.filter(username__iexact=payload.username.strip()).first()
    if user is None:
        return Status(400, {"detail": f"There is no account with the username {payload.username.strip()!r}."})
    partnership = None
    if payload.partnership_id is not None:
        # Missing, forbidden and elsewhere all read the same.
        partnership = (
            access.partnerships_visible_to(actor).filter(programme=programme, pk=payload.partnership_id).first()
        )
        if partnership is None:
            return Status(400, {"detail": "That partnership is not in this programme."})
    existing = (
        Membership.objects.select_related("user")
        .filter(user=user, programme=programme, partnership=partnership)
        .first()
    )
    if existing is not None:
        if existing.role == role:
            return Status(200, existing)
        detail = (
            f"{user.username} already has the role {existing.role} here. Change roles on the programme's "
            "People page, which asks for your password again."
        )
        return Status(409, {"detail": detail})
    membership = membership_grant(actor=actor, user=user, programme=programme, role=role, partnership=partnership)
    return Status(201, membership)


# --- audit --------------------------------------------------------------------------------------------


@api.get(
    "/audit",
    response={200: list[AuditOut], 400: ErrorOut, **ERRORS},
    tags=["audit"],
    operation_id="audit",
    summary="Browse the audit log",
)
@paginate(Page)
def audit_list(
    request,
    action: str | None = Query(None, description="Actions starting with this, e.g. 'membership.'"),
    kind: Literal["change", "read", "auth"] | None = Query(None, description="change, read or auth"),
    programme_id: int | None = Query(None, description="Only rows about this programme"),
):
    """The audit log, newest first: site administrators see all of it, coordinators their programmes'."""
    if not can_browse_audit(request.auth):
        raise Http404
    qs = audit_entries_visible_to(request.auth)
    if action:
        qs = qs.filter(action__startswith=action)
    if kind:
        qs = qs.filter(kind=AuditEntry.Kind(kind))
    if programme_id is not None:
        qs = qs.filter(programme_id=programme_id)
    return qs.order_by("-at", "-pk")


# --- anything else ------------------------------------------------------------------------------------


# The routers of the programme-cycle apps, each in its own file.
api.add_router("/calls", "ovoz.api.calls.router")
api.add_router("/grants", "ovoz.api.grants.router")
api.add_router("/deliverables", "ovoz.api.deliverables.router")
api.add_router("/events", "ovoz.api.events.router")
api.add_router("/evidence", "ovoz.api.evidence_sources.router")
api.add_router("/participants", "ovoz.api.evidence_participants.router")
api.add_router("/search", "ovoz.api.search.router")
api.add_router("/imports", "ovoz.api.imports.router")
api.add_router("/analysis/interop", "ovoz.api.analysis_interop.router")
api.add_router("/publishing", "ovoz.api.publishing.router")
api.add_router("/mechanisms", "ovoz.api.mechanisms.router")
api.add_router("/advocacy", "ovoz.api.advocacy.router")
api.add_router("/impact", "ovoz.api.impact.router")
api.add_router("/safety", "ovoz.api.safety.router")
api.add_router("/analysis/codes", "ovoz.api.analysis_codes.router")
api.add_router("/analysis/memos", "ovoz.api.analysis_memos.router")
api.add_router("/analysis/sessions", "ovoz.api.analysis_sessions.router")
api.add_router("/analysis/codings", "ovoz.api.analysis_codings.router")
api.add_router("/analysis/queries", "ovoz.api.analysis_queries.router")
api.add_router("/analysis/suggestions", "ovoz.api.analysis_suggestions.router")
api.add_router("/analysis/agreement", "ovoz.api.analysis_agreement.router")

# Added last, so it only catches paths no operation above matches: they answer JSON, not an HTML page.
fallback = Router()


@fallback.api_operation(["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", auth=None, include_in_schema=False)
def unknown_path(request, rest: str):
    raise Http404


api.add_router("", fallback)
