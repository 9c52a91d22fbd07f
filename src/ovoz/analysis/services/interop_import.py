"""How an import is carried out: codes mapped or created, sources and codings written, notes made memos.

Called by ``ovoz.analysis.services.interop.qda_import`` inside its transaction; see there for the rules.
"""

import bisect
import uuid
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ovoz.analysis.access import analysable_sources_visible_to
from ovoz.analysis.interop.describe import fields_from
from ovoz.analysis.interop.ids import derived
from ovoz.analysis.interop.parsed import ParsedCode, ParsedProject, Problem
from ovoz.analysis.interop.qdpx_export import source_guid
from ovoz.analysis.interop.taguette_csv import locate, tag_guid
from ovoz.analysis.models import Code, Coding, Memo
from ovoz.analysis.services.codes import code_create
from ovoz.analysis.services.memos import memo_create
from ovoz.audit.services import audit_write
from ovoz.evidence.access import sources_visible_to
from ovoz.evidence.extract import normalise_newlines
from ovoz.evidence.models import Source
from ovoz.evidence.services.sources import source_create
from ovoz.imports.rows import insert_rows
from ovoz.programmes.models import Membership

DEFAULT_COLOUR = "#f4c542"
SOURCE_KINDS = (Source.Kind.INTERVIEW, Source.Kind.DOCUMENT, Source.Kind.FOCUS_GROUP, Source.Kind.CONSULTATION,
                Source.Kind.OBSERVATION)


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do), and everything it left out and why."""

    kind: str
    origin: str = ""
    dry_run: bool = True
    codes_created: list[str] = field(default_factory=list)
    codes_matched: int = 0
    sources_created: list[str] = field(default_factory=list)
    sources_matched: list[str] = field(default_factory=list)
    codings_created: int = 0
    codings_existing: int = 0
    memos_created: int = 0
    units: list[tuple[str, str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "kind": self.kind, "origin": self.origin, "dry_run": self.dry_run,
            "codes_created": self.codes_created, "codes_matched": self.codes_matched,
            "sources_created": self.sources_created, "sources_matched": self.sources_matched,
            "codings_created": self.codings_created, "codings_existing": self.codings_existing,
            "memos_created": self.memos_created,
            "offsets": [{"source": s, "unit": u, "reason": r} for s, u, r in self.units],
            "problems": [{"where": p.where, "message": p.message} for p in self.problems],
            "warnings": [{"where": p.where, "message": p.message} for p in self.warnings],
        }


def _valid_uuid(value: str) -> str | None:
    try:
        return str(uuid.UUID(value))
    except (TypeError, ValueError):
        return None


class Importer:
    def __init__(self, *, actor, programme, partnership, report: ImportReport, source_kind: str):
        self.actor, self.programme, self.partnership = actor, programme, partnership
        self.report, self.source_kind = report, source_kind
        self.code_map: dict[str, Code] = {}
        self.coding_notes: list[tuple[Coding, list[str]]] = []
        self.used_notes: set[str] = set()

    # --- codes ----------------------------------------------------------------------------------------------

    def usable_codes(self):
        mine = Q(partnership=self.partnership) if self.partnership is not None else Q(pk__in=[])
        return Code.objects.filter(Q(partnership__isnull=True) | mine, programme=self.programme)

    def map_codes(self, codes: list[ParsedCode]) -> None:
        usable = list(self.usable_codes())
        by_guid = {str(c.guid): c for c in usable}
        by_name = {(c.parent_id, c.name_en.strip().casefold()): c for c in usable}
        for parsed in codes:
            for node, parent in parsed.walk():
                self._map_code(node, self.code_map.get(parent.guid) if parent else None, by_guid, by_name)

    def _map_code(self, node: ParsedCode, parent: Code | None, by_guid, by_name) -> None:
        match = by_guid.get(node.guid) or by_name.get((parent.pk if parent else None, node.name.casefold()))
        if match is not None:
            self.code_map[node.guid] = match
            self.report.codes_matched += 1
            return
        values = {k: v for k, v in fields_from(node.description).items() if v}
        code = code_create(actor=self.actor, programme=self.programme, partnership=self.partnership, parent=parent,
                           name_en=node.name, colour=node.colour or DEFAULT_COLOUR, **values)
        guid = _valid_uuid(node.guid)
        if guid and not Code.objects.filter(guid=guid).exists():
            Code.objects.filter(pk=code.pk).update(guid=guid)
            code.guid = uuid.UUID(guid)
        self.code_map[node.guid] = code
        by_guid[str(code.guid)] = code
        by_name[(code.parent_id, code.name_en.casefold())] = code
        path = f"{parent.name_en} › {node.name}" if parent else node.name
        self.report.codes_created.append(path)

    def code_for(self, guid: str) -> Code | None:
        code = self.code_map.get(guid)
        seen = set()
        while code is not None and code.merged_into_id and code.pk not in seen:
            seen.add(code.pk)
            code = Code.objects.filter(pk=code.merged_into_id).first()
        return code

    # --- sources --------------------------------------------------------------------------------------------

    def existing_sources(self, guids: list[str]) -> dict[str, Source]:
        """This partnership's sources (as the importer sees them) that a file's GUIDs point at."""
        team = sources_visible_to(self.actor).filter(partnership=self.partnership)
        found = {}
        wanted = [f"refi:{g}" for g in guids]
        for source in team.filter(external_id__in=wanted):
            found[source.external_id.removeprefix("refi:")] = source
        derived_guids = {source_guid(pk, ext): pk for pk, ext in team.values_list("pk", "external_id")}
        rest = {derived_guids[g]: g for g in guids if g not in found and g in derived_guids}
        for source in team.filter(pk__in=list(rest)):
            found[rest[source.pk]] = source
        return found

    def import_sources(self, project: ParsedProject) -> None:
        existing = self.existing_sources([s.guid for s in project.sources])
        analysable = set(analysable_sources_visible_to(self.actor).filter(partnership=self.partnership)
                         .values_list("pk", flat=True))
        users = self.team_users(project)
        foreign_coders = False
        for parsed in project.sources:
            text = normalise_newlines(parsed.text)
            self.report.units.append((parsed.name, parsed.unit, parsed.unit_reason))
            source = existing.get(parsed.guid)
            if source is not None:
                if source.transcript != text:
                    self.report.problems.append(Problem(parsed.name, _(
                        "A source with this GUID is already here with a different text: its codings are left out.")))
                    continue
                if source.pk not in analysable:
                    self.report.problems.append(Problem(parsed.name, _(
                        "This source is already here, but its participants do not all allow analysis: its codings "
                        "are left out.")))
                    continue
                self.report.sources_matched.append(source.title)
            else:
                source = source_create(
                    actor=self.actor, partnership=self.partnership, kind=self.source_kind,
                    title=(parsed.name or _("Imported source"))[:200], transcript=text,
                    external_id=f"refi:{parsed.guid}"[:100],
                )
                self.report.sources_created.append(source.title)
            foreign_coders |= self.import_codings(source, parsed, text != parsed.text, users)
            self.import_notes(project, parsed.note_guids, source=source)
        if foreign_coders:
            self.report.warnings.append(Problem(_("Coders"), _(
                "Codings made by people who are not on this partnership's team are recorded as yours.")))

    def team_users(self, project: ParsedProject) -> dict[str, object]:
        """The file's users that are this team's members (exported from Ovoz), by GUID."""
        from django.contrib.auth import get_user_model

        members = Membership.objects.filter(partnership=self.partnership).values_list("user_id", flat=True)
        by_guid = {derived("user", pk): pk for pk in members}
        wanted = {by_guid[g] for g in project.users if g in by_guid}
        people = {u.pk: u for u in get_user_model().objects.filter(pk__in=wanted)}
        return {g: people[pk] for g, pk in by_guid.items() if pk in people}

    # --- codings --------------------------------------------------------------------------------------------

    def import_codings(self, source: Source, parsed, crlf: bool, users) -> bool:
        shift = _newline_shift(parsed.text) if crlf else None
        existing = set(Coding.objects.filter(source=source, double_coding__isnull=True)
                       .values_list("code_id", "start", "end"))
        file_guids = [g for g in (_valid_uuid(c.guid) for c in parsed.codings) if g]
        taken = {str(g) for g in Coding.objects.filter(guid__in=file_guids).values_list("guid", flat=True)}
        unknown, foreign, rows, noted, now = 0, False, [], [], timezone.now()
        length = len(source.transcript)
        for pc in parsed.codings:
            code = self.code_for(pc.code_guid)
            if code is None:
                unknown += 1
                continue
            if code.retired_at is not None:
                self.report.problems.append(Problem(parsed.name, _(
                    "The code “%(code)s” is retired here: a coding with it is left out.") % {"code": code.name_en}))
                continue
            start, end = (shift(pc.start), shift(pc.end)) if shift else (pc.start, pc.end)
            if not (0 <= start < end <= length):
                continue
            if (code.pk, start, end) in existing:
                self.report.codings_existing += 1
                if pc.note_guids:
                    same = Coding.objects.filter(source=source, code=code, start=start, end=end,
                                                 double_coding__isnull=True).first()
                    self.coding_notes.append((same, pc.note_guids))
                continue
            existing.add((code.pk, start, end))
            guid = _valid_uuid(pc.guid)
            coder = users.get(pc.user_guid)
            foreign |= coder is None and bool(pc.user_guid)
            if guid and guid not in taken:
                taken.add(guid)
            else:
                guid = str(uuid.uuid4())
            rows.append((source.pk, code.pk, start, end, (coder or self.actor).pk, now, uuid.UUID(guid)))
            if pc.note_guids:
                noted.append((len(rows) - 1, pc.note_guids))
        if unknown:
            self.report.problems.append(Problem(parsed.name, ngettext(
                "%(n)s coding refers to a code that is not in the file's codebook: left out.",
                "%(n)s codings refer to codes that are not in the file's codebook: left out.", unknown)
                % {"n": unknown}))
        if rows:
            # Rows, not model instances: at 100,000 codings Django's bulk_create spends seconds building objects.
            ids = insert_rows(Coding, ["source_id", "code_id", "start", "end", "coder_id", "created_at", "guid"],
                              rows, returning=bool(noted))
            if noted:
                by_id = Coding.objects.in_bulk([ids[i] for i, _g in noted])
                self.coding_notes += [(by_id[ids[i]], guids) for i, guids in noted]
            audit_write(actor=self.actor, action="coding.import", obj=source, partnership=source.partnership,
                        changes={"codings": len(rows)})
            self.report.codings_created += len(rows)
        return foreign

    # --- memos ----------------------------------------------------------------------------------------------

    def import_notes(self, project: ParsedProject, guids: list[str], **target) -> None:
        for guid in guids:
            note = project.notes.get(guid)
            if note is None:
                continue
            self.used_notes.add(guid)
            exists = Memo.objects.filter(programme=self.programme, text=note.text, **target)
            if not target:
                exists = exists.filter(partnership=self.partnership, code__isnull=True, source__isnull=True,
                                       coding__isnull=True, session__isnull=True)
            if exists.exists():
                continue
            memo_create(actor=self.actor, programme=self.programme, partnership=self.partnership,
                        title=note.name[:200], text=note.text, **target)
            self.report.memos_created += 1

    def import_project_notes(self, project: ParsedProject) -> None:
        for parsed in project.all_codes():
            code = self.code_for(parsed[0].guid)
            if code is not None:
                self.import_notes(project, parsed[0].note_guids, code=code)
        for coding, guids in self.coding_notes:
            self.import_notes(project, guids, coding=coding)
        self.import_notes(project, project.project_note_guids)
        # Notes nothing points at (free-standing in the other tool) become project memos.
        referenced = set(project.project_note_guids)
        for parsed in project.all_codes():
            referenced.update(parsed[0].note_guids)
        for source in project.sources:
            referenced.update(source.note_guids)
            for coding in source.codings:
                referenced.update(coding.note_guids)
        self.import_notes(project, [g for g in project.notes if g not in referenced and g not in self.used_notes])


def _newline_shift(text: str):
    """Maps positions in ``text`` to positions after CR LF became LF (the way sources store text)."""
    removed = [i for i in range(len(text) - 1) if text[i] == "\r" and text[i + 1] == "\n"]
    return lambda pos: pos - bisect.bisect_left(removed, pos)


def import_highlights(importer: Importer, highlights) -> None:
    report = importer.report
    paths = sorted({t for h in highlights for t in h.tags}, key=lambda p: (p.count("."), p))
    nodes: dict[str, ParsedCode] = {}
    roots = []
    for path in paths:
        parent_path, _dot, last = path.rpartition(".")
        parent = nodes.get(parent_path) if parent_path else None
        node = ParsedCode(guid=tag_guid(path), name=(last if parent else path)[:200])
        nodes[path] = node
        (parent.children if parent else roots).append(node)
    importer.map_codes(roots)
    sources = list(analysable_sources_visible_to(importer.actor).filter(partnership=importer.partnership)
                   .select_related(None).only("pk", "title", "partnership"))
    by_title: dict[str, list] = {}
    for s in sources:
        for key in {s.title.strip(), s.title.strip().casefold(), s.title.strip().casefold().rsplit(".", 1)[0]}:
            by_title.setdefault(key, []).append(s)
    texts: dict[int, str] = {}
    existing: dict[int, set] = {}
    made: dict[int, list] = {}
    for hl in highlights:
        where = _("Highlight %(id)s (%(document)s)") % {"id": hl.id, "document": hl.document}
        name = hl.document.strip()
        candidates = (by_title.get(name) or by_title.get(name.casefold())
                      or by_title.get(name.casefold().rsplit(".", 1)[0]) or [])
        if len(candidates) != 1:
            report.problems.append(Problem(where, _("No source of this partnership that you may analyse is called "
                                                    "“%(name)s”.") % {"name": name} if not candidates else
                                           _("Several sources are called “%(name)s”.") % {"name": name}))
            continue
        source = candidates[0]
        if source.pk not in texts:
            texts[source.pk] = Source.objects.values_list("transcript", flat=True).get(pk=source.pk)
            existing[source.pk] = set(Coding.objects.filter(source_id=source.pk, double_coding__isnull=True)
                                      .values_list("code_id", "start", "end"))
        places = locate(texts[source.pk], hl.content)
        if not places:
            report.problems.append(Problem(where, _("Its text was not found in the source's transcript.")))
            continue
        if len(places) > 1:
            report.problems.append(Problem(where, _("Its text stands in %(n)s places in the transcript: code it by "
                                                    "hand.") % {"n": len(places)}))
            continue
        start, end = places[0]
        if not hl.tags:
            report.problems.append(Problem(where, _("It has no tag.")))
        for tag in hl.tags:
            code = importer.code_for(tag_guid(tag))
            if code is None or code.retired_at is not None:
                report.problems.append(Problem(where, _("The tag “%(tag)s” is a retired code here.") % {"tag": tag}))
                continue
            if (code.pk, start, end) in existing[source.pk]:
                report.codings_existing += 1
                continue
            existing[source.pk].add((code.pk, start, end))
            made.setdefault(source.pk, []).append(Coding(source_id=source.pk, code=code, start=start, end=end,
                                                         coder=importer.actor))
    by_pk = {s.pk: s for s in sources}
    for source_pk, objs in made.items():
        Coding.objects.bulk_create(objs, batch_size=1000)
        audit_write(actor=importer.actor, action="coding.import", obj=by_pk[source_pk],
                    partnership=importer.partnership, changes={"codings": len(objs)})
        report.codings_created += len(objs)
