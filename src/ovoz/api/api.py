"""The JSON API: the same access functions and services as the pages, behind bearer tokens."""

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.pagination import LimitOffsetPagination, paginate

from ovoz.accounts.models import User
from ovoz.api.auth import TokenAuth
from ovoz.api.schemas import AuditOut, ErrorOut, MemberIn, MemberOut, MeOut, PartnershipOut, ProgrammeOut
from ovoz.audit.access import audit_entries_visible_to, can_browse_audit
from ovoz.programmes import access
from ovoz.programmes.services import membership_grant

api = NinjaAPI(
    title="Ovoz API",
    version="1",
    description="Programmes, partnerships and people of an Ovoz installation. Authenticate with a bearer "
    "token made on your account page.",
    auth=TokenAuth(),
    urls_namespace="api",
)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found"}, status=404)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=400)


@api.get("/me", response=MeOut, tags=["accounts"])
def me(request):
    roles = sorted({m.role for m in access.memberships_of(request.auth)})
    return {"id": request.auth.pk, "username": request.auth.username, "roles": roles}


@api.get("/programmes", response=list[ProgrammeOut], tags=["programmes"])
@paginate(LimitOffsetPagination)
def programme_list(request):
    return access.programmes_visible_to(request.auth)


@api.get("/programmes/{int:programme_id}", response=ProgrammeOut, tags=["programmes"])
def programme_detail(request, programme_id: int):
    return access.get_programme_for_user(request.auth, programme_id)


@api.get("/partnerships", response=list[PartnershipOut], tags=["programmes"])
@paginate(LimitOffsetPagination)
def partnership_list(request, programme_id: int | None = None, country: str | None = None):
    qs = access.partnerships_visible_to(request.auth)
    if programme_id is not None:
        qs = qs.filter(programme_id=programme_id)
    if country:
        qs = qs.filter(country=country.upper())
    return qs


@api.get("/partnerships/{int:partnership_id}", response=PartnershipOut, tags=["programmes"])
def partnership_detail(request, partnership_id: int):
    return access.get_partnership_for_user(request.auth, partnership_id)


def _member_out(m):
    return {"id": m.pk, "username": m.user.username, "role": m.role, "partnership_id": m.partnership_id}


@api.get("/programmes/{int:programme_id}/members", response=list[MemberOut], tags=["people"])
@paginate(LimitOffsetPagination)
def member_list(request, programme_id: int):
    programme = access.get_programme_for_user(request.auth, programme_id)
    qs = access.memberships_visible_to(request.auth).filter(programme=programme)
    return qs


@api.post("/programmes/{int:programme_id}/members", response={201: MemberOut, 400: ErrorOut}, tags=["people"])
def member_add(request, programme_id: int, payload: MemberIn):
    """Give an existing person a role. Coordinators only; role changes need a fresh token holder."""
    programme = access.get_programme_for_user(request.auth, programme_id, write=True)
    user = User.objects.filter(username__iexact=payload.username).first()
    if user is None:
        return 400, {"detail": "No such user"}
    partnership = None
    if payload.partnership_id is not None:
        partnership = access.get_partnership_for_user(request.auth, payload.partnership_id, write=True)
    try:
        from ovoz.accounts.roles import Role

        role = Role(payload.role)
    except ValueError:
        return 400, {"detail": f"Unknown role {payload.role!r}"}
    m = membership_grant(
        actor=request.auth, user=user, programme=programme, role=role, partnership=partnership
    )
    return 201, _member_out(m)


@api.get("/audit", response=list[AuditOut], tags=["audit"])
@paginate(LimitOffsetPagination)
def audit_list(request, action: str | None = None, kind: str | None = None):
    if not can_browse_audit(request.auth):
        raise Http404
    qs = audit_entries_visible_to(request.auth)
    if action:
        qs = qs.filter(action__startswith=action)
    if kind:
        qs = qs.filter(kind=kind)
    return qs
