"""REFI-QDA and Taguette interop in the JSON API, mounted at /api/v1/analysis/interop/.

Exports answer the file itself (``.qdpx`` or ``.qdc``); imports take the file as ``multipart/form-data`` and
answer the report: what was (or, with ``dry_run``, which is the default, would be) created, and everything
left out and why. The same access rules, services and audit as the pages.
"""

from django.http import HttpResponse
from ninja import Field, File, Form, Query, Router, Schema
from ninja.files import UploadedFile

from ovoz.analysis.interop.safe import check_size
from ovoz.analysis.services.interop import codebook_export, project_export, qda_import
from ovoz.analysis.views.interop_access import (
    partnership_for_export,
    partnership_for_import,
    programme_for_codebook,
    programme_for_coordinator,
)
from ovoz.api.schemas import ErrorOut
from ovoz.programmes.access import get_programme_for_user

router = Router(tags=["analysis interop"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut}


class ProblemOut(Schema):
    where: str
    message: str


class OffsetOut(Schema):
    source: str
    unit: str = Field(description="codepoint (characters) or utf8 (bytes, converted to characters)")
    reason: str = Field(description="origin (the exporting program), positions, or default")


class ReportOut(Schema):
    kind: str = Field(description="qdpx, qdc, taguette_codebook or taguette_highlights")
    origin: str
    dry_run: bool
    codes_created: list[str]
    codes_matched: int
    sources_created: list[str]
    sources_matched: list[str]
    codings_created: int
    codings_existing: int
    memos_created: int
    offsets: list[OffsetOut]
    problems: list[ProblemOut] = Field(description="What was left out, and why")
    warnings: list[ProblemOut]


def _file(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@router.get("/partnerships/{int:partnership_id}/export.qdpx", response={200: None, **ERRORS},
            operation_id="interop_export_partnership", summary="A partnership's project as REFI-QDA .qdpx")
def export_partnership(request, partnership_id: int):
    """Its mentors and researchers only. Sources whose participants all allow analysis, their codings (outside
    running double-coding rounds), codes, memos, participants by pseudonym code with their attributes."""
    partnership = partnership_for_export(request.auth, partnership_id)
    content, _ = project_export(actor=request.auth, programme=partnership.programme, partnership=partnership)
    return _file(content, f"partnership-{partnership.pk}.qdpx", "application/vnd.refi-qda+zip")


@router.get("/programmes/{int:programme_id}/export.qdpx", response={200: None, **ERRORS},
            operation_id="interop_export_programme", summary="What partnerships share with the programme, as .qdpx")
def export_programme(request, programme_id: int):
    """Coordinators only: the sources shared with the programme (with consent to sharing and to analysis)."""
    programme = programme_for_coordinator(request.auth, programme_id)
    content, _ = project_export(actor=request.auth, programme=programme)
    return _file(content, f"programme-{programme.pk}-shared.qdpx", "application/vnd.refi-qda+zip")


@router.get("/programmes/{int:programme_id}/codebook.qdc", response={200: None, **ERRORS},
            operation_id="interop_export_codebook", summary="The programme codebook as REFI-QDA .qdc")
def export_codebook(request, programme_id: int,
                    partnership_id: int | None = Query(None, description="Add this partnership's own codes")):
    programme = programme_for_codebook(request.auth, programme_id)
    partnership = partnership_for_export(request.auth, partnership_id) if partnership_id else None
    if partnership is not None and partnership.programme_id != programme.pk:
        partnership = None
    content = codebook_export(actor=request.auth, programme=programme, partnership=partnership)
    return _file(content, f"programme-{programme.pk}-codebook.qdc", "application/xml")


@router.post("/partnerships/{int:partnership_id}/import", response={200: ReportOut, **ERRORS},
             operation_id="interop_import_partnership", summary="Import a .qdpx, .qdc or Taguette CSV")
def import_partnership(request, partnership_id: int, file: File[UploadedFile],
                       dry_run: Form[bool] = True, source_kind: Form[str] = "interview"):
    """Mentors and researchers of the partnership. ``dry_run`` (the default) checks and reports, writing
    nothing; send ``dry_run=false`` to import, all or nothing. Importing the same file again creates nothing."""
    partnership = partnership_for_import(request.auth, partnership_id)
    check_size(file.size or 0)
    report = qda_import(actor=request.auth, programme=partnership.programme, partnership=partnership,
                        content=file.read(), filename=file.name or "", dry_run=dry_run, source_kind=source_kind)
    return report.as_dict()


@router.post("/programmes/{int:programme_id}/import", response={200: ReportOut, **ERRORS},
             operation_id="interop_import_programme", summary="Import a codebook into the programme codebook")
def import_programme(request, programme_id: int, file: File[UploadedFile], dry_run: Form[bool] = True):
    """Coordinators only; a .qdc or Taguette's codebook CSV."""
    programme = get_programme_for_user(request.auth, programme_id)
    check_size(file.size or 0)
    report = qda_import(actor=request.auth, programme=programme, content=file.read(), filename=file.name or "",
                        dry_run=dry_run)
    return report.as_dict()
