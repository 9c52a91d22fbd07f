"""Exporting participants as CSV or XLSX, for one purpose, and keeping a record of every export.

Who is in an export is decided here, not by the caller: the participants the actor may see
(``evidence.access.participants_visible_to``) who allow the chosen purpose. Names and contacts go in only
when asked for by one of the partnership's researchers (the view asks for her password first); every export
writes an ``ExportRecord`` and an audit row, so that a later withdrawal can be followed up.
"""

import csv
import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write
from ovoz.evidence.access import participants_visible_to
from ovoz.evidence.models import AgeBand, AttributeDefinition, ConsentRecord, ConsentScope, ExportRecord, Participant
from ovoz.programmes.access import can_see_identities

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """The cell as text a spreadsheet shows and never evaluates; numbers and booleans pass unchanged."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _term(term, language):
    return term.label(language) if term is not None else ""


def export_rows(participants: list[Participant], *, definitions, identity: bool, language: str) -> list[list]:
    """Header and rows, labelled in ``language``."""
    with translation.override(language):
        header = [_("Code"), _("Partnership"), _("Migrant status"), _("Age band"), _("Region of origin"),
                  _("Destination"), _("Work sector"), _("Household role")]
        header += [d.label for d in definitions]
        header += [str(ConsentScope(s).label) for s in ConsentScope.values] + [_("Withdrew entirely on")]
        if identity:
            header += [_("Name"), _("Contacts")]
        rows = [header]
        ages = dict(AgeBand.choices)
        for p in participants:
            row = [
                p.code, p.partnership.organisation.name, _term(p.migrant_status, language),
                str(ages.get(p.age_band, "")) if p.age_band else "", _term(p.region_of_origin, language),
                p.destination, _term(p.work_sector, language), _term(p.household_role, language),
            ]
            row += [p.attributes.get(d.key) for d in definitions]
            row += [p.allows(s) for s in ConsentScope.values]
            row += [p.withdrawn_at.isoformat() if p.withdrawn_at else ""]
            if identity:
                row += [p.name, p.contacts]
            rows.append([safe_cell(v) for v in row])
    return rows


def render_csv(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM lets spreadsheet programs read Cyrillic right


def render_xlsx(rows, *, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    # Nothing is a formula, even if a value slipped past safe_cell.
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def exportable(actor, partnership, purpose: str) -> QuerySet[Participant]:
    """The participants of ``partnership`` the actor may see who allow ``purpose``."""
    return (
        participants_visible_to(actor, scope=ConsentScope(purpose).value)
        .filter(partnership=partnership)
        .select_related("work_sector", "household_role")
        .order_by("code", "pk")
    )


@transaction.atomic
def participants_export(
    *, actor, partnership, purpose: str, fmt: str, include_identity: bool = False, language: str = "en",
    queryset: QuerySet[Participant] | None = None, filters: dict | None = None,
) -> tuple[ExportRecord, bytes, str, str]:
    """Build the file and record the export. Returns (record, content, content type, file name).

    ``queryset`` may narrow the selection (the register's filters); it never widens it.
    """
    if purpose not in ConsentScope.values:
        raise ValidationError(_("Choose the purpose of the export."))
    if fmt not in ExportRecord.Format.values:
        raise ValidationError(_("Choose CSV or XLSX."))
    qs = exportable(actor, partnership, purpose)
    if queryset is not None:
        qs = qs.filter(pk__in=queryset.values("pk"))
    participants = list(qs if include_identity else qs.defer("name", "contacts"))
    if include_identity and not can_see_identities(actor, partnership):
        raise ValidationError(_("Only this partnership's researchers may export names and contacts."))
    if not participants:
        raise ValidationError(_("Nobody here allows this purpose: there is nothing to export."))
    definitions = list(AttributeDefinition.objects.filter(programme_id=partnership.programme_id))
    rows = export_rows(participants, definitions=definitions, identity=include_identity, language=language)
    record = ExportRecord.objects.create(
        partnership=partnership, actor=actor if getattr(actor, "pk", None) else None,
        actor_label=getattr(actor, "username", "") or "system", purpose=purpose, format=fmt,
        participant_count=len(participants), includes_identity=include_identity, language=language,
        filters=filters or {},
    )
    record.participants.set(participants)
    audit_write(
        actor=actor, action="participant.export", obj=record, partnership=partnership,
        changes={
            "purpose": {"old": None, "new": purpose}, "format": {"old": None, "new": fmt},
            "participants": {"old": None, "new": [p.pk for p in participants]},
            "identities": {"old": None, "new": include_identity},
        },
    )
    stamp = timezone.localtime(record.created_at).strftime("%Y%m%d-%H%M")
    name = f"participants-{partnership.pk}-{purpose}-{stamp}.{fmt}"
    if fmt == ExportRecord.Format.XLSX:
        with translation.override(language):
            title = _("Participants")
        return record, render_xlsx(rows, title=title), XLSX_TYPE, name
    return record, render_csv(rows), "text/csv; charset=utf-8", name


def exports_to_follow_up(participant: Participant) -> list[tuple[ConsentRecord, list[ExportRecord]]]:
    """For each withdrawal she made, the exports made before it was recorded that included her."""
    withdrawals = [
        r for r in participant.consents.all()
        if r.kind in (ConsentRecord.Kind.WITHDRAWN, ConsentRecord.Kind.WITHDRAWN_SCOPE)
    ]
    if not withdrawals:
        return []
    exports = list(participant.exports.select_related("actor").order_by("-created_at"))
    return [(w, [e for e in exports if e.created_at < w.created_at]) for w in withdrawals]
