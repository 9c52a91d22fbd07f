"""Taguette's CSV exports: the codebook (``tag, description, number of highlights, number of documents``) and
the highlights (``id, document, tag, content``; one row per tag of a highlight).

Taguette's tags are paths; a tag ``a.b`` is placed under ``a`` when ``a`` is a tag too. Their GUIDs are made as
Taguette makes them for its ``.qdc`` export (a UUID 5 of the path), so importing its CSV and its ``.qdc`` gives
the same codes. The highlights CSV has no positions: its ``content`` is the highlighted text with whitespace
collapsed, and it is found again in the source's transcript; text found nowhere or in several places is
reported, not guessed.
"""

import csv
import io
import re
import uuid
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ovoz.analysis.interop.parsed import ParsedCode, ParsedProject, Problem
from ovoz.analysis.interop.safe import InteropFileError, check_size

# The namespace Taguette uses for the GUIDs of its REFI-QDA codebook export (a published format constant).
TAGUETTE_NAMESPACE = uuid.UUID("51B2B2B7-27EB-4ECB-9D56-E75B0A0496C2")


def tag_guid(path: str) -> str:
    return str(uuid.uuid5(TAGUETTE_NAMESPACE, path))


def _rows(content: bytes) -> list[list[str]]:
    check_size(len(content))
    text = None
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise InteropFileError(_("The file is not UTF-8 or Windows-1251 text."))
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as exc:
        raise InteropFileError(_("The file is not a readable CSV table: %(error)s") % {"error": exc}) from exc


def _column(header: list[str], *names: str) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    return None


def read_codebook_csv(content: bytes) -> ParsedProject:
    rows = _rows(content)
    if not rows:
        raise InteropFileError(_("The file is empty."))
    header = [c.strip().lower() for c in rows[0]]
    col = _column(header, "tag", "name", "path")
    if col is None:
        raise InteropFileError(_("The codebook has no “tag”, “name” or “path” column."))
    described = _column(header, "description")
    project = ParsedProject(origin="Taguette (codebook CSV)")
    paths: dict[str, str] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        path = row[col].strip() if col < len(row) else ""
        if not path:
            project.problems.append(Problem(_("Row %(n)s") % {"n": number}, _("A row without a tag name: left out.")))
            continue
        if path in paths:
            message = _("The tag “%(tag)s” appears twice: the second is left out.") % {"tag": path}
            project.problems.append(Problem(_("Row %(n)s") % {"n": number}, message))
            continue
        paths[path] = row[described].strip() if described is not None and described < len(row) else ""
    nodes: dict[str, ParsedCode] = {}
    for path in sorted(paths, key=lambda p: (p.count("."), p)):
        parent_path, _dot, last = path.rpartition(".")
        parent = nodes.get(parent_path) if parent_path else None
        code = ParsedCode(guid=tag_guid(path), name=(last if parent else path)[:200], description=paths[path])
        nodes[path] = code
        (parent.children if parent else project.codes).append(code)
    if not project.codes:
        raise InteropFileError(_("The codebook holds no tags."))
    project.tag_guids = {path: code.guid for path, code in nodes.items()}
    return project


@dataclass
class Highlight:
    id: str
    document: str
    content: str
    tags: list[str] = field(default_factory=list)
    row: int = 0


def read_highlights_csv(content: bytes) -> list[Highlight]:
    rows = _rows(content)
    if not rows:
        raise InteropFileError(_("The file is empty."))
    header = [c.strip().lower() for c in rows[0]]
    cols = {name: _column(header, name) for name in ("id", "document", "tag", "content")}
    missing = [name for name, i in cols.items() if i is None]
    if missing:
        raise InteropFileError(_("The highlights table lacks the columns: %(cols)s.") % {"cols": ", ".join(missing)})
    out: dict[str, Highlight] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cell = {name: (row[i] if i < len(row) else "") for name, i in cols.items()}
        key = f"{cell['document']}\x00{cell['id'].strip()}"
        hl = out.get(key)
        if hl is None:
            hl = out[key] = Highlight(id=cell["id"].strip(), document=cell["document"].strip(),
                                      content=cell["content"], row=number)
        tag = cell["tag"].strip()
        if tag and tag not in hl.tags:
            hl.tags.append(tag)
    return list(out.values())


def locate(text: str, content: str) -> list[tuple[int, int]]:
    """Every place ``content`` stands in ``text``, exactly or with its whitespace collapsed (as Taguette writes
    it: spaces between the pieces of the HTML, stripped at both ends)."""
    content = content.strip()
    if not content:
        return []
    found, start = [], text.find(content)
    while start != -1:
        found.append((start, start + len(content)))
        start = text.find(content, start + 1)
    if found:
        return found
    tokens = content.split()
    pattern = re.compile(r"\s*".join(re.escape(t) for t in tokens))
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
