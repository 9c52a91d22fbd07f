"""Our own CSV and XLSX tables of participants and of documented violations: columns, templates, reading.

A table is read as if each row were a survey submission and its columns were mapped one to one, so that
tables and survey exports share one dry run and one writer. ``row_key`` is the row's own identifier (any text,
unique in the file): it is kept in ``external_id``, so importing the same table again skips the rows already in.
"""

import csv
import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ovoz.evidence.models import AttributeDefinition
from ovoz.imports.files import CSV, XLSX, ImportFileError, Submission, SubmissionFile, Table, read_table
from ovoz.imports.mapping import INCIDENTS, PARTICIPANT, parse

PARTICIPANTS, INCIDENTS_KIND = "participants", "incidents"
ROW_KEY = "row_key"
ROW_KEY_HELP = gettext_lazy("Your own identifier of the row, unique in the file (e.g. 1, 2, 3…); a re-import "
                            "skips the rows already imported")

PARTICIPANT_COLUMNS = [
    (ROW_KEY, True, ROW_KEY_HELP),
    ("code", False, PARTICIPANT["code"][1]),
    ("migrant_status", False, PARTICIPANT["migrant_status"][1]),
    ("age_band", False, PARTICIPANT["age_band"][1]),
    ("region_of_origin", False, PARTICIPANT["region_of_origin"][1]),
    ("destination", False, PARTICIPANT["destination"][1]),
    ("work_sector", False, PARTICIPANT["work_sector"][1]),
    ("household_role", False, PARTICIPANT["household_role"][1]),
    ("consent_scopes", False, gettext_lazy("Consent scopes, separated by spaces: analysis quotes statistics "
                                           "coordinators un_authorities attribution")),
    ("consent_date", False, PARTICIPANT["consent_date"][1]),
    ("consent_method", False, PARTICIPANT["consent_method"][1]),
    ("consent_language", False, PARTICIPANT["consent_language"][1]),
]
INCIDENT_TARGETS = [
    "title", "act_types", "perpetrator_type", "perpetrator_description", "date", "date_precision", "country",
    "region", "city", "status", "narrative", "victims", "employer_type", "contract", "wages_owed", "currency",
    "wages_period", "hours_per_week", "documents_confiscated", "documents_confiscated_by", "recovered_amount",
]
INCIDENT_COLUMNS = [(ROW_KEY, True, ROW_KEY_HELP)] + [
    (name, name == "act_types", INCIDENTS[name][1]) for name in INCIDENT_TARGETS
]
ATTRIBUTE_PREFIX = "attr:"


def columns(kind: str, programme) -> list[tuple[str, bool, str]]:
    if kind == INCIDENTS_KIND:
        return INCIDENT_COLUMNS
    extra = [(f"{ATTRIBUTE_PREFIX}{d.key}", False, d.label)
             for d in AttributeDefinition.objects.filter(programme=programme)]
    return PARTICIPANT_COLUMNS + extra


def mapping_for(kind: str, headers: list[str]):
    """The one-to-one mapping of a table's columns."""
    present = set(headers)
    if kind == PARTICIPANTS:
        section = {name: name for name, _req, _help in PARTICIPANT_COLUMNS if name in present and name != ROW_KEY}
        section["external_id"] = ROW_KEY
        attributes = {h[len(ATTRIBUTE_PREFIX):]: h for h in headers if h.startswith(ATTRIBUTE_PREFIX)}
        if attributes:
            section["attributes"] = attributes
        return parse({"submission_id": ROW_KEY, "participant": section})
    section = {name: name for name in INCIDENT_TARGETS if name in present}
    section["act_types"] = "act_types"
    return parse({"submission_id": ROW_KEY, "incidents": section})


def check_columns(kind: str, table: Table, programme) -> None:
    """Refuse a table without the required columns or with columns we do not know, naming them."""
    expected = columns(kind, programme)
    names = [name for name, _req, _help in expected]
    headers = [h.strip().lower() if not h.startswith(ATTRIBUTE_PREFIX) else h.strip() for h in table.headers]
    missing = [name for name, required, _help in expected if required and name not in headers]
    unknown = [h for h in headers if h not in names]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(_("missing columns: %(names)s") % {"names": ", ".join(missing)})
        if unknown:
            parts.append(_("unknown columns: %(names)s") % {"names": ", ".join(unknown)})
        raise ImportFileError(
            _("The columns are not those of the template (%(problems)s). Download the template and copy your rows "
              "into it; the columns are: %(expected)s.")
            % {"problems": "; ".join(parts), "expected": ", ".join(names)}
        )
    table.headers = headers


def read(kind: str, content: bytes, programme) -> tuple[SubmissionFile, object]:
    """A table as submissions, and the mapping of its columns."""
    table, encoding = read_table(content)
    original = table.headers
    check_columns(kind, table, programme)
    renamed = dict(zip(original, table.headers, strict=True))
    submissions = []
    for row, values in table.rows:
        values = {renamed.get(k, k): v for k, v in values.items() if v != ""}
        submissions.append(Submission(row=row, uuid=str(values.get(ROW_KEY, "")).strip(), values=values))
    if not submissions:
        raise ImportFileError(_("The table has no rows below its column names."))
    fmt = XLSX if not encoding else CSV
    file = SubmissionFile(fmt, submissions, set(table.headers), {}, encoding if encoding not in ("utf-8", "") else "")
    return file, mapping_for(kind, table.headers)


# --- templates ----------------------------------------------------------------------------------------------------


def template_csv(kind: str, programme) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerow([name for name, _req, _help in columns(kind, programme)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def template_xlsx(kind: str, programme) -> bytes:
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = kind
    cols = columns(kind, programme)
    sheet.append([name for name, _req, _help in cols])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (name, _req, _help) in enumerate(cols, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width = max(14, len(name) + 4)
    sheet.freeze_panes = "A2"
    guide = book.create_sheet(_("Help"))
    guide.append([_("Column"), _("Required"), _("What to write")])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for name, required, help_text in cols:
        guide.append([name, _("yes") if required else "", str(help_text)])
    guide.column_dimensions["A"].width = 26
    guide.column_dimensions["C"].width = 90
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
