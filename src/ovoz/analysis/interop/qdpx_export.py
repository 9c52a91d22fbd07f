"""Writing a project as REFI-QDA ``.qdpx``: ``project.qde`` plus ``sources/<guid>.txt`` for each transcript.

Everything comes through the access functions: the sources the person may analyse (consent to analysis), the
codings visible to her outside running double-coding rounds, the memos she may read, the participants of the
exported sources (pseudonym codes and attributes only, never names or contacts), and people by username.

The XML is streamed: codings are read from the database in order and written one selection at a time, and the
transcripts are written into the archive afterwards, one at a time, so memory stays flat whatever the size.
Positions are Unicode code points, which is what REFI-QDA's "characters" means and what Ovoz stores.
"""

import datetime
import zipfile
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Q
from lxml import etree

from ovoz.analysis.access import (
    analysable_sources_visible_to,
    codes_visible_to,
    codings_visible_to,
    memos_visible_to,
)
from ovoz.analysis.interop.ids import derived, selection_guid, variable_guid
from ovoz.analysis.interop.qdc_export import ORIGIN, code_tree, write_code
from ovoz.analysis.interop.validate import PROJECT_NS
from ovoz.evidence.access import participants_visible_to
from ovoz.evidence.models import AgeBand, AttributeDefinition, Source

CHUNK = 5000
SOURCE_VARIABLES = [("Source kind", "Text"), ("Date", "Date"), ("Language", "Text"), ("Partnership", "Text")]
PARTICIPANT_VARIABLES = [
    ("Migrant status", "Text"), ("Age band", "Text"), ("Region of origin", "Text"),
    ("Destination", "Text"), ("Work sector", "Text"), ("Household role", "Text"),
]
ATTRIBUTE_TYPES = {"text": "Text", "number": "Float", "choice": "Text", "yes_no": "Boolean"}
VALUE_ELEMENT = {"Text": "TextValue", "Boolean": "BooleanValue", "Integer": "IntegerValue", "Float": "FloatValue",
                 "Date": "DateValue"}


def source_guid(source_pk: int, external_id: str) -> str:
    """A source imported from REFI-QDA keeps its GUID; others get one derived from their id."""
    if external_id.startswith("refi:"):
        return external_id.removeprefix("refi:")
    return derived("source", source_pk)


def _when(value) -> str:
    return value.isoformat() if value else ""


def _db_when(value) -> str:
    """A timestamp as the database cursor gives it: a datetime (PostgreSQL) or UTC text (SQLite)."""
    if isinstance(value, str):
        return value.replace(" ", "T") + ("" if value.endswith("Z") or "+" in value[10:] else "Z")
    return value.isoformat()


def _guid_text(value) -> str:
    """A UUID as the cursor gives it (32 hex digits on SQLite, a UUID on PostgreSQL), in its usual form."""
    if not isinstance(value, str):
        return str(value)
    if len(value) == 32:
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return value


@dataclass
class Scope:
    """What one export holds: a partnership's project, or the part of a programme shared with coordinators."""

    user: object
    programme: object
    partnership: object = None
    counts: dict = field(default_factory=dict)

    def sources(self):
        qs = analysable_sources_visible_to(self.user).filter(partnership__programme=self.programme)
        if self.partnership is not None:
            qs = qs.filter(partnership=self.partnership)
        return qs

    def codings(self):
        qs = codings_visible_to(self.user)
        if self.partnership is not None:
            return qs.filter(source__partnership=self.partnership)
        return qs.filter(source__partnership__programme=self.programme)

    def codes(self, used_code_ids):
        qs = codes_visible_to(self.user).filter(programme=self.programme)
        mine = Q(partnership=self.partnership) if self.partnership is not None else Q(pk__in=[])
        return qs.filter((Q(partnership__isnull=True) & Q(merged_into__isnull=True)) | mine
                         | Q(pk__in=used_code_ids)).order_by("order", "name_en", "pk")


def _value(xf, variable_name: str, kind: str, value) -> None:
    if value in (None, ""):
        return
    if kind == "Boolean":
        value = "true" if value in (True, "true", "yes", "1", 1) else "false"
    elif kind == "Float":
        try:
            value = repr(float(value))
        except (TypeError, ValueError):
            return
    elif kind == "Date":
        value = value.isoformat() if isinstance(value, datetime.date) else str(value)
    with xf.element("VariableValue"):
        xf.write(etree.Element("VariableRef", targetGUID=variable_guid(variable_name)))
        with xf.element(VALUE_ELEMENT[kind]):
            xf.write(str(value))


class _Writer:
    def __init__(self, scope: Scope, zf: zipfile.ZipFile):
        self.scope, self.zf = scope, zf
        self.counts = {"sources": 0, "codings": 0, "codes": 0, "memos": 0, "cases": 0, "users": 0}

    def gather(self):
        s = self.scope
        long_texts = ("transcript", "translation_en", "notes", "stakeholders_present", "outcomes")
        self.sources = list(s.sources().defer(*long_texts).select_related("partnership__organisation")
                            .order_by("pk"))
        self.source_ids = [src.pk for src in self.sources]
        self.source_guids = {src.pk: source_guid(src.pk, src.external_id) for src in self.sources}
        codings = s.codings()
        used = set(codings.order_by().values_list("code_id", flat=True).distinct())
        self.codes = list(s.codes(used))
        self.code_guids = {c.pk: str(c.guid) for c in self.codes}
        memos = memos_visible_to(s.user).filter(programme=s.programme, session__isnull=True)
        on_exported = (Q(source_id__in=self.source_ids) | Q(coding__source_id__in=self.source_ids)
                       | Q(code_id__in=list(self.code_guids)))
        project = Q(source__isnull=True, coding__isnull=True, code__isnull=True)
        project &= Q(partnership=s.partnership) if s.partnership is not None else Q(partnership__isnull=True)
        self.memos = list(memos.filter(on_exported | project).order_by("pk"))
        self.memo_guid = {m.pk: derived("memo", m.pk) for m in self.memos}
        self.notes_by = {"code": {}, "source": {}, "coding": {}, "project": []}
        for m in self.memos:
            guid = self.memo_guid[m.pk]
            if m.coding_id:
                self.notes_by["coding"].setdefault(m.coding_id, []).append(guid)
            elif m.source_id:
                self.notes_by["source"].setdefault(m.source_id, []).append(guid)
            elif m.code_id:
                self.notes_by["code"].setdefault(m.code_id, []).append(guid)
            else:
                self.notes_by["project"].append(guid)
        user_ids = set(codings.order_by().values_list("coder_id", flat=True).distinct())
        user_ids |= {m.author_id for m in self.memos}
        self.users = {u.pk: (derived("user", u.pk), u.username)
                      for u in get_user_model().objects.filter(pk__in=user_ids - {None}).only("pk", "username")}
        through = Source.participants.through.objects.filter(source_id__in=self.source_ids)
        self.source_participants: dict[int, list[int]] = {}
        for source_id, participant_id in through.values_list("source_id", "participant_id"):
            self.source_participants.setdefault(participant_id, []).append(source_id)
        self.participants = list(
            participants_visible_to(s.user).filter(pk__in=list(self.source_participants))
            .select_related("work_sector", "household_role").order_by("code")
        )
        self.attributes = list(AttributeDefinition.objects.filter(programme=s.programme).order_by("order", "key"))
        self.codings = codings

    def user_guid(self, user_id) -> str | None:
        entry = self.users.get(user_id)
        return entry[0] if entry else None

    def write_users(self, xf):
        if not self.users:
            return
        with xf.element("Users"):
            for guid, username in self.users.values():
                xf.write(etree.Element("User", guid=guid, name=username))
        self.counts["users"] = len(self.users)

    def write_codebook(self, xf):
        roots, children = code_tree(self.codes)
        if not roots:
            return
        with xf.element("CodeBook"), xf.element("Codes"):
            for code in roots:
                write_code(xf, code, children, notes_by_code=self.notes_by["code"])
        self.counts["codes"] = len(self.codes)

    def write_variables(self, xf):
        declared = SOURCE_VARIABLES + (PARTICIPANT_VARIABLES if self.participants else [])
        declared += [(a.label, ATTRIBUTE_TYPES.get(a.kind, "Text")) for a in self.attributes] if self.participants \
            else []
        with xf.element("Variables"):
            for name, kind in declared:
                xf.write(etree.Element("Variable", guid=variable_guid(name), name=name, typeOfVariable=kind))

    def write_cases(self, xf):
        if not self.participants:
            return
        with xf.element("Cases"):
            for p in self.participants:
                with xf.element("Case", guid=derived("participant", p.pk), name=p.code):
                    values = [
                        ("Migrant status", p.migrant_status.label_en if p.migrant_status_id else ""),
                        ("Age band", AgeBand(p.age_band).label if p.age_band else ""),
                        ("Region of origin", p.region_of_origin.label_en if p.region_of_origin_id else ""),
                        ("Destination", p.destination),
                        ("Work sector", p.work_sector.label_en if p.work_sector_id else ""),
                        ("Household role", p.household_role.label_en if p.household_role_id else ""),
                    ]
                    for name, value in values:
                        _value(xf, name, "Text", str(value) if value else "")
                    for a in self.attributes:
                        _value(xf, a.label, ATTRIBUTE_TYPES.get(a.kind, "Text"), (p.attributes or {}).get(a.key))
                    for source_id in self.source_participants.get(p.pk, ()):
                        xf.write(etree.Element("SourceRef", targetGUID=self.source_guids[source_id]))
        self.counts["cases"] = len(self.participants)

    def _coding_rows(self):
        """The codings in source order, straight from the cursor: at 100,000 rows Django's conversion of each
        UUID and timestamp would cost more than writing them (the query is the access function's own)."""
        qs = (self.codings.order_by("source_id", "start", "end", "pk")
              .values_list("pk", "source_id", "start", "end", "guid", "code_id", "coder_id", "created_at"))
        sql, params = qs.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            while rows := cursor.fetchmany(CHUNK):
                yield from rows

    def selection_xml(self, row) -> str:
        """One PlainTextSelection with its Coding. Every value is a GUID, a number or a timestamp, so nothing
        needs escaping, and a string is several times faster than building elements."""
        pk, _source_id, start, end, guid, code_id, coder_id, created_at = row
        guid = _guid_text(guid)
        user = self.user_guid(coder_id)
        extra = f' creatingUser="{user}"' if user else ""
        if created_at:
            extra += f' creationDateTime="{_db_when(created_at)}"'
        notes = "".join(f'<NoteRef targetGUID="{n}"/>' for n in self.notes_by["coding"].get(pk, ()))
        return (f'<PlainTextSelection guid="{selection_guid(guid)}" startPosition="{start}" endPosition="{end}"'
                f'{extra}><Coding guid="{guid}"{extra}><CodeRef targetGUID="{self.code_guids[code_id]}"/></Coding>'
                f"{notes}</PlainTextSelection>")

    def write_sources(self, xf, fh):
        if not self.sources:
            return
        rows = self._coding_rows()
        pending = next(rows, None)
        with xf.element("Sources"):
            for src in self.sources:
                guid = self.source_guids[src.pk]
                attrs = {"guid": guid, "name": src.title, "plainTextPath": f"internal://{guid}.txt"}
                if src.created_by_id in self.users:
                    attrs["creatingUser"] = self.users[src.created_by_id][0]
                if src.created_at:
                    attrs["creationDateTime"] = _when(src.created_at)
                with xf.element("TextSource", attrs):
                    while pending is not None and pending[1] < src.pk:
                        pending = next(rows, None)  # a coding of a source not exported (cannot happen; be safe)
                    batch = []
                    while pending is not None and pending[1] == src.pk:
                        batch.append(self.selection_xml(pending))
                        self.counts["codings"] += 1
                        if len(batch) == CHUNK:
                            xf.flush()
                            fh.write("".join(batch).encode())
                            batch = []
                        pending = next(rows, None)
                    xf.flush()
                    fh.write("".join(batch).encode())
                    for note in self.notes_by["source"].get(src.pk, ()):
                        xf.write(etree.Element("NoteRef", targetGUID=note))
                    _value(xf, "Source kind", "Text", src.kind)
                    _value(xf, "Date", "Date", src.date)
                    _value(xf, "Language", "Text", src.language)
                    _value(xf, "Partnership", "Text", src.partnership.organisation.name)
        self.counts["sources"] = len(self.sources)

    def write_notes(self, xf):
        if not self.memos:
            return
        with xf.element("Notes"):
            for m in self.memos:
                attrs = {"guid": self.memo_guid[m.pk], "name": m.title or m.target_kind,
                         "creationDateTime": _when(m.created_at), "modifiedDateTime": _when(m.updated_at)}
                if self.user_guid(m.author_id):
                    attrs["creatingUser"] = self.user_guid(m.author_id)
                with xf.element("Note", attrs), xf.element("PlainTextContent"):
                    xf.write(m.text)
        self.counts["memos"] = len(self.memos)

    def write(self, name: str):
        self.gather()
        with self.zf.open("project.qde", "w") as fh, etree.xmlfile(fh, encoding="utf-8") as xf:
            xf.write_declaration()
            attrs = {"name": name, "origin": ORIGIN, "creationDateTime": _when(datetime.datetime.now(datetime.UTC))}
            with xf.element("Project", attrs, nsmap={None: PROJECT_NS}):
                self.write_users(xf)
                self.write_codebook(xf)
                self.write_variables(xf)
                self.write_cases(xf)
                self.write_sources(xf, fh)
                self.write_notes(xf)
                for note in self.notes_by["project"]:
                    xf.write(etree.Element("NoteRef", targetGUID=note))
        texts = self.scope.sources().filter(pk__in=self.source_ids).order_by("pk").values_list("pk", "transcript")
        for pk, transcript in texts.iterator(chunk_size=50):
            self.zf.writestr(f"sources/{self.source_guids[pk]}.txt", (transcript or "").encode("utf-8"))
        return self.counts


def write_qdpx(out, *, user, programme, partnership=None, name: str = "") -> dict:
    """Write the archive to the binary file ``out``; return what it holds (counts)."""
    scope = Scope(user=user, programme=programme, partnership=partnership)
    title = name or (str(partnership.organisation) if partnership is not None else programme.title)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        return _Writer(scope, zf).write(title)
