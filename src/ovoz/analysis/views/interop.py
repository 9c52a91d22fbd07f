"""REFI-QDA and Taguette interop pages: export buttons, and import as upload → dry-run report → confirm.

Exports are downloads made by the same service as the API and ``ovoz qda export`` (audited). An uploaded file
waits for confirmation in the encrypted file storage under a random name; the session keeps only that name
and what it is for, and the file is removed when the import is confirmed or replaced by another upload.
"""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.analysis.services.interop import SOURCE_KINDS, codebook_export, project_export, qda_import
from ovoz.analysis.views.interop_access import (
    partnership_for_export,
    partnership_for_import,
    programme_for_codebook,
    programme_for_coordinator,
    targets_for,
)
from ovoz.evidence.models import Source
from ovoz.imports.views.uploads import too_large_response, upload_limited

PENDING = "analysis_interop_pending"
QDPX_TYPE = "application/vnd.refi-qda+zip"
QDC_TYPE = "application/xml"


def _download(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


def _slug(text: str) -> str:
    return slugify(text)[:60] or "ovoz"


@login_required
def interop_index(request):
    return render(request, "analysis/interop_index.html", {"targets": targets_for(request.user)})


@login_required
def export_partnership(request, pk: int):
    partnership = partnership_for_export(request.user, pk)
    content, _counts = project_export(actor=request.user, programme=partnership.programme, partnership=partnership)
    return _download(content, f"{_slug(partnership.organisation.name)}.qdpx", QDPX_TYPE)


@login_required
def export_programme(request, pk: int):
    programme = programme_for_coordinator(request.user, pk)
    content, _counts = project_export(actor=request.user, programme=programme)
    return _download(content, f"{_slug(programme.title)}-shared.qdpx", QDPX_TYPE)


@login_required
def export_codebook(request, pk: int):
    programme = programme_for_codebook(request.user, pk)
    partnership = None
    if (request.GET.get("partnership") or "").isdigit():
        partnership = partnership_for_export(request.user, int(request.GET["partnership"]))
        if partnership.programme_id != programme.pk:
            raise Http404
    content = codebook_export(actor=request.user, programme=programme, partnership=partnership)
    name = _slug(partnership.organisation.name if partnership else programme.title)
    return _download(content, f"{name}-codebook.qdc", QDC_TYPE)


# --- import -----------------------------------------------------------------------------------------------


def _forget_pending(request) -> None:
    pending = request.session.pop(PENDING, None)
    if pending:
        default_storage.delete(pending["file"])


def _target(partnership, programme) -> str:
    return f"partnership:{partnership.pk}" if partnership is not None else f"programme:{programme.pk}"


def _import_page(request, *, programme, partnership=None):
    context = {"programme": programme, "partnership": partnership, "source_kinds": [
        (k, Source.Kind(k).label) for k in SOURCE_KINDS], "source_kind": Source.Kind.INTERVIEW}
    if request.method != "POST":
        return render(request, "analysis/interop_import.html", context)
    if getattr(request, "upload_too_large", False):
        return too_large_response(request)
    upload = request.FILES.get("file")
    source_kind = request.POST.get("source_kind") or Source.Kind.INTERVIEW
    context["source_kind"] = source_kind
    if upload is None:
        context["error"] = _("Choose a file to import.")
        return render(request, "analysis/interop_import.html", context, status=400)
    content = upload.read()
    try:
        report = qda_import(actor=request.user, programme=programme, partnership=partnership, content=content,
                            filename=upload.name, source_kind=source_kind, dry_run=True)
    except ValidationError as exc:
        context["error"] = " ".join(exc.messages)
        return render(request, "analysis/interop_import.html", context, status=400)
    _forget_pending(request)
    name = default_storage.save(f"analysis/interop/{secrets.token_hex(16)}.upload", ContentFile(content))
    request.session[PENDING] = {"file": name, "filename": upload.name[:200], "target": _target(partnership, programme),
                                "source_kind": source_kind}
    return render(request, "analysis/interop_report.html", {**context, "report": report, "filename": upload.name})


def _confirm(request, *, programme, partnership=None):
    pending = request.session.get(PENDING)
    back = ("analysis:interop_import_partnership", partnership.pk) if partnership else (
        "analysis:interop_import_programme", programme.pk)
    if not pending or pending["target"] != _target(partnership, programme) or not default_storage.exists(
            pending["file"]):
        messages.error(request, _("The checked file is no longer waiting: upload it again."))
        return redirect(*back)
    with default_storage.open(pending["file"], "rb") as fh:
        content = fh.read()
    try:
        report = qda_import(actor=request.user, programme=programme, partnership=partnership, content=content,
                            filename=pending["filename"], source_kind=pending["source_kind"], dry_run=False)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(*back)
    finally:
        _forget_pending(request)
    return render(request, "analysis/interop_report.html", {
        "programme": programme, "partnership": partnership, "report": report, "filename": pending["filename"]})


@login_required
@upload_limited
def import_partnership(request, pk: int):
    partnership = partnership_for_import(request.user, pk)
    return _import_page(request, programme=partnership.programme, partnership=partnership)


@login_required
@upload_limited
def import_programme(request, pk: int):
    programme = programme_for_coordinator(request.user, pk)
    return _import_page(request, programme=programme)


@login_required
@require_POST
def confirm_partnership(request, pk: int):
    partnership = partnership_for_import(request.user, pk)
    return _confirm(request, programme=partnership.programme, partnership=partnership)


@login_required
@require_POST
def confirm_programme(request, pk: int):
    programme = programme_for_coordinator(request.user, pk)
    return _confirm(request, programme=programme)
