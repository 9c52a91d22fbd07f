"""Import jobs: the page with the dry run's counts and problems, the progress bar polled with htmx, the real run;
and the imports of our own participant and incident tables, with their templates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ovoz.imports import access, runner, tables
from ovoz.imports.files import IMPORT_MAX_BYTES, MB, ImportFileError
from ovoz.imports.forms import TableImportForm, file_content
from ovoz.imports.models import ImportJob
from ovoz.imports.services import import_job_create, import_job_fail, import_job_start
from ovoz.imports.views.uploads import too_large_response, upload_limited
from ovoz.web.pagination import paginate

COUNT_LABELS = [
    ("participants", _("Participants")),
    ("participants_linked", _("Participants already registered, linked")),
    ("consents", _("Consent records")),
    ("sources", _("Sources (survey responses)")),
    ("incidents", _("Documented violations")),
    ("acts", _("Acts")),
    ("labour_claims", _("Labour claims")),
    ("skipped", _("Skipped: imported before")),
]
TABLE_KINDS = {tables.PARTICIPANTS: ImportJob.Kind.PARTICIPANTS, tables.INCIDENTS_KIND: ImportJob.Kind.INCIDENTS}


def _job(request, pk):
    job = access.get_import_job_for_user(request.user, pk)
    if runner.is_stale(job):
        job = import_job_fail(job=job)
    live = runner.live_progress(job.pk) if job.is_running else None
    if live and live[2]:
        job.phase, job.done, job.total = live
    return job


def _counts(job):
    labels = [(str(label), job.counts.get(key, 0)) for key, label in COUNT_LABELS]
    return [(label, n) for label, n in labels if n] or labels[:5]


@login_required
def job_detail_view(request, pk: int):
    job = _job(request, pk)
    problems = paginate(request, job.problems, per_page=50)
    for problem in problems:  # let long paths wrap after their slashes on a phone
        problem["where"] = (problem.get("field") or "").replace("/", "/\u200b")
    return render(request, "imports/job_detail.html", {
        "job": job, "partnership": job.partnership, "counts": _counts(job), "problems": problems,
        "hidden_problems": max(0, job.problem_count - len(job.problems)),
    })


def _without_session_write(request) -> None:
    """Polling is not activity: it neither extends the session nor writes it. This also keeps the progress bar
    moving on SQLite, where the import's one transaction holds the only write lock until it commits."""
    request.session.save = lambda *args, **kwargs: None


@login_required
def job_progress_view(request, pk: int):
    job = _job(request, pk)
    _without_session_write(request)
    response = render(request, "imports/_progress.html", {"job": job})
    if request.htmx and not job.is_running and request.GET.get("was") == "running":
        response["HX-Refresh"] = "true"  # finished: show the counts and problems
    return response


@login_required
@require_POST
def job_run_view(request, pk: int):
    job = access.get_import_job_for_user(request.user, pk, write=True)
    try:
        job = import_job_start(actor=request.user, job=job)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        runner.start(job.pk, runner.RUN)
    return redirect("imports:job_detail", pk=job.pk)


# --- our own tables ------------------------------------------------------------------------------------------------


def _kind(kind: str) -> str:
    if kind not in TABLE_KINDS:
        raise Http404
    return TABLE_KINDS[kind]


@login_required
@upload_limited
def table_import_view(request, pk: int, kind: str):
    partnership = access.get_partnership_for_import(request.user, pk)
    job_kind = _kind(kind)
    form = TableImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if getattr(request, "upload_too_large", False):
            return too_large_response(request)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                job = import_job_create(actor=request.user, partnership=partnership, kind=job_kind,
                                        content=file_content(upload), name=upload.name)
            except (ImportFileError, ValidationError) as exc:
                form.add_error("file", exc)
            else:
                runner.start(job.pk, runner.CHECK)
                return redirect("imports:job_detail", pk=job.pk)
        status = 400
    return render(request, "imports/table_import.html", {
        "partnership": partnership, "form": form, "kind": kind, "kind_label": ImportJob.Kind(job_kind).label,
        "columns": tables.columns(kind, partnership.programme), "max_mb": IMPORT_MAX_BYTES // MB,
    }, status=status)


@login_required
def table_template_view(request, pk: int, kind: str, fmt: str):
    partnership = access.get_partnership_for_import(request.user, pk)
    _kind(kind)
    if fmt == "csv":
        response = HttpResponse(tables.template_csv(kind, partnership.programme),
                                content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        from ovoz.evidence.services.exports import XLSX_TYPE

        response = HttpResponse(tables.template_xlsx(kind, partnership.programme), content_type=XLSX_TYPE)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="ovoz-{kind}-template.{fmt}"'
    return response

