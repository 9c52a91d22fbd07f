"""Imports in the JSON API (read only), mounted at /api/v1/imports/.

``/imports/jobs`` lists the import jobs of the partnerships she may import into (their mentors and researchers)
with their status and progress, so that a script can follow an import started on the web or with
``ovoz import``; ``/imports/jobs/{id}`` adds the problems found; ``/imports/instruments`` lists the survey
instruments and their versions. Everyone else gets an empty list or 404.
"""

import datetime

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut
from ovoz.imports import access, runner
from ovoz.imports.models import ImportJob

router = Router(tags=["imports"])
ERRORS = {401: ErrorOut, 404: ErrorOut}


class ProgressOut(Schema):
    phase: str = Field(description="checking or importing while it runs; empty otherwise")
    done: int
    total: int
    percent: int


class JobOut(Schema):
    id: int
    partnership_id: int
    kind: str = Field(description="submissions, participants or incidents")
    status: str = Field(description="queued, checking, checked, importing, done or failed")
    file_name: str
    instrument_id: int | None
    instrument_version: int | None
    mapping_id: int | None
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    progress: ProgressOut
    counts: dict = Field(description="What the dry run would create, or what the import created, per kind")
    problem_count: int
    error_count: int = Field(description="Problems that stop the import (the others are warnings)")
    error: str = Field(description="Why the file could not be read or imported, if so")

    @staticmethod
    def resolve_file_name(obj) -> str:
        return obj.original_name

    @staticmethod
    def resolve_instrument_id(obj):
        return obj.instrument_version.instrument_id if obj.instrument_version_id else None

    @staticmethod
    def resolve_instrument_version(obj):
        return obj.instrument_version.number if obj.instrument_version_id else None

    @staticmethod
    def resolve_progress(obj) -> dict:
        phase, done, total = obj.phase, obj.done, obj.total
        live = runner.live_progress(obj.pk) if obj.is_running else None
        if live and live[2]:
            phase, done, total = live
        percent = 100 if obj.status in ("checked", "done") else int(100 * done / total) if total else 0
        return {"phase": phase, "done": done, "total": total, "percent": percent}


class ProblemOut(Schema):
    row: int | None = Field(description="The row of the table, or the submission's position in a JSON export")
    submission: str = Field(description="The submission's UUID or the table's row key")
    field: str
    message: str
    level: str = Field(description="error (stops the import) or warning")


class JobDetailOut(JobOut):
    problems: list[ProblemOut] = Field(description="The first 2,000 problems, errors first")


class VersionOut(Schema):
    id: int
    number: int
    form_version: str
    languages: list[str]
    uploaded_at: datetime.datetime


class InstrumentOut(Schema):
    id: int
    partnership_id: int
    form_id: str
    title: str
    versions: list[VersionOut]

    @staticmethod
    def resolve_versions(obj):
        return sorted(obj.versions.all(), key=lambda v: -v.number)


@router.get("/jobs", response={200: list[JobOut], 400: ErrorOut, 401: ErrorOut}, operation_id="import_jobs",
            summary="List import jobs")
@paginate(Page)
def job_list(
    request,
    partnership_id: int | None = Query(None, description="Only this partnership's"),
    status: str | None = Query(None, description="queued, checking, checked, importing, done or failed"),
    kind: str | None = Query(None, description="submissions, participants or incidents"),
):
    """Newest first: the import jobs of the partnerships whose evidence she may edit."""
    qs = access.import_jobs_visible_to(request.auth).select_related("instrument_version")
    if partnership_id is not None:
        qs = qs.filter(partnership_id=partnership_id)
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-created_at", "-pk")


@router.get("/jobs/{int:job_id}", response={200: JobDetailOut, **ERRORS}, operation_id="import_job",
            summary="One import job, with its problems")
def job_detail(request, job_id: int):
    job = access.get_import_job_for_user(request.auth, job_id)
    return ImportJob.objects.select_related("instrument_version").get(pk=job.pk)


@router.get("/instruments", response={200: list[InstrumentOut], 400: ErrorOut, 401: ErrorOut},
            operation_id="import_instruments", summary="List survey instruments")
@paginate(Page)
def instrument_list(request, partnership_id: int | None = Query(None, description="Only this partnership's")):
    """Survey instruments (XLSForms) with their versions, newest version first."""
    qs = access.instruments_visible_to(request.auth).prefetch_related("versions")
    if partnership_id is not None:
        qs = qs.filter(partnership_id=partnership_id)
    return qs.order_by("partnership_id", "title", "pk")
