"""Imports home, survey instruments (XLSForms and their versions) and mappings."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ovoz.imports import access, runner
from ovoz.imports.files import IMPORT_MAX_BYTES, MB, ImportFileError
from ovoz.imports.forms import MappingForm, SubmissionsImportForm, XLSFormUploadForm, file_content
from ovoz.imports.mapping import INCIDENTS, PARTICIPANT, SOURCE, suggest
from ovoz.imports.models import ImportJob
from ovoz.imports.services import import_job_create, instrument_upload, mapping_create, mapping_update
from ovoz.imports.views.uploads import too_large_response, upload_limited
from ovoz.imports.xlsform import XLSFormError, describe_error, label_in
from ovoz.web.pagination import paginate


@login_required
def index_view(request):
    partnerships = list(access.partnerships_importable_by(request.user).order_by("country", "organisation__name"))
    if len(partnerships) == 1:
        return redirect("imports:partnership", pk=partnerships[0].pk)
    return render(request, "imports/index.html", {"partnerships": partnerships})


@login_required
def partnership_view(request, pk: int):
    partnership = access.get_partnership_for_import(request.user, pk)
    instruments = (
        access.instruments_visible_to(request.user).filter(partnership=partnership)
        .annotate(n_versions=Count("versions", distinct=True), last_upload=Max("versions__uploaded_at"),
                  n_mappings=Count("mappings", distinct=True))
        .order_by("title", "pk")
    )
    jobs = access.import_jobs_visible_to(request.user).filter(partnership=partnership).order_by("-created_at", "-pk")
    return render(request, "imports/partnership.html", {
        "partnership": partnership, "instruments": instruments, "page": paginate(request, jobs, per_page=20),
        "max_mb": IMPORT_MAX_BYTES // MB,
    })


# --- instruments ---------------------------------------------------------------------------------------------------


@login_required
@upload_limited
def instrument_upload_view(request, pk: int):
    partnership = access.get_partnership_for_import(request.user, pk)
    form = XLSFormUploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if getattr(request, "upload_too_large", False):
            return too_large_response(request)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                version, created = instrument_upload(actor=request.user, partnership=partnership,
                                                     content=file_content(upload), name=upload.name)
            except XLSFormError as exc:
                form.add_error("file", describe_error(exc))
            else:
                if created:
                    messages.success(request, _("The form is valid and kept as version %(n)s.") % {"n": version.number})
                else:
                    messages.info(request, _("This file is the same as version %(n)s: nothing new was kept.")
                                  % {"n": version.number})
                return redirect("imports:instrument_detail", pk=version.instrument_id)
        status = 400
    return render(request, "imports/instrument_upload.html", {"partnership": partnership, "form": form},
                  status=status)


def _tree(nodes, language: str, default: str) -> list[dict]:
    out = []
    for node in nodes:
        item = {**node, "text": label_in(node.get("label", {}), language, default)}
        if node.get("children"):
            item["children"] = _tree(node["children"], language, default)
        if node.get("choices"):
            item["choices"] = [{**c, "text": label_in(c.get("label", {}), language, default)} for c in node["choices"]]
        out.append(item)
    return out


@login_required
def instrument_detail_view(request, pk: int):
    instrument = access.get_instrument_for_user(request.user, pk)
    versions = list(instrument.versions.select_related("uploaded_by").order_by("-number"))
    chosen = next((v for v in versions if str(v.number) == request.GET.get("version")), versions[0] if versions
                  else None)
    structure = chosen.structure if chosen else {}
    languages = structure.get("languages", [])
    language = request.GET.get("lang") if request.GET.get("lang") in languages else (languages[0] if languages else "")
    tree = _tree(structure.get("children", []), language, structure.get("default_language", ""))
    return render(request, "imports/instrument_detail.html", {
        "instrument": instrument, "partnership": instrument.partnership, "versions": versions, "chosen": chosen,
        "tree": tree, "languages": languages, "language": language,
        "mappings": instrument.mappings.order_by("name", "pk"),
    })


@login_required
def version_download_view(request, pk: int):
    version = access.get_instrument_version_for_user(request.user, pk)
    name = version.original_name or f"{version.instrument.form_id}-v{version.number}.xlsx"
    return FileResponse(version.xlsform.open("rb"), as_attachment=True, filename=name)


# --- mappings ------------------------------------------------------------------------------------------------------


def _targets():
    return [(section, [(name, str(spec[1])) for name, spec in targets.items()])
            for section, targets in (("participant", PARTICIPANT), ("source", SOURCE), ("incidents", INCIDENTS))]


def _mapping_page(request, form, *, instrument, mapping=None, status=200):
    return render(request, "imports/mapping_form.html", {
        "form": form, "instrument": instrument, "partnership": instrument.partnership, "mapping": mapping,
        "targets": _targets(),
    }, status=status)


@login_required
def mapping_create_view(request, pk: int):
    instrument = access.get_instrument_for_user(request.user, pk, write=True)
    if request.method != "POST":
        latest = instrument.latest
        spec = suggest(latest.structure) if latest else {}
        form = MappingForm(instrument=instrument, initial={"name": instrument.title, "spec": MappingForm.as_text(spec)})
        return _mapping_page(request, form, instrument=instrument)
    form = MappingForm(request.POST, instrument=instrument)
    if form.is_valid():
        try:
            mapping = mapping_create(actor=request.user, partnership=instrument.partnership, instrument=instrument,
                                     name=form.cleaned_data["name"], spec=form.cleaned_data["spec"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The mapping “%(name)s” is saved.") % {"name": mapping.name})
            return redirect("imports:instrument_detail", pk=instrument.pk)
    return _mapping_page(request, form, instrument=instrument, status=400)


@login_required
def mapping_edit_view(request, pk: int):
    mapping = access.get_mapping_for_user(request.user, pk, write=True)
    instrument = mapping.instrument
    if instrument is None:  # mappings made from the command line have no form page
        return redirect("imports:partnership", pk=mapping.partnership_id)
    if request.method != "POST":
        form = MappingForm(instrument=instrument, initial={"name": mapping.name,
                                                           "spec": MappingForm.as_text(mapping.spec)})
        return _mapping_page(request, form, instrument=instrument, mapping=mapping)
    form = MappingForm(request.POST, instrument=instrument)
    if form.is_valid():
        try:
            mapping_update(actor=request.user, mapping=mapping, name=form.cleaned_data["name"],
                           spec=form.cleaned_data["spec"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The mapping is saved."))
            return redirect("imports:mapping_edit", pk=mapping.pk)
    return _mapping_page(request, form, instrument=instrument, mapping=mapping, status=400)


@login_required
def mapping_download_view(request, pk: int):
    mapping = access.get_mapping_for_user(request.user, pk)
    response = HttpResponse(json.dumps(mapping.spec, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mapping-{mapping.pk}.json"'
    return response


# --- importing submissions -----------------------------------------------------------------------------------------


@login_required
@upload_limited
def submissions_import_view(request, pk: int):
    instrument = access.get_instrument_for_user(request.user, pk, write=True)
    form = SubmissionsImportForm(request.POST or None, request.FILES or None, instrument=instrument)
    status = 200
    if request.method == "POST":
        if getattr(request, "upload_too_large", False):
            return too_large_response(request)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                job = import_job_create(
                    actor=request.user, partnership=instrument.partnership, kind=ImportJob.Kind.SUBMISSIONS,
                    content=file_content(upload), name=upload.name, mapping=form.cleaned_data["mapping"],
                    version=form.cleaned_data["version"],
                )
            except (ImportFileError, ValidationError) as exc:
                form.add_error("file", exc)
            else:
                runner.start(job.pk, runner.CHECK)
                return redirect("imports:job_detail", pk=job.pk)
        status = 400
    return render(request, "imports/submissions_import.html", {
        "instrument": instrument, "partnership": instrument.partnership, "form": form,
        "has_mapping": instrument.mappings.exists(),
    }, status=status)
