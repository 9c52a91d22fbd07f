"""Writing a codebook as REFI-QDA ``.qdc`` (Codebook.xsd); the same code tree goes into ``.qdpx`` projects."""

import io

from lxml import etree

from ovoz.analysis.interop.describe import description_of
from ovoz.analysis.interop.validate import CODEBOOK_NS

ORIGIN = "Ovoz"


def code_tree(codes) -> tuple[list, dict]:
    """Roots and children lists, in codebook order; a code whose parent is not exported becomes a root."""
    codes = list(codes)
    present = {c.pk for c in codes}
    children: dict[int, list] = {}
    roots = []
    for code in codes:
        if code.parent_id in present:
            children.setdefault(code.parent_id, []).append(code)
        else:
            roots.append(code)
    return roots, children


def write_code(xf, code, children, *, notes_by_code=None) -> None:
    """One ``Code`` element and its sub-codes. ``notes_by_code`` (projects only) adds NoteRefs."""
    attrs = {"guid": str(code.guid), "name": code.name_en, "isCodable": "true"}
    if code.colour and len(code.colour) in (4, 7):
        attrs["color"] = code.colour
    with xf.element("Code", attrs):
        description = description_of(code)
        if description:
            with xf.element("Description"):
                xf.write(description)
        for note_guid in (notes_by_code or {}).get(code.pk, ()):
            xf.write(etree.Element("NoteRef", targetGUID=note_guid))
        for child in children.get(code.pk, ()):
            write_code(xf, child, children, notes_by_code=notes_by_code)


def codebook_bytes(codes) -> bytes:
    roots, children = code_tree(codes)
    out = io.BytesIO()
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("CodeBook", {"origin": ORIGIN}, nsmap={None: CODEBOOK_NS}):
            with xf.element("Codes"):
                for code in roots:
                    write_code(xf, code, children)
    return out.getvalue()
