"""Importing REFI-QDA projects and codebooks and Taguette's CSVs; exporting projects and codebooks (audited).

An import runs whole inside one transaction. A dry run does exactly the same work and then rolls it back, so
what it reports is what the real run will do. Nothing is created twice: codes are recognised by GUID (or by
name under the same parent), sources by the GUID they were imported or exported with, codings by GUID or by
code and stretch, memos by target and text.

Imported sources have no participants: the report says so, because consent applies through participants and
the team should link them before the sources are analysed further.
"""

import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from ovoz.analysis.access import can_add_codes
from ovoz.analysis.interop import detect
from ovoz.analysis.interop.parsed import ParsedProject, Problem
from ovoz.analysis.interop.qdc_export import codebook_bytes
from ovoz.analysis.interop.qdc_import import read_qdc
from ovoz.analysis.interop.qdpx_export import write_qdpx
from ovoz.analysis.interop.qdpx_import import read_qdpx
from ovoz.analysis.interop.safe import InteropFileError
from ovoz.analysis.interop.taguette_csv import read_codebook_csv, read_highlights_csv
from ovoz.analysis.services.interop_import import (  # noqa: F401  (ImportReport: part of this module's interface)
    SOURCE_KINDS,
    Importer,
    ImportReport,
    import_highlights,
)
from ovoz.audit.services import audit_write
from ovoz.evidence.models import Source
from ovoz.programmes.access import can_edit_evidence

# --- the entry points -----------------------------------------------------------------------------------------


def _check_rights(actor, programme, partnership, kind) -> None:
    if partnership is None:
        if kind not in (detect.QDC, detect.TAGUETTE_CODEBOOK):
            raise ValidationError(_("Only codebooks (.qdc or Taguette's codebook CSV) can be imported into the "
                                    "programme codebook; import projects and highlights into a partnership."))
        if not can_add_codes(actor, programme):
            raise ValidationError(_("Only the programme's coordinators can import into the programme codebook."))
    elif not can_edit_evidence(actor, partnership):
        raise ValidationError(_("Only the partnership's mentors and researchers can import into it."))


def _read(kind: str, content: bytes) -> ParsedProject | list:
    if kind == detect.QDPX:
        return read_qdpx(content)
    if kind == detect.QDC:
        return read_qdc(content)
    if kind == detect.TAGUETTE_CODEBOOK:
        return read_codebook_csv(content)
    return read_highlights_csv(content)


def qda_import(*, actor, content: bytes, programme, partnership=None, filename: str = "", dry_run: bool = True,
               source_kind: str = Source.Kind.INTERVIEW) -> ImportReport:
    """Import a .qdpx, .qdc or Taguette CSV into a partnership (or, for codebooks, the programme codebook)."""
    kind = detect.file_kind(content, filename)
    if kind is None:
        raise InteropFileError(_("This file is not a REFI-QDA project (.qdpx) or codebook (.qdc), nor a Taguette "
                                 "codebook or highlights CSV."))
    if partnership is not None and partnership.programme_id != programme.pk:
        raise ValidationError(_("This partnership is not in the programme."))
    if source_kind not in SOURCE_KINDS:
        raise ValidationError(_("Choose what kind of sources the imported texts are."))
    _check_rights(actor, programme, partnership, kind)
    parsed = _read(kind, content)
    report = ImportReport(kind=kind, dry_run=dry_run)
    with transaction.atomic():
        importer = Importer(actor=actor, programme=programme, partnership=partnership, report=report,
                             source_kind=source_kind)
        if kind == detect.TAGUETTE_HIGHLIGHTS:
            report.origin = "Taguette (highlights CSV)"
            import_highlights(importer, parsed)
        else:
            report.origin = parsed.origin
            report.problems += parsed.problems
            report.warnings += parsed.warnings
            importer.map_codes(parsed.codes)
            if kind == detect.QDPX:
                importer.import_sources(parsed)
                importer.import_project_notes(parsed)
                if report.sources_created:
                    report.warnings.append(Problem(_("Participants"), _(
                        "The new sources have no participants linked. Link them on each source's page: consent to "
                        "analysis applies through them.")))
        audit_write(
            actor=actor, action="interop.import", obj=partnership or programme, programme=programme,
            partnership=partnership, object_repr=(filename or kind)[:200],
            changes={"kind": kind, "origin": report.origin[:100], "codes": len(report.codes_created),
                     "sources": len(report.sources_created), "codings": report.codings_created,
                     "memos": report.memos_created, "problems": len(report.problems)},
        )
        if dry_run:
            transaction.set_rollback(True)
    return report


# --- exports --------------------------------------------------------------------------------------------------


def project_export(*, actor, programme, partnership=None, out=None) -> tuple[bytes | None, dict]:
    """A .qdpx of a partnership's project (its team), or of what the programme's partnerships share
    (coordinators). Written to ``out`` when given, else returned as bytes; audited with its counts."""
    buffer = out if out is not None else io.BytesIO()
    counts = write_qdpx(buffer, user=actor, programme=programme, partnership=partnership)
    audit_write(actor=actor, action="interop.export", obj=partnership or programme, programme=programme,
                partnership=partnership, changes={"format": "qdpx", **counts})
    return (None if out is not None else buffer.getvalue()), counts


def codebook_export(*, actor, programme, partnership=None) -> bytes:
    """The programme codebook as .qdc, with a partnership's own codes when it is given (its team only)."""
    from ovoz.analysis.access import codes_visible_to

    codes = codes_visible_to(actor).filter(programme=programme, merged_into__isnull=True)
    own = Q(partnership=partnership) if partnership is not None else Q(pk__in=[])
    codes = codes.filter(Q(partnership__isnull=True) | own).order_by("order", "name_en", "pk")
    content = codebook_bytes(codes)
    audit_write(actor=actor, action="interop.export", obj=partnership or programme, programme=programme,
                partnership=partnership, changes={"format": "qdc", "codes": len(codes)})
    return content

