"""API endpoints for findings and publications (mounted at /api/v1/publishing/): the team's and coordinators'
findings with their strength, publications with their disclosure check, workflow steps and renderings.

The same access functions and services as the pages: other partnerships' material answers 404."""

import datetime

from django.http import HttpResponse
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut
from ovoz.programmes.access import get_programme_for_user
from ovoz.publishing.access import (
    findings_visible_to,
    get_finding_for_user,
    get_publication_for_user,
    publications_visible_to,
)
from ovoz.publishing.disclosure.gate import disclosure_check
from ovoz.publishing.models import Publication
from ovoz.publishing.render import FORMATS
from ovoz.publishing.services.findings import finding_create
from ovoz.publishing.services.rendering import LANGUAGES, publication_render
from ovoz.publishing.services.workflow import (
    publication_approve,
    publication_publish,
    publication_reopen,
    publication_review,
    publication_submit,
)
from ovoz.publishing.strength import finding_strength, strengths
from ovoz.publishing.views.common import partnership_to_write

router = Router(tags=["publishing"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut}


class StrengthOut(Schema):
    sources: int
    participants: int
    partnerships: int
    links: int
    counted: int = Field(description="Links still counted after consent withdrawals")
    state: str = Field(description="holds, weakened, no_longer_holds or unsupported")


class FindingOut(Schema):
    id: int
    programme_id: int
    partnership_id: int | None
    statement: str
    statement_local: str
    theme_id: int | None
    status: str
    strength: StrengthOut


class FindingIn(Schema):
    statement: str
    statement_local: str = ""
    partnership_id: int | None = Field(None, description="Empty for a regional finding (coordinators)")


class ProblemOut(Schema):
    rule: str = Field(description="quote_consent, small_cells, k_anonymity or identifying")
    key: str
    message: str
    block_id: int | None
    overridden: bool
    override_reason: str


class PublicationOut(Schema):
    id: int
    programme_id: int
    partnership_id: int | None
    kind: str
    slug: str
    title: str
    title_local: str
    second_language: str
    status: str = Field(description=", ".join(Publication.Status.values))
    updated_at: datetime.datetime
    versions: int


class StepIn(Schema):
    step: str = Field(description="submit, approve_review, request_changes, approve, publish or reopen")
    note: str = ""


def _finding_out(finding, strength) -> dict:
    return {
        **{
            k: getattr(finding, k)
            for k in ("id", "programme_id", "partnership_id", "statement", "statement_local", "theme_id", "status")
        },
        "strength": strength,
    }


def _publication_out(p) -> dict:
    return {
        **{
            k: getattr(p, k)
            for k in (
                "id",
                "programme_id",
                "partnership_id",
                "kind",
                "slug",
                "title",
                "title_local",
                "second_language",
                "status",
                "updated_at",
            )
        },
        "versions": p.versions.count(),
    }


@router.get(
    "/programmes/{programme_id}/findings",
    response={200: list[FindingOut], **ERRORS},
    operation_id="publishing_list_findings",
)
def list_findings(request, programme_id: int):
    programme = get_programme_for_user(request.auth, programme_id)
    findings = list(findings_visible_to(request.auth).filter(programme=programme)[:500])
    found = strengths(findings)
    return [_finding_out(f, found[f.pk]) for f in findings]


@router.post(
    "/programmes/{programme_id}/findings",
    response={201: FindingOut, **ERRORS},
    operation_id="publishing_create_finding",
)
def create_finding(request, programme_id: int, payload: FindingIn):
    programme = get_programme_for_user(request.auth, programme_id)
    partnership = partnership_to_write(request.auth, programme, payload.partnership_id)
    finding = finding_create(
        actor=request.auth,
        programme=programme,
        partnership=partnership,
        statement=payload.statement,
        statement_local=payload.statement_local,
    )
    return Status(201, _finding_out(finding, finding_strength(finding)))


@router.get("/findings/{finding_id}", response={200: FindingOut, **ERRORS}, operation_id="publishing_get_finding")
def get_finding(request, finding_id: int):
    finding = get_finding_for_user(request.auth, finding_id)
    return _finding_out(finding, finding_strength(finding))


@router.get(
    "/publications", response={200: list[PublicationOut], **ERRORS}, operation_id="publishing_list_publications"
)
@paginate(Page)
def list_publications(request):
    return [_publication_out(p) for p in publications_visible_to(request.auth).order_by("title")]


@router.get(
    "/publications/{publication_id}",
    response={200: PublicationOut, **ERRORS},
    operation_id="publishing_get_publication",
)
def get_publication(request, publication_id: int):
    return _publication_out(get_publication_for_user(request.auth, publication_id))


@router.get(
    "/publications/{publication_id}/disclosure",
    response={200: list[ProblemOut], **ERRORS},
    operation_id="publishing_check_publication",
)
def check_publication(request, publication_id: int):
    """Every problem the disclosure gate finds now, overridden or not."""
    publication = get_publication_for_user(request.auth, publication_id)
    return [
        {
            "rule": p.rule,
            "key": p.key,
            "message": p.message,
            "block_id": p.block_id,
            "overridden": p.is_overridden,
            "override_reason": p.override_reason,
        }
        for p in disclosure_check(publication)
    ]


STEPS = {
    "submit": lambda u, p, note: publication_submit(actor=u, publication=p),
    "approve_review": lambda u, p, note: publication_review(actor=u, publication=p, approve=True, note=note),
    "request_changes": lambda u, p, note: publication_review(actor=u, publication=p, approve=False, note=note),
    "approve": lambda u, p, note: publication_approve(actor=u, publication=p),
    "publish": lambda u, p, note: publication_publish(actor=u, publication=p),
    "reopen": lambda u, p, note: publication_reopen(actor=u, publication=p),
}


@router.post(
    "/publications/{publication_id}/workflow",
    response={200: PublicationOut, **ERRORS},
    operation_id="publishing_workflow",
)
def workflow(request, publication_id: int, payload: StepIn):
    """Take one workflow step; the disclosure gate refuses approval and publication with 400 and its reason."""
    publication = get_publication_for_user(request.auth, publication_id)
    step = STEPS.get(payload.step)
    if step is None:
        raise HttpError(400, f"Unknown step: {payload.step}")
    step(request.auth, publication, payload.note)
    publication.refresh_from_db()
    return _publication_out(publication)


@router.get(
    "/publications/{publication_id}/render",
    response={200: None, **ERRORS},
    operation_id="publishing_render_publication",
)
def render_publication(request, publication_id: int, format: str = "pdf", lang: str = "en", draft: bool = True):
    """The publication as HTML, PDF or DOCX: the draft, or (draft=false) the latest published version."""
    publication = get_publication_for_user(request.auth, publication_id)
    if format not in FORMATS or lang not in LANGUAGES:
        raise HttpError(400, "format must be html, pdf or docx; lang one of en, ru, ky, uz, tg")
    data = publication_render(actor=request.auth, publication=publication, fmt=format, language=lang, draft=draft)
    return HttpResponse(data, content_type=FORMATS[format][0])
