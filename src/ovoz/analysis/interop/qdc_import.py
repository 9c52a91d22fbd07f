"""Reading a REFI-QDA codebook (``.qdc``), or the codebook inside a project, into ``ParsedCode`` trees."""

import re

from django.utils.translation import gettext as _

from ovoz.analysis.interop.ids import normalise
from ovoz.analysis.interop.parsed import ParsedCode, ParsedProject, Problem
from ovoz.analysis.interop.safe import InteropFileError, check_size, parse_xml
from ovoz.analysis.interop.validate import schema_errors

HEX = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def local(el) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def children(el, name: str):
    return [c for c in el if local(c) == name]


def child_text(el, name: str) -> str:
    for c in el:
        if local(c) == name:
            return c.text or ""
    return ""


def colour(value: str | None) -> str:
    """``#rrggbb`` (lower case), or empty when the file's colour is missing or not an RGB value."""
    value = (value or "").strip()
    if not HEX.match(value):
        return ""
    digits = value[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return "#" + digits.lower()


def note_refs(el) -> list[str]:
    return [normalise(r.get("targetGUID", "")) for r in children(el, "NoteRef") if r.get("targetGUID")]


def read_codes(codes_el, problems: list[Problem], seen: set[str] | None = None) -> list[ParsedCode]:
    seen = set() if seen is None else seen
    out = []
    for el in children(codes_el, "Code"):
        guid, name = normalise(el.get("guid", "")), (el.get("name") or "").strip()
        if not guid or not name:
            problems.append(Problem(_("Codebook"), _("A code without a GUID or a name was left out.")))
            continue
        if guid in seen:
            problems.append(Problem(name, _("A second code with the same GUID was left out.")))
            continue
        seen.add(guid)
        out.append(ParsedCode(
            guid=guid, name=name[:200], colour=colour(el.get("color")), description=child_text(el, "Description"),
            children=read_codes(el, problems, seen), note_guids=note_refs(el),
        ))
    return out


def read_qdc(content: bytes) -> ParsedProject:
    check_size(len(content))
    root = parse_xml(content, "The codebook")
    if local(root) != "CodeBook":
        raise InteropFileError(_("This is not a REFI-QDA codebook: its root element is “%(tag)s”, not CodeBook.")
                               % {"tag": local(root)})
    project = ParsedProject(origin=root.get("origin") or "")
    project.warnings += [Problem(_("Schema"), e) for e in schema_errors(root, codebook=True, limit=5)]
    for codes_el in children(root, "Codes"):
        project.codes += read_codes(codes_el, project.problems)
    if children(root, "Sets"):
        sets = [s for sets in children(root, "Sets") for s in children(sets, "Set")]
        if sets:
            project.warnings.append(Problem(_("Sets"), _("%(n)s code sets are not imported: Ovoz has no sets.")
                                            % {"n": len(sets)}))
    if not project.codes:
        raise InteropFileError(_("The codebook holds no codes."))
    return project
