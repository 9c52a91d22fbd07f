"""Reading an XLSForm with pyxform: valid or not (with the sheet and row pyxform names), and its structure.

The structure kept for each version is plain JSON: the form's title, ``form_id``, version, languages, and a tree
of groups, repeats and questions with their types, labels in each language and choices.
"""

import io
import re
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MB = 1024 * 1024
XLSFORM_MAX_BYTES = 10 * MB
ZIP_MAX_UNPACKED = 100 * MB
XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"

TYPE_NAMES = {"select one": "select_one", "select all that apply": "select_multiple"}
CONTAINERS = {"group", "repeat"}
DEFAULT_LANGUAGE = "default"


class XLSFormError(ValidationError):
    """An XLSForm pyxform refuses: ``sheet`` and ``row`` say where, when pyxform says it."""

    def __init__(self, message: str, *, sheet: str = "", row: int | None = None):
        super().__init__(message, code="xlsform")
        self.sheet, self.row, self.detail = sheet, row, message


def _where(text: str) -> tuple[str, int | None]:
    row = re.search(r"\[row\s*:\s*(\d+)\]", text) or re.search(r"\brow (\d+)\b", text)
    sheet = re.search(r"(?:On|in) the '(\w+)' sheet", text, re.IGNORECASE) or re.search(
        r"sheet:? '(\w+)'", text) or re.search(r"^'?(choices|settings)'? sheet", text)
    sheet_name = sheet.group(1) if sheet else ("survey" if row else "")
    return sheet_name, int(row.group(1)) if row else None


def _without_row_prefix(text: str) -> str:
    return re.sub(r"^\[row\s*:\s*\d+\]\s*", "", text)


def _refuse_if_not_a_workbook(content: bytes) -> str:
    if len(content) > XLSFORM_MAX_BYTES:
        raise XLSFormError(_("The XLSForm is larger than %(mb)s MB.") % {"mb": XLSFORM_MAX_BYTES // MB})
    if content.startswith(XLS_MAGIC):
        return ".xls"
    if not content.startswith(XLSX_MAGIC):
        raise XLSFormError(_("This is not an Excel workbook: upload the XLSForm as an .xlsx file."))
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(i.file_size for i in archive.infolist()) > ZIP_MAX_UNPACKED:
                raise XLSFormError(_("This workbook unpacks to more than %(mb)s MB; it cannot be an XLSForm.")
                                   % {"mb": ZIP_MAX_UNPACKED // MB})
            if "xl/workbook.xml" not in archive.namelist():
                raise XLSFormError(_("This is not an Excel workbook: upload the XLSForm as an .xlsx file."))
    except zipfile.BadZipFile:
        raise XLSFormError(_("The workbook is damaged or cut short; save it again and upload it.")) from None
    return ".xlsx"


def _labels(value) -> dict[str, str]:
    if not value:
        return {}
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items() if v not in (None, "")}
    return {DEFAULT_LANGUAGE: str(value)}


def _node(element: dict, parent_path: str, languages: set[str]) -> dict | None:
    name = element.get("name", "")
    kind = element.get("type", "")
    if name == "meta" and kind == "group":
        return None
    path = f"{parent_path}/{name}" if parent_path else name
    label = _labels(element.get("label"))
    languages.update(label)
    node = {"name": name, "path": path, "label": label}
    if kind in CONTAINERS:
        node["kind"] = kind
        node["children"] = [c for c in (_node(child, path, languages) for child in element.get("children", [])) if c]
        return node
    node["kind"] = "question"
    node["type"] = TYPE_NAMES.get(kind, kind.replace(" ", "_"))
    node["required"] = str((element.get("bind") or {}).get("required", "")).lower() in {"yes", "true", "true()"}
    choices = element.get("choices") or []
    if choices:
        node["list_name"] = element.get("list_name", "")
        node["choices"] = [{"name": str(c.get("name", "")), "label": _labels(c.get("label"))} for c in choices]
        for c in node["choices"]:
            languages.update(c["label"])
    return node


def structure_of(pyxform_dict: dict) -> dict:
    languages: set[str] = set()
    children = [c for c in (_node(child, "", languages) for child in pyxform_dict.get("children", [])) if c]
    default = pyxform_dict.get("default_language") or ""
    ordered = sorted(languages, key=lambda lang: (lang != default, lang))
    return {
        "title": str(pyxform_dict.get("title") or ""),
        "form_id": str(pyxform_dict.get("id_string") or ""),
        "version": str(pyxform_dict.get("version") or ""),
        "default_language": default,
        "languages": ordered,
        "children": children,
    }


def read_xlsform(content: bytes, *, name: str = "form.xlsx") -> tuple[dict, list[str]]:
    """Validate the XLSForm and return (structure, warnings); raise ``XLSFormError`` with sheet and row."""
    from pyxform.errors import PyXFormError
    from pyxform.xls2xform import convert

    file_type = _refuse_if_not_a_workbook(content)
    warnings: list[str] = []
    try:
        result = convert(xlsform=content, file_type=file_type, warnings=warnings, form_name="data")
    except PyXFormError as exc:
        text = str(exc).strip()
        sheet, row = _where(text)
        raise XLSFormError(_without_row_prefix(text), sheet=sheet, row=row) from None
    except Exception as exc:  # openpyxl or xlrd on a damaged file, pyxform on a malformed sheet
        raise XLSFormError(_("The workbook could not be read as an XLSForm: %(error)s") % {"error": exc}) from None
    structure = structure_of(result._pyxform or {})
    if not structure["form_id"]:
        structure["form_id"] = re.sub(r"\W+", "_", name.rsplit(".", 1)[0]).strip("_").lower() or "form"
    if not structure["title"]:
        structure["title"] = structure["form_id"]
    return structure, [str(w) for w in warnings]


def describe_error(error: XLSFormError) -> str:
    """The error with where it is, in words a researcher reads once and acts on."""
    if error.sheet and error.row:
        return _("Sheet “%(sheet)s”, row %(row)s: %(message)s") % {
            "sheet": error.sheet, "row": error.row, "message": error.detail}
    if error.sheet:
        return _("Sheet “%(sheet)s”: %(message)s") % {"sheet": error.sheet, "message": error.detail}
    return error.detail


# --- reading the structure -------------------------------------------------------------------------------------


def walk(structure: dict):
    """Every node with its enclosing repeat's path (or "")."""

    def _walk(nodes, repeat):
        for node in nodes:
            yield node, repeat
            if node.get("kind") in CONTAINERS:
                yield from _walk(node.get("children", []), node["path"] if node["kind"] == "repeat" else repeat)

    yield from _walk(structure.get("children", []), "")


def questions(structure: dict) -> dict[str, dict]:
    """Path -> question node (with ``repeat``: the path of the repeat it is in, or "")."""
    return {node["path"]: {**node, "repeat": repeat} for node, repeat in walk(structure) if node["kind"] == "question"}


def repeats(structure: dict) -> list[str]:
    return [node["path"] for node, _repeat in walk(structure) if node["kind"] == "repeat"]


def label_in(labels: dict, language: str, default_language: str = "") -> str:
    """A label in ``language`` (an Ovoz code like "ru", matched to "Russian (ru)"), else the form's default."""
    if not labels:
        return ""
    for key, text in labels.items():
        if key == language or key.endswith(f"({language})"):
            return text
    return labels.get(default_language) or labels.get(DEFAULT_LANGUAGE) or next(iter(labels.values()))
