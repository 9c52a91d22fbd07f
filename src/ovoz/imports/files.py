"""Reading uploaded exports: KoBoToolbox and ODK Central JSON, CSV and XLSX, and our own CSV/XLSX tables.

Nothing here writes anything. A file that cannot be read raises ``ImportFileError`` with a sentence a
researcher can act on: too large (refused before it is read), not UTF-8 (Windows-1251 is recognised and read),
not valid JSON (with line and column), not a table, no submissions.
"""

import codecs
import csv
import datetime
import io
import json
import re
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MB = 1024 * 1024
IMPORT_MAX_BYTES = 50 * MB
ZIP_MAX_UNPACKED = 400 * MB
XLSX_MAGIC = b"PK\x03\x04"

JSON, CSV, XLSX, CSV_ZIP = "json", "csv", "xlsx", "zip"
# Where KoBoToolbox and ODK Central put the submission's UUID, in the order we look.
ID_KEYS = ["_uuid", "meta/instanceID", "__id", "KEY", "instanceID", "meta-instanceID", "meta/instanceId"]
DATE_KEYS = ["_submission_time", "SubmissionDate", "__system/submissionDate", "end", "today", "start"]


class ImportFileError(ValidationError):
    def __init__(self, message: str):
        super().__init__(message, code="import_file")


def check_size(size: int) -> None:
    if size > IMPORT_MAX_BYTES:
        raise ImportFileError(
            _("The file is %(size)s MB; files of more than %(max)s MB are refused. Export fewer submissions at a time "
              "(for example by date) and import them one after the other.")
            % {"size": round(size / MB, 1), "max": IMPORT_MAX_BYTES // MB}
        )


# --- text ------------------------------------------------------------------------------------------------------

BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]


def _reads_as_cyrillic(text: str) -> bool:
    """True for text that Windows-1251 turns into Cyrillic words. Latin-1 or Windows-1252 text read as 1251 also
    gives Cyrillic letters, but inside Latin words ("trиs", "dйjа"): those are refused."""
    letters = [c for c in text if ord(c) > 127 and c.isalpha()]
    if not letters or sum(1 for c in letters if "\u0400" <= c <= "\u04ff") / len(letters) < 0.9:
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", text) if any("\u0400" <= c <= "\u04ff" for c in w)]
    mixed = [w for w in words if any("a" <= c.lower() <= "z" for c in w)]
    return len(mixed) <= 0.05 * len(words)


def decode_text(content: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with: UTF-8 (with or without BOM), UTF-16/32 or Windows-1251."""
    for bom, encoding in BOMS:
        if content.startswith(bom):
            try:
                return content.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = content.decode("cp1251")
    except UnicodeDecodeError:
        text = ""
    if text and _reads_as_cyrillic(text):
        return text, "cp1251"
    raise ImportFileError(_(
        "The file is not in UTF-8 and could not be read as Windows-1251 either. Save it again as “CSV UTF-8” "
        "(in Excel: Save as → CSV UTF-8; in LibreOffice: character set Unicode (UTF-8)) and upload it."
    ))


# --- tables ----------------------------------------------------------------------------------------------------


@dataclass
class Table:
    name: str
    headers: list[str]
    rows: list[tuple[int, dict]]  # (row number as a spreadsheet shows it, header -> value)


def _clean_header(value) -> str:
    return str(value if value is not None else "").strip().lstrip("\ufeff")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if isinstance(value, str) else str(value)


def _rows_to_table(name: str, rows, first_row: int = 1) -> Table:
    rows = iter(rows)
    try:
        header_cells = next(rows)
    except StopIteration:
        raise ImportFileError(_("The file is empty.")) from None
    headers = [_clean_header(h) for h in header_cells]
    while headers and not headers[-1]:
        headers.pop()
    if not any(headers):
        raise ImportFileError(_("The first row holds no column names."))
    seen = set()
    for h in headers:
        if h and h in seen:
            raise ImportFileError(_("The column “%(name)s” appears twice.") % {"name": h})
        seen.add(h)
    out = []
    for number, cells in enumerate(rows, start=first_row + 1):
        values = {h: _cell(cells[i]) if i < len(cells) else "" for i, h in enumerate(headers) if h}
        if any(v != "" for v in values.values()):
            out.append((number, values))
    return Table(name=name, headers=[h for h in headers if h], rows=out)


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=counts.get) if any(counts.values()) else ","


def read_csv(content: bytes) -> tuple[Table, str]:
    text, encoding = decode_text(content)
    first_line = text.split("\n", 1)[0]
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
        return _rows_to_table("", reader), encoding
    except csv.Error as exc:
        raise ImportFileError(_("The CSV file could not be read: %(error)s") % {"error": exc}) from None


def read_xlsx(content: bytes) -> list[Table]:
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(i.file_size for i in archive.infolist()) > ZIP_MAX_UNPACKED:
                raise ImportFileError(_("This workbook unpacks to more than %(mb)s MB; split it into smaller files.")
                                      % {"mb": ZIP_MAX_UNPACKED // MB})
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except ImportFileError:
        raise
    except Exception:
        raise ImportFileError(_("The workbook is damaged or is not an .xlsx file; save it again and upload it.")) \
            from None
    try:
        tables = []
        for sheet in book.worksheets:
            rows = sheet.iter_rows(values_only=True)
            try:
                tables.append(_rows_to_table(sheet.title, rows))
            except ImportFileError:
                if not tables:
                    raise
        return tables
    finally:
        book.close()


def is_csv_zip(content: bytes) -> bool:
    """A zip of CSV tables (ODK Central's export); an .xlsx is a zip too, but holds a workbook."""
    if not content.startswith(XLSX_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False
    return "xl/workbook.xml" not in names and any(n.lower().endswith(".csv") for n in names)


def format_of(content: bytes) -> str:
    head = content[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if content.startswith(XLSX_MAGIC):
        return CSV_ZIP if is_csv_zip(content) else XLSX
    if head[:1] in (b"[", b"{"):
        return JSON
    return CSV


def read_table(content: bytes) -> tuple[Table, str]:
    """The first sheet of an XLSX or a CSV file, and a note on the encoding it was read with."""
    fmt = format_of(content)
    if fmt == XLSX:
        return read_xlsx(content)[0], ""
    if fmt == CSV_ZIP:
        raise ImportFileError(_("This is a zip of CSV files; upload one CSV or XLSX table made from the template."))
    if fmt == JSON:
        raise ImportFileError(_("This is a JSON file; upload a CSV or XLSX table made from the template."))
    return read_csv(content)


# --- submissions -----------------------------------------------------------------------------------------------


@dataclass
class Submission:
    row: int  # its position: the row in a CSV or XLSX, the number of the submission in a JSON list
    uuid: str
    values: dict  # "group/question" -> answer
    repeats: dict = field(default_factory=dict)  # "group/repeat" -> [{"group/repeat/question": answer}]


@dataclass
class SubmissionFile:
    format: str
    submissions: list[Submission]
    keys: set[str]  # every field path seen in the main part
    repeat_keys: dict[str, set[str]]  # repeat path -> the field paths seen in its items
    encoding: str = ""

    def repeat_path(self, wanted: str) -> str:
        """The file's path of the repeat group a mapping names: the same, or the only one with the same name
        (ODK Central's CSV zip names a repeat's table after the repeat alone, without its groups)."""
        if wanted in self.repeat_keys:
            return wanted
        name = wanted.rsplit("/", 1)[-1]
        same = [p for p in self.repeat_keys if p.rsplit("/", 1)[-1] == name]
        return same[0] if len(same) == 1 else wanted


def clean_uuid(value) -> str:
    text = str(value or "").strip()
    return text[5:] if text.lower().startswith("uuid:") else text


def _flatten(obj: dict, prefix: str, values: dict, repeats: dict) -> None:
    for key, value in obj.items():
        key = str(key)
        if key.endswith("@odata.navigationLink"):
            continue
        path = key if not prefix or key.startswith(prefix + "/") else f"{prefix}/{key}"
        if isinstance(value, dict):
            _flatten(value, path, values, repeats)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            items = []
            for item in value:
                item_values: dict = {}
                _flatten(item, path, item_values, {})
                items.append(item_values)
            repeats[path] = items
        elif isinstance(value, list):
            values[path] = " ".join(str(v) for v in value)
        else:
            values[path] = value


def submission_id(values: dict, id_field: str = "") -> str:
    for key in ([id_field] if id_field else []) + ID_KEYS:
        if values.get(key) not in (None, ""):
            return clean_uuid(values[key])
    return ""


def _from_json(content: bytes) -> SubmissionFile:
    text, encoding = decode_text(content)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(_("The file is not valid JSON (line %(line)s, column %(column)s: %(error)s).")
                              % {"line": exc.lineno, "column": exc.colno, "error": exc.msg}) from None
    if isinstance(data, dict):
        for key in ("results", "value", "submissions", "data"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if not isinstance(data, list):
        raise ImportFileError(_("The JSON holds no list of submissions: export the data from KoBoToolbox or ODK "
                                "Central as JSON."))
    submissions, keys, repeat_keys = [], set(), {}
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise ImportFileError(_("Submission %(number)s is not a set of answers (a JSON object).")
                                  % {"number": number})
        values, reps = {}, {}
        _flatten(item, "", values, reps)
        keys.update(values)
        for path, items in reps.items():
            bucket = repeat_keys.setdefault(path, set())
            for entry in items:
                bucket.update(entry)
        submissions.append(Submission(row=number, uuid=submission_id(values), values=values, repeats=reps))
    return SubmissionFile(JSON, submissions, keys, repeat_keys, encoding if encoding != "utf-8" else "")


def from_tables(tables: list[Table], fmt: str, encoding: str = "") -> SubmissionFile:
    """Submissions from a main table and repeat groups' tables linked to it by _index/_parent_index (KoBo's
    XLSX) or KEY/PARENT_KEY (ODK); items whose parent is not a submission (nested repeats) are left out."""
    main = tables[0]
    submissions = []
    by_index = {}
    for row, values in main.rows:
        values = {k: v for k, v in values.items() if v != ""}
        sub = Submission(row=row, uuid=submission_id(values), values=values)
        submissions.append(sub)
        for key in ("_index", "KEY"):
            if values.get(key):
                by_index[(key, str(values[key]))] = sub
    repeat_keys: dict[str, set[str]] = {}
    for table in tables[1:]:
        link = "_parent_index" if "_parent_index" in table.headers else "PARENT_KEY" if "PARENT_KEY" in table.headers \
            else None
        if link is None:
            continue
        parent_key = "_index" if link == "_parent_index" else "KEY"
        path = _repeat_path(table)
        bucket = repeat_keys.setdefault(path, set())
        for _row, values in table.rows:
            parent = by_index.get((parent_key, str(values.get(link, ""))))
            if parent is None:
                continue
            item = {(k if k.startswith(path + "/") else f"{path}/{k}"): v for k, v in values.items() if v != ""}
            bucket.update(item)
            parent.repeats.setdefault(path, []).append(item)
    keys = set(main.headers)
    return SubmissionFile(fmt, submissions, keys, repeat_keys, encoding if encoding not in ("utf-8", "") else "")


def _repeat_path(table: Table) -> str:
    """KoBo names a repeat's sheet after the repeat; its columns carry the full path "group/repeat/question"."""
    for header in table.headers:
        if "/" in header and not header.startswith("_"):
            head, _sep, _name = header.rpartition("/")
            if head.split("/")[-1] == table.name or head.endswith(table.name):
                return head
    return table.name


def read_submissions(content: bytes) -> SubmissionFile:
    """Submissions exported from KoBoToolbox or ODK Central: JSON (with repeat groups), CSV, XLSX, or ODK
    Central's zip of CSV tables (``ovoz.imports.csvzip``)."""
    check_size(len(content))
    fmt = format_of(content)
    if fmt == JSON:
        result = _from_json(content)
    elif fmt == CSV_ZIP:
        from ovoz.imports.csvzip import read_csv_zip  # it builds on this module

        result = read_csv_zip(content)
    elif fmt == XLSX:
        result = from_tables(read_xlsx(content), XLSX)
    else:
        table, encoding = read_csv(content)
        result = from_tables([table], CSV, encoding)
    if not result.submissions:
        raise ImportFileError(_("The file holds no submissions."))
    return result
