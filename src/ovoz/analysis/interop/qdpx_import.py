"""Reading a REFI-QDA project (``.qdpx``): codes, text sources with their codings, notes and users.

Positions are turned into code points of the source's text here (after deciding, per source, whether the
file counts characters or UTF-8 bytes); a selection that does not fit the text is reported, not guessed at.
Picture, audio and video sources, PDF regions, cases, variables, sets, links and graphs have no place in
Ovoz's analysis and are counted in the report.
"""

import codecs

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ovoz.analysis.interop import detect
from ovoz.analysis.interop.ids import normalise
from ovoz.analysis.interop.parsed import ParsedCoding, ParsedNote, ParsedProject, ParsedSource, Problem
from ovoz.analysis.interop.qdc_import import children, local, note_refs, read_codes
from ovoz.analysis.interop.safe import InteropFileError, SafeZip, parse_xml
from ovoz.analysis.interop.validate import schema_errors
from ovoz.analysis.offsets import OffsetMap

NOT_TEXT = {"PictureSource": "picture", "AudioSource": "audio", "VideoSource": "video"}


def _decode(data: bytes) -> str | None:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


class _Reader:
    def __init__(self, archive: SafeZip):
        self.archive = archive
        self.project = ParsedProject()

    def problem(self, where, message):
        self.project.problems.append(Problem(where, message))

    def text_of(self, el, where: str) -> str | None:
        """The plain text of a TextSource or Note: inline, or a file inside the archive."""
        inline = [c for c in el if local(c) == "PlainTextContent"]
        if inline:
            return inline[0].text or ""
        path = el.get("plainTextPath") or ""
        if not path:
            self.problem(where, _("It has no plain text (neither PlainTextContent nor plainTextPath)."))
            return None
        if not path.startswith("internal://"):
            self.problem(where, _("Its text is outside the archive (%(path)s), so it cannot be read.")
                         % {"path": path})
            return None
        name = path.removeprefix("internal://")
        data = self.archive.read(f"sources/{name}")
        if data is None:
            data = self.archive.read(name)
        if data is None:
            self.problem(where, _("Its text file sources/%(name)s is missing from the archive.") % {"name": name})
            return None
        text = _decode(data)
        if text is None:
            self.problem(where, _("Its text file is not UTF-8 or UTF-16 text."))
        return text

    def read_source(self, el, name: str) -> ParsedSource | None:
        guid = normalise(el.get("guid", ""))
        text = self.text_of(el, name)
        if text is None or not guid:
            if not guid:
                self.problem(name, _("A source without a GUID was left out."))
            return None
        source = ParsedSource(guid=guid, name=name, text=text, note_guids=note_refs(el))
        raw = []
        for sel in children(el, "PlainTextSelection"):
            try:
                start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            except (TypeError, ValueError):
                self.problem(name, _("A selection without numeric positions was left out."))
                continue
            sel_guid = normalise(sel.get("guid", ""))
            for coding in children(sel, "Coding"):
                raw.append((sel_guid, start, end, coding, note_refs(sel)))
        whole = [(None, None, None, coding, []) for coding in children(el, "Coding")]
        positions = [p for _g, s, e, _c, _n in raw for p in (s, e)]
        source.unit, why = detect.source_unit(self.project.origin, text, positions)
        source.unit_reason = why
        omap = OffsetMap(text)
        for sel_guid, start, end, coding, sel_notes in raw + whole:
            code_ref = [r.get("targetGUID") for r in children(coding, "CodeRef")]
            if not code_ref or not code_ref[0]:
                self.problem(name, _("A coding without a code reference was left out."))
                continue
            if start is None:
                start, end = 0, len(text)
            elif source.unit == detect.UTF8:
                byte_start, byte_end = start, end
                start, end = omap.codepoint_from_utf8(start), omap.codepoint_from_utf8(end)
                if omap.utf8_from_codepoint(start) != byte_start or omap.utf8_from_codepoint(end) != byte_end:
                    self.problem(name, _("The selection at bytes %(start)s–%(end)s cuts a character in two: left "
                                         "out.") % {"start": byte_start, "end": byte_end})
                    continue
            if not (0 <= start < end <= len(text)):
                self.problem(name, _("The selection %(start)s–%(end)s is outside the text (%(length)s characters): "
                                     "left out.") % {"start": start, "end": end, "length": len(text)})
                continue
            source.codings.append(ParsedCoding(
                guid=normalise(coding.get("guid", "")), code_guid=normalise(code_ref[0]), start=start, end=end,
                selection_guid=sel_guid or "", user_guid=normalise(coding.get("creatingUser", "")),
                note_guids=sel_notes + note_refs(coding),
            ))
        return source

    def count_codings(self, el) -> int:
        return sum(1 for d in el.iter() if local(d) == "Coding")

    def read_sources(self, sources_el):
        for el in sources_el:
            kind, name = local(el), (el.get("name") or "").strip() or _("(untitled)")
            if kind == "TextSource":
                source = self.read_source(el, name)
            elif kind == "PDFSource":
                regions = self.count_codings(el) - sum(
                    self.count_codings(r) for r in children(el, "Representation"))
                if regions:
                    self.problem(name, ngettext(
                        "%(n)s coding of a region of the PDF page was left out: only text can be coded in Ovoz.",
                        "%(n)s codings of regions of the PDF pages were left out: only text can be coded in Ovoz.",
                        regions) % {"n": regions})
                reps = children(el, "Representation")
                source = self.read_source(reps[0], name) if reps else None
                if source is None and not reps:
                    self.problem(name, _("The PDF has no text representation: not imported."))
                if source is not None and el.get("guid"):
                    source.guid = normalise(el.get("guid"))
            elif kind in NOT_TEXT:
                n = self.count_codings(el)
                self.problem(name, ngettext(
                    "A %(kind)s source is not imported (Ovoz codes text only); %(n)s coding left out.",
                    "A %(kind)s source is not imported (Ovoz codes text only); %(n)s codings left out.", n)
                    % {"kind": NOT_TEXT[kind], "n": n})
                source = None
            else:
                source = None
            if source is not None:
                self.project.sources.append(source)

    def read(self, root) -> ParsedProject:
        p = self.project
        p.name, p.origin = root.get("name") or "", root.get("origin") or ""
        p.warnings += [Problem(_("Schema"), e) for e in schema_errors(root, limit=5)]
        for users in children(root, "Users"):
            for user in children(users, "User"):
                p.users[normalise(user.get("guid", ""))] = user.get("name") or ""
        seen: set[str] = set()
        for book in children(root, "CodeBook"):
            for codes in children(book, "Codes"):
                p.codes += read_codes(codes, p.problems, seen)
        for notes in children(root, "Notes"):
            for note in children(notes, "Note"):
                guid = normalise(note.get("guid", ""))
                title = note.get("name") or ""
                text = self.text_of(note, title or _("a note"))
                if guid and text is not None and text.strip():
                    p.notes[guid] = ParsedNote(guid=guid, name=title, text=text)
        for sources in children(root, "Sources"):
            self.read_sources(sources)
        p.project_note_guids = note_refs(root)
        for what, label in (("Cases", _("cases")), ("Variables", _("variables")), ("Sets", _("sets")),
                            ("Links", _("links")), ("Graphs", _("graphs"))):
            n = sum(len(list(el)) for el in children(root, what))
            if n:
                p.warnings.append(Problem(what, _("%(n)s %(what)s are not imported: participants and their "
                                                  "attributes are registered with their consent in Ovoz.")
                                          % {"n": n, "what": label} if what in ("Cases", "Variables") else
                                          _("%(n)s %(what)s are not imported.") % {"n": n, "what": label}))
        return p


def read_qdpx(content: bytes) -> ParsedProject:
    archive = SafeZip(content)
    qde = archive.read("project.qde")
    if qde is None:
        candidates = [n for n in archive.names if n.endswith(".qde") and "/" not in n]
        qde = archive.read(candidates[0]) if candidates else None
    if qde is None:
        raise InteropFileError(_("The archive has no project.qde: it is not a REFI-QDA project."))
    root = parse_xml(qde, "project.qde")
    if local(root) != "Project":
        raise InteropFileError(_("project.qde is not a REFI-QDA project: its root element is “%(tag)s”.")
                               % {"tag": local(root)})
    return _Reader(archive).read(root)
