"""Every write of the imports app: instruments and their versions, mappings, and import jobs.

An import job is checked first (the dry run: counts and problems, nothing written). The real run checks
again and writes the whole file in one transaction, or nothing: a single bad row stops it. Each job writes one
audit row when checked (``import.check``) and one when imported (``import.run``), with its counts; the records
it creates get the audit rows of their own services (``ovoz.imports.write``).
"""

import hashlib
import json
import os
import re
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write
from ovoz.imports import files, tables, xlsform
from ovoz.imports.checker import check_submissions
from ovoz.imports.existing import Existing
from ovoz.imports.mapping import MappingError, check_against, parse
from ovoz.imports.models import ImportJob, Instrument, InstrumentVersion, Mapping
from ovoz.imports.plan import MAX_PROBLEMS_KEPT, Plan
from ovoz.programmes.models import Partnership


def stored_name(name: str) -> str:
    """A random name on disk: the uploaded file's own name (which may say whom it is about) stays in the row."""
    extension = os.path.splitext(name or "")[1].lower()
    return uuid.uuid4().hex + (extension if re.fullmatch(r"\.[a-z0-9]{1,5}", extension) else "")


# --- instruments -------------------------------------------------------------------------------------------------


@transaction.atomic
def instrument_upload(*, actor, partnership, content: bytes, name: str, is_fictional: bool = False
                      ) -> tuple[InstrumentVersion, bool]:
    """Validate an XLSForm and keep it as the next version of its instrument (found by ``form_id``).

    Returns (version, created); the same file uploaded again is not a new version. Raises ``XLSFormError``.
    """
    structure, warnings = xlsform.read_xlsform(content, name=name)
    digest = hashlib.sha256(content).hexdigest()
    instrument = Instrument.objects.select_for_update().filter(partnership=partnership,
                                                               form_id=structure["form_id"]).first()
    created_instrument = instrument is None
    if instrument is None:
        instrument = Instrument.objects.create(
            partnership=partnership, form_id=structure["form_id"], title=structure["title"][:200],
            created_by=actor if getattr(actor, "pk", None) else None, is_fictional=is_fictional,
        )
    latest = instrument.versions.order_by("-number").first()
    if latest is not None and latest.sha256 == digest:
        return latest, False
    version = InstrumentVersion(
        instrument=instrument, number=(latest.number + 1) if latest else 1,
        form_version=structure["version"][:100], original_name=name[:255], sha256=digest, structure=structure,
        languages=structure["languages"], warnings=warnings[:50],
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    version.xlsform.save(stored_name(name), ContentFile(content), save=False)
    version.save()
    if instrument.title != structure["title"][:200]:
        instrument.title = structure["title"][:200]
        instrument.save(update_fields=["title"])
    audit_write(
        actor=actor, action="instrument.create" if created_instrument else "instrument.version_add", obj=instrument,
        partnership=partnership,
        changes={"version": {"old": latest.number if latest else None, "new": version.number},
                 "form_version": {"old": latest.form_version if latest else None, "new": version.form_version}},
    )
    return version, True


# --- mappings ------------------------------------------------------------------------------------------------------


def validate_spec(spec, instrument: Instrument | None = None) -> dict:
    """The mapping decoded and checked (also against the instrument's latest form); raise ``ValidationError``."""
    if isinstance(spec, str):
        try:
            spec = json.loads(spec)
        except json.JSONDecodeError as exc:
            raise ValidationError(_("The mapping is not valid JSON (line %(line)s, column %(column)s: %(error)s).")
                                  % {"line": exc.lineno, "column": exc.colno, "error": exc.msg}) from None
    try:
        mapping = parse(spec)
    except MappingError as exc:
        raise ValidationError(exc.messages) from None
    latest = instrument.latest if instrument is not None else None
    if latest is not None:
        errors = check_against(mapping, latest.structure)
        if errors:
            raise ValidationError(errors)
    return spec


@transaction.atomic
def mapping_create(*, actor, partnership, name: str, spec, instrument: Instrument | None = None) -> Mapping:
    if instrument is not None and instrument.partnership_id != partnership.pk:
        raise ValidationError(_("The instrument belongs to another partnership."))
    spec = validate_spec(spec, instrument)
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("Give the mapping a name."))
    mapping = Mapping.objects.create(partnership=partnership, instrument=instrument, name=name[:120], spec=spec,
                                     created_by=actor if getattr(actor, "pk", None) else None)
    audit_write(actor=actor, action="mapping.create", obj=mapping, partnership=partnership,
                changes={"name": {"old": None, "new": mapping.name}})
    return mapping


@transaction.atomic
def mapping_update(*, actor, mapping: Mapping, name: str, spec) -> Mapping:
    spec = validate_spec(spec, mapping.instrument)
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("Give the mapping a name."))
    changes = {}
    if name != mapping.name:
        changes["name"] = {"old": mapping.name, "new": name}
    if spec != mapping.spec:
        changes["spec"] = {"old": "…", "new": _("changed")}
    mapping.name, mapping.spec, mapping.updated_at = name[:120], spec, timezone.now()
    mapping.save(update_fields=["name", "spec", "updated_at"])
    if changes:
        audit_write(actor=actor, action="mapping.update", obj=mapping, partnership=mapping.partnership,
                    changes=changes)
    return mapping


# --- jobs -----------------------------------------------------------------------------------------------------------


@transaction.atomic
def import_job_create(*, actor, partnership, kind: str, content: bytes, name: str, mapping: Mapping | None = None,
                      spec: dict | None = None, version: InstrumentVersion | None = None,
                      is_fictional: bool = False) -> ImportJob:
    """Keep the uploaded file (encrypted) for the job; the check starts separately (``ovoz.imports.runner``).

    Submissions need a saved ``mapping`` or, from the command line, a ``spec`` read from a JSON file.
    """
    files.check_size(len(content))
    if kind not in ImportJob.Kind.values:
        raise ValidationError(_("Unknown kind of import."))
    if kind == ImportJob.Kind.SUBMISSIONS:
        if mapping is None and spec is None:
            raise ValidationError(_("Choose the mapping of the answers."))
        if spec is not None:
            spec = validate_spec(spec, version.instrument if version else None)
        for owned in (mapping, version.instrument if version else None):
            if owned is not None and owned.partnership_id != partnership.pk:
                raise ValidationError(_("The mapping or the form belongs to another partnership."))
    if not content:
        raise files.ImportFileError(_("The file is empty."))
    job = ImportJob(
        partnership=partnership, kind=kind, mapping=mapping, instrument_version=version,
        spec=spec if spec is not None else (mapping.spec if mapping else {}),
        original_name=(name or "upload")[:255], size=len(content),
        language=(translation.get_language() or "en")[:8], is_fictional=is_fictional,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    job.file.save(stored_name(name), ContentFile(content), save=False)
    job.save()
    return job


def _save(job: ImportJob, **values) -> None:
    values["updated_at"] = timezone.now()
    for key, value in values.items():
        setattr(job, key, value)
    ImportJob.objects.filter(pk=job.pk).update(**values)


def _plan(job: ImportJob, progress=None) -> Plan:
    """Read the job's file and check it (raises ``ImportFileError`` or ``ValidationError`` when unreadable)."""
    size = job.size or 0
    files.check_size(size)
    with job.file.open("rb") as fh:
        content = fh.read()
    partnership = job.partnership
    if job.kind == ImportJob.Kind.SUBMISSIONS:
        try:
            mapping = parse(job.spec)
        except MappingError as exc:
            raise ValidationError(exc.messages) from None
        data = files.read_submissions(content)
        version = job.instrument_version
        structure = version.structure if version else None
        title = version.instrument.title if version else ""
        return check_submissions(partnership=partnership, mapping=mapping, file=data, structure=structure,
                                 title=title, progress=progress)
    data, mapping = tables.read(job.kind, content, partnership.programme)
    return check_submissions(partnership=partnership, mapping=mapping, file=data, table=job.kind, progress=progress)


def _problems(plan: Plan) -> list[dict]:
    ordered = sorted(plan.problems, key=lambda p: (p.level != "error", p.row or 0))
    return [p.as_dict() for p in ordered[:MAX_PROBLEMS_KEPT]]


def _record(job: ImportJob, plan: Plan, status: str, error: str = "") -> None:
    _save(job, status=status, counts=plan.counts(), problems=_problems(plan), problem_count=len(plan.problems),
          error_count=len(plan.errors), error=error, done=job.total or plan.rows, total=job.total or plan.rows,
          phase="", finished_at=timezone.now() if status != ImportJob.Status.CHECKED else None)


def _audit_job(actor, job: ImportJob, action: str) -> None:
    audit_write(actor=actor, action=action, obj=job, partnership=job.partnership, changes={
        "kind": {"old": None, "new": job.kind},
        "file": {"old": None, "new": job.original_name},
        "status": {"old": None, "new": job.status},
        "counts": {"old": None, "new": job.counts},
        "problems": {"old": None, "new": job.error_count},
    })


def _failed(job: ImportJob, message: str, *, actor, action: str) -> ImportJob:
    with transaction.atomic():
        _save(job, status=ImportJob.Status.FAILED, error=message, phase="", finished_at=timezone.now())
        _audit_job(actor, job, action)
    return job


def _unreadable(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def import_job_check(*, job: ImportJob, progress=None) -> ImportJob:
    """The dry run: counts per kind and every problem, stored on the job. Nothing else is written."""
    actor = job.created_by
    _save(job, status=ImportJob.Status.CHECKING, phase="checking", done=0)
    try:
        plan = _plan(job, progress)
    except ValidationError as exc:
        _failed(job, _unreadable(exc), actor=actor, action="import.check")
        _forget_file(job)
        return job
    with transaction.atomic():
        _record(job, plan, ImportJob.Status.CHECKED)
        _audit_job(actor, job, "import.check")
    return job


@transaction.atomic
def import_job_start(*, actor, job: ImportJob) -> ImportJob:
    """Mark a checked job as being imported (once: a second click finds it no longer checked)."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if not job.can_run:
        raise ValidationError(_("This import cannot be started: it is not checked, has problems, or was imported "
                                "already."))
    _save(job, status=ImportJob.Status.IMPORTING, phase="checking", done=0, run_by=actor, dry_run_only=False)
    return job


def _overlap(plan: Plan, partnership) -> bool:
    existing = Existing(partnership)
    keys = [s.external_id for s in plan.sources] + [i.external_id.split("#", 1)[0] for i in plan.incidents]
    keys += [p.external_id for p in plan.participants if p.existing_id is None]
    return any(existing.has_submission(k) for k in keys)


def import_job_run(*, actor, job: ImportJob, progress=None) -> ImportJob:
    """Check the file again and write all of it in one transaction, or nothing (the job says why)."""
    try:
        _run(actor, job, progress)
    finally:
        _forget_file(job)
    return job


def _run(actor, job: ImportJob, progress) -> None:
    try:
        plan = _plan(job, progress)
    except ValidationError as exc:
        _failed(job, _unreadable(exc), actor=actor, action="import.run")
        return
    if plan.errors:
        with transaction.atomic():
            _record(job, plan, ImportJob.Status.FAILED,
                    _("The file has problems (listed below): nothing was imported."))
            _audit_job(actor, job, "import.run")
        return
    try:
        with transaction.atomic():
            partnership = Partnership.objects.select_for_update().select_related("programme", "organisation").get(
                pk=job.partnership_id)
            if _overlap(plan, partnership):  # another import took some of these submissions meanwhile
                plan = _plan(job, progress)
            if plan.errors:
                raise ValidationError(_("The file has problems (listed below): nothing was imported."))
            write_plan(actor=actor, partnership=partnership, plan=plan, is_fictional=job.is_fictional,
                       progress=progress)
            _record(job, plan, ImportJob.Status.DONE)
            _audit_job(actor, job, "import.run")
    except ValidationError as exc:
        with transaction.atomic():
            _record(job, plan, ImportJob.Status.FAILED, _unreadable(exc))
            _audit_job(actor, job, "import.run")


def write_plan(**kwargs) -> dict:
    """The writer, imported when an import really runs (it needs the evidence services; a check does not)."""
    from ovoz.imports.write import write_plan as write

    return write(**kwargs)


def _forget_file(job: ImportJob) -> None:
    """Once imported, the uploaded copy of the testimonies is not kept: the evidence is in Ovoz now."""
    if job.file:
        storage, name = job.file.storage, job.file.name
        _save(job, file="")
        storage.delete(name)


def import_job_fail(*, job: ImportJob, message: str = "") -> ImportJob:
    """A job that stopped on an unexpected error, or whose server stopped while it ran: its transaction never
    committed, so nothing was written."""
    action = "import.run" if job.run_by_id else "import.check"
    _failed(job, message or _("The import was interrupted (the server restarted); nothing was written. Upload the "
                              "file again."), actor=job.run_by or job.created_by, action=action)
    _forget_file(job)
    return job
