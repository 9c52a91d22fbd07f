"""Recognising what was uploaded, and how its positions count characters.

REFI-QDA says positions count characters; QualCoder writes Unicode code points, as Ovoz does. Taguette's
browser code counts UTF-8 bytes (a Cyrillic letter is two, most emoji four), so a project carrying Taguette's
offsets needs converting. The exporting program is named in the ``origin`` attribute; when it is not known,
the positions themselves tell: one beyond the text's length in characters but within its length in bytes can
only be bytes, and one that falls inside a character's bytes can only be characters.
"""

import csv
import io

from ovoz.analysis.offsets import OffsetMap

CODEPOINT, UTF8 = "codepoint", "utf8"
QDPX, QDC, TAGUETTE_CODEBOOK, TAGUETTE_HIGHLIGHTS = "qdpx", "qdc", "taguette_codebook", "taguette_highlights"


def file_kind(content: bytes, name: str = "") -> str | None:
    """qdpx, qdc, taguette_codebook, taguette_highlights, or None when it is none of those."""
    if content[:4] == b"PK\x03\x04":
        return QDPX
    head = content[:4096].lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<"):
        if b"CodeBook" in head and b"urn:QDA-XML:codebook" in head:
            return QDC
        if b"urn:QDA-XML:project" in head:
            return None  # a bare project.qde: ask for the .qdpx, which carries the source texts
        return QDC if name.lower().endswith(".qdc") else None
    try:
        first = next(csv.reader(io.StringIO(head.decode("utf-8", errors="replace"))))
    except (StopIteration, csv.Error):
        return None
    header = [c.strip().lower() for c in first]
    if {"id", "document", "tag", "content"} <= set(header):
        return TAGUETTE_HIGHLIGHTS
    if "tag" in header or "name" in header or "path" in header:
        return TAGUETTE_CODEBOOK
    return None


def unit_from_origin(origin: str) -> str | None:
    origin = (origin or "").lower()
    if "taguette" in origin:
        return UTF8
    if any(name in origin for name in ("qualcoder", "ovoz", "maxqda", "atlas", "nvivo", "quirkos", "transana")):
        return CODEPOINT
    return None


def unit_from_positions(text: str, positions: list[int]) -> str | None:
    """What the positions say on their own, or None when both readings fit (ASCII text, for one)."""
    if not positions:
        return None
    length = len(text)
    if any(p > length for p in positions):
        return UTF8
    omap = OffsetMap(text)
    for p in positions:
        cp = omap.codepoint_from_utf8(p)
        if omap.utf8_from_codepoint(cp) != p:
            return CODEPOINT
    return None


def source_unit(origin: str, text: str, positions: list[int]) -> tuple[str, str]:
    """The unit and why: the exporting program, the positions, or the standard's default (characters)."""
    by_origin = unit_from_origin(origin)
    if by_origin:
        return by_origin, "origin"
    by_positions = unit_from_positions(text, positions)
    if by_positions:
        return by_positions, "positions"
    return CODEPOINT, "default"
