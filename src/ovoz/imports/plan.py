"""The dry run: what an import would create, and every problem with its row, submission and field.

``check_submissions`` reads nothing but the file, the mapping, the programme's vocabularies and which
submissions were imported before (their UUID is kept in ``external_id``). It writes nothing. The real import
(``ovoz.imports.write``) writes exactly the plan made here, or nothing when the plan has an error.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.evidence.models import AttributeDefinition, DatePrecision, Incident, IncidentSource, Participant, Source
from ovoz.imports import values as conv
from ovoz.imports import xlsform
from ovoz.imports.files import DATE_KEYS, ID_KEYS, SubmissionFile, clean_uuid
from ovoz.imports.mapping import Mapping, Spec

MAX_PROBLEMS_KEPT = 2000
ERROR, WARNING = "error", "warning"


@dataclass
class Problem:
    row: int | None
    submission: str
    field: str
    message: str
    level: str = ERROR

    def as_dict(self) -> dict:
        return {"row": self.row, "submission": self.submission, "field": self.field, "message": self.message,
                "level": self.level}


@dataclass
class NewParticipant:
    row: int
    external_id: str
    code: str = ""
    values: dict = field(default_factory=dict)
    attributes: dict = field(default_factory=dict)
    consent: dict | None = None
    existing_id: int | None = None  # linked to a participant already in Ovoz: nothing is created
    obj: Participant | None = None


@dataclass
class NewSource:
    row: int
    external_id: str
    values: dict
    participants: list[NewParticipant]
    obj: Source | None = None


@dataclass
class NewIncident:
    row: int
    external_id: str
    values: dict
    acts: list[dict]
    labour: dict | None
    victims: list[NewParticipant]
    source: NewSource | None
    connection: str = IncidentSource.Connection.VICTIM
    reliability: str = IncidentSource.Reliability.UNKNOWN
    obj: Incident | None = None


@dataclass
class Plan:
    rows: int = 0
    skipped: int = 0
    participants: list[NewParticipant] = field(default_factory=list)
    sources: list[NewSource] = field(default_factory=list)
    incidents: list[NewIncident] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped_ids: set[str] = field(default_factory=set)
    timings: dict = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    def counts(self) -> dict:
        new = [p for p in self.participants if p.existing_id is None]
        return {
            "rows": self.rows,
            "skipped": self.skipped,
            "participants": len(new),
            "participants_linked": len({p.existing_id for p in self.participants if p.existing_id}),
            "consents": sum(1 for p in new if p.consent),
            "sources": len(self.sources),
            "incidents": len(self.incidents),
            "acts": sum(len(i.acts) for i in self.incidents),
            "labour_claims": sum(1 for i in self.incidents if i.labour),
        }


# --- finding fields in a file ------------------------------------------------------------------------------------


class FieldIndex:
    """Finds a mapping's field among a file's keys: "group/question" as KoBo writes it, "group-question" as ODK
    Central's CSV does, the question name alone when it is unique, and select_multiple split into columns."""

    def __init__(self, keys):
        self.keys = set(keys)
        self.by_name: dict[str, list[str]] = {}
        for key in self.keys:
            for sep in ("/", "-"):
                if sep in key:
                    self.by_name.setdefault(key.rsplit(sep, 1)[-1], []).append(key)
        self._cache: dict[str, object] = {}

    def resolve(self, path: str):
        """A key, a ("split", [keys]) for split select_multiple columns, or None."""
        if path not in self._cache:
            self._cache[path] = self._resolve(path)
        return self._cache[path]

    def _resolve(self, path: str):
        for candidate in (path, path.replace("/", "-"), path.replace("/", ".")):
            if candidate in self.keys:
                return candidate
        for sep in ("/", "-"):
            split = sorted(k for k in self.keys if k.startswith(path.replace("/", sep) + sep))
            if split:
                return ("split", split)
        name = path.rsplit("/", 1)[-1]
        if name in self.keys:
            return name
        found = set(self.by_name.get(name, []))
        if len(found) == 1:
            return found.pop()
        return None


def _split_value(values: dict, keys: list[str]):
    chosen = [k.rsplit("/", 1)[-1].rsplit("-", 1)[-1] for k in keys
              if conv.text_of(values.get(k)).lower() in {"1", "true", "yes"}]
    return " ".join(chosen) if chosen else None


class Answers:
    """The answers of a submission (or of one item of a repeat group, which also sees the submission's)."""

    def __init__(self, values: dict, index: FieldIndex, *, prefix: str = "", parent: "Answers | None" = None):
        self.values, self.index, self.prefix, self.parent = values, index, prefix, parent

    def get(self, path: str):
        for candidate in ([path, f"{self.prefix}/{path}"] if self.prefix and not path.startswith(self.prefix + "/")
                          else [path]):
            key = self.index.resolve(candidate)
            if isinstance(key, tuple):
                value = _split_value(self.values, key[1])
            else:
                value = self.values.get(key) if key else None
            if not conv.empty(value):
                return value
        return self.parent.get(path) if self.parent else None

    def knows(self, path: str) -> bool:
        if self.index.resolve(path) or (self.prefix and self.index.resolve(f"{self.prefix}/{path}")):
            return True
        return self.parent.knows(path) if self.parent else False


# --- what is in Ovoz already -------------------------------------------------------------------------------------


class Existing:
    """External ids and codes already in the partnership: re-imported submissions are skipped, codes linked."""

    def __init__(self, partnership):
        participants = Participant.objects.filter(partnership=partnership).values_list("pk", "code", "external_id")
        self.codes: dict[str, int] = {}
        self.participant_ids: dict[str, tuple[int, str]] = {}
        for pk, code, external_id in participants:
            self.codes[code.casefold()] = pk
            if external_id:
                self.participant_ids[external_id] = (pk, code)
        self.code_of = {pk: code for code, pk in self.codes.items()}
        self.source_ids = set(
            Source.objects.filter(partnership=partnership).exclude(external_id="").values_list("external_id", flat=True)
        )
        self.incident_ids = {
            e.split("#", 1)[0]
            for e in Incident.objects.filter(partnership=partnership).exclude(external_id="").values_list(
                "external_id", flat=True)
        }

    def has_submission(self, key: str) -> bool:
        return key in self.source_ids or key in self.incident_ids or key in self.participant_ids


# --- the checker ---------------------------------------------------------------------------------------------------

Progress = Callable[[str, int, int], None]


class Checker:
    """Makes the plan of one file with one mapping. ``table`` is set for our own participant and incident tables,
    where a code that exists already is a mistake rather than a link."""

    def __init__(self, *, partnership, mapping: Mapping, file: SubmissionFile, structure: dict | None = None,
                 title: str = "", table: str = "", progress: Progress | None = None):
        self.partnership, self.mapping, self.file = partnership, mapping, file
        self.structure, self.title, self.table = structure or {}, title, table
        self.progress = progress or (lambda phase, done, total: None)
        self.terms = conv.Terms(partnership.programme)
        self.plan = Plan()
        self.index = FieldIndex(file.keys)
        self.repeat_index = FieldIndex(file.repeat_keys.get(mapping.repeat, set())) if mapping.repeat else None
        self.questions = xlsform.questions(self.structure) if self.structure else {}
        self.definitions = {d.key: d for d in AttributeDefinition.objects.filter(programme=partnership.programme)}
        self.new_codes: dict[str, NewParticipant] = {}
        self.new_keys: dict[str, NewParticipant] = {}
        self.today = timezone.localdate()

    # problems
    def problem(self, row, submission, field_name, message, level=ERROR):
        self.plan.problems.append(Problem(row, submission, field_name, str(message), level))

    def issue(self, ctx, field_name, message, level=ERROR):
        """A problem in a submission (or in one item of its repeat group, numbered from 1)."""
        where = f"{field_name} #{ctx.item}" if ctx.item else field_name
        self.problem(ctx.row, ctx.key, where, message, level)

    def run(self) -> Plan:
        self.existing = Existing(self.partnership)
        self._check_fields()
        if self.plan.errors:
            return self.plan
        total = len(self.file.submissions)
        seen: dict[str, int] = {}
        for number, sub in enumerate(self.file.submissions, start=1):
            self.plan.rows += 1
            key = clean_uuid(sub.values.get(self.mapping.submission_id)) if self.mapping.submission_id else sub.uuid
            if not key:
                where = self.mapping.submission_id or "_uuid"
                self.problem(sub.row, "", where, _("No submission ID (_uuid or meta/instanceID): it could not be "
                                                   "told apart from a re-import.") if not self.table
                             else _("The row key is missing: every row needs one, so that a re-import skips it."))
            elif key in seen:
                self.problem(sub.row, key, self.mapping.submission_id or "_uuid",
                             _("Duplicate: the same ID as row %(row)s.") % {"row": seen[key]})
            elif self.existing.has_submission(key):
                seen[key] = sub.row
                self.plan.skipped += 1
                self.plan.skipped_ids.add(key)
            else:
                seen[key] = sub.row
                self._submission(sub, key)
            if number % 250 == 0 or number == total:
                self.progress("checking", number, total)
        return self.plan

    def _check_fields(self) -> None:
        """Fields the mapping names but the file lacks: a mistake for tables (every column is always there)."""
        repeat = self.mapping.repeat
        if repeat and repeat not in self.file.repeat_keys and not any(
                sub.repeats for sub in self.file.submissions[:1]):
            if self.file.format == "csv":
                self.problem(None, "", f"incidents.repeat: {repeat}", _(
                    "The mapping takes incidents from the repeat group “%(path)s”, which a CSV export does not hold: "
                    "import the JSON or XLSX export instead.") % {"path": repeat})
                return
        for section, target, path in self.mapping.fields():
            if path in ID_KEYS or path in DATE_KEYS:
                continue
            index = self.repeat_index if (section == "incidents" and repeat and self.repeat_index) else None
            found = self.index.resolve(path) or (index and (index.resolve(path) or index.resolve(f"{repeat}/{path}")))
            if found:
                continue
            known = path in self.questions or any(p.endswith("/" + path) for p in self.questions)
            if self.file.format in ("csv", "xlsx"):  # a table always has every column, answered or not
                if section == "incidents" and repeat:
                    continue  # the repeat's own sheet may be absent when no submission has an item
                self.problem(None, "", f"{section}.{target}: {path}",
                             _("The file has no column “%(path)s”: is it an export of this form, with "
                               "“XML values and headers”?") % {"path": path})
            elif known:  # a question of the form nobody answered: nothing to say
                continue
            else:
                self.problem(None, "", f"{section}.{target}: {path}",
                             _("No submission answers “%(path)s”.") % {"path": path}, WARNING)

    # reading one target
    def _raw(self, spec: Spec, answers: Answers):
        for path in spec.fields:
            value = answers.get(path)
            if not conv.empty(value):
                return value, path
        if spec.constant is not None:
            return spec.constant, ""
        if spec.default is not None:
            return spec.default, ""
        return None, spec.fields[0] if spec.fields else ""

    def _mapped(self, spec: Spec, value):
        if spec.values:
            key = conv.text_of(value)
            if key in spec.values:
                return spec.values[key]
        return value

    def read(self, ctx, target: str, spec: Spec | None, kind: str):
        """The converted value of a target, or None (a problem is recorded when the answer is not understood)."""
        if spec is None:
            return None
        raw, path = self._raw(spec, ctx.answers)
        where = path or target
        if conv.empty(raw):
            if spec.required:
                self.issue(ctx, where, _("Required, and not answered."))
            return None
        if kind in ("scopes",) or kind.startswith("terms:"):
            def one(answer):
                return (conv.scope(answer) if kind == "scopes"
                        else conv.term(self.terms, kind.split(":", 1)[1], answer))

            whole, message = one(self._mapped(spec, raw))  # a label with spaces, written whole in a table
            if message is None:
                return [whole]
            out = []
            for part in conv.split_many(raw):
                part = self._mapped(spec, part)
                if conv.empty(part):
                    continue
                value, message = one(part)
                if message:
                    self.issue(ctx, where, message)
                elif value not in out:
                    out.append(value)
            return out
        raw = self._mapped(spec, raw)
        value, message = self.convert(kind, raw)
        if message:
            self.issue(ctx, where, message)
            return None
        return value

    def convert(self, kind: str, raw):
        if kind.startswith("term:"):
            return conv.term(self.terms, kind.split(":", 1)[1], raw)
        if kind.startswith("text:"):
            return conv.text(raw, int(kind.split(":", 1)[1]))
        if kind.startswith("choice:"):
            return conv.choice(kind.split(":", 1)[1], raw)
        return {
            "age_band": conv.age_band, "date": conv.date, "decimal": conv.decimal, "hours": conv.hours,
            "bool": conv.boolean, "language": conv.language, "country": conv.country, "currency": conv.currency,
            "code": lambda v: conv.text(v, 30), "key": lambda v: conv.text(v, 100),
        }[kind](raw)

    def texts(self, ctx, spec: Spec | None, language: str) -> str:
        """Free-text answers joined, each under its question's label in the source's language."""
        if spec is None:
            return ""
        if spec.is_constant:
            return conv.text_of(spec.constant)
        parts = []
        for path in spec.fields:
            answer = ctx.answers.get(path)
            if conv.empty(answer):
                continue
            question = self.questions.get(path) or self.questions.get(f"{self.mapping.repeat}/{path}") or {}
            label = xlsform.label_in(question.get("label", {}), language, self.structure.get("default_language", ""))
            answer = conv.text_of(answer)
            parts.append(f"{label or path.rsplit('/', 1)[-1]}\n{answer}" if len(spec.fields) > 1 else answer)
        return "\n\n".join(parts)

    def submission_date(self, answers: Answers) -> datetime.date | None:
        for path in ([self.mapping.submission_date] if self.mapping.submission_date else []) + DATE_KEYS:
            raw = answers.values.get(path)
            if not conv.empty(raw):
                day, _precision = conv.parse_date(raw)
                if day and day <= self.today:
                    return day
        return None

    # one submission
    def _submission(self, sub, key: str) -> None:
        ctx = Context(sub.row, key, Answers(sub.values, self.index))
        before = len(self.plan.errors)
        m = self.mapping
        language = self.read(ctx, "language", (m.source or {}).get("language"), "language") or ""
        when = self.submission_date(ctx.answers)
        participant = self._participant(ctx, language, when) if m.participant is not None else None
        source = self._source(ctx, language, when, participant) if m.source is not None else None
        incidents = []
        if m.incidents is not None:
            if m.repeat:
                items = sub.repeats.get(m.repeat) or []
                for n, item in enumerate(items, start=1):
                    item_ctx = Context(sub.row, key, Answers(item, self.repeat_index or FieldIndex(item),
                                                               prefix=m.repeat, parent=ctx.answers),
                                       item=n)
                    incidents.append(self._incident(item_ctx, f"{key}#{n}", participant, source))
            else:
                incidents.append(self._incident(ctx, key, participant, source))
        if len(self.plan.errors) > before:
            return
        if participant is not None:
            if participant.existing_id is not None:
                self.plan.participants.append(participant)
            elif participant.external_id not in self.new_keys:
                self.new_keys[participant.external_id] = participant
                if participant.code:
                    self.new_codes[participant.code.casefold()] = participant
                self.plan.participants.append(participant)
        if source is not None:
            self.plan.sources.append(source)
        self.plan.incidents.extend(i for i in incidents if i is not None)

    def _participant(self, ctx, language: str, when) -> NewParticipant | None:
        specs = self.mapping.participant
        code = self.read(ctx, "code", specs.get("code"), "code") or ""
        external = self.read(ctx, "external_id", specs.get("external_id"), "key") or ""
        if code:
            taken = self.existing.codes.get(code.casefold())
            if taken and self.table:
                self.issue(ctx, specs["code"].fields[0] if specs["code"].fields else "code",
                             _("The code %(code)s belongs to another participant already.") % {"code": code})
                return None
            if taken:
                return NewParticipant(ctx.row, external or ctx.key, code=code, existing_id=taken)
            if code.casefold() in self.new_codes:
                return self.new_codes[code.casefold()]
        if external:
            if external in self.existing.participant_ids:
                pk, existing_code = self.existing.participant_ids[external]
                return NewParticipant(ctx.row, external, code=existing_code, existing_id=pk)
            if external in self.new_keys:
                return self.new_keys[external]
        person = NewParticipant(ctx.row, external or ctx.key, code=code)
        kinds = {"migrant_status": "term:migrant_status", "age_band": "age_band", "region_of_origin": "term:region",
                 "destination": "text:120", "work_sector": "term:work_sector", "household_role": "term:household_role"}
        for target, kind in kinds.items():
            value = self.read(ctx, target, specs.get(target), kind)
            if value not in (None, ""):
                person.values[target] = value
        for attr_key, spec in self.mapping.attributes.items():
            definition = self.definitions.get(attr_key)
            raw, path = self._raw(spec, ctx.answers)
            if definition is None:
                self.issue(ctx, f"attributes.{attr_key}",
                             _("The programme has no attribute “%(key)s”.") % {"key": attr_key})
                continue
            if conv.empty(raw):
                continue
            value, message = conv.attribute(definition, self._mapped(spec, raw))
            if message:
                self.issue(ctx, path or attr_key, message)
            else:
                person.attributes[attr_key] = value
        if "consent_scopes" in specs:
            person.consent = self._consent(ctx, specs, language, when)
        return person

    def _consent(self, ctx, specs, language, when) -> dict | None:
        scopes = self.read(ctx, "consent_scopes", specs.get("consent_scopes"), "scopes") or []
        day = self.read(ctx, "consent_date", specs.get("consent_date"), "date") or when or self.today
        method = self.read(ctx, "consent_method", specs.get("consent_method"), "choice:consent_method") or "oral"
        lang = self.read(ctx, "consent_language", specs.get("consent_language"), "language") or language
        if method == "written":
            self.issue(ctx, "consent_method", _(
                "A written consent needs its signed form: import her as oral consent, or record the written "
                "consent with its form on her page."))
        if not scopes:
            self.issue(ctx, (specs["consent_scopes"].fields or ["consent_scopes"])[0], _(
                "No consent scope: she is registered, but nothing of hers can be used until her consent is "
                "recorded."), WARNING)
            return None
        return {"scopes": sorted(scopes), "date": day, "method": method, "language": lang or ""}

    def _source(self, ctx, language, when, participant) -> NewSource | None:
        specs = self.mapping.source
        values = {"kind": Source.Kind.SURVEY, "language": language}
        title = self.read(ctx, "title", specs.get("title"), "text:200")
        values["title"] = title or f"{(self.title or _('Survey'))[:185]} – {ctx.key[:8]}"
        values["date"] = self.read(ctx, "date", specs.get("date"), "date") or when
        place = self.read(ctx, "place", specs.get("place"), "text:200")
        if place:
            values["place"] = place
        values["transcript"] = self.texts(ctx, specs.get("transcript"), language)
        notes = self.texts(ctx, specs.get("notes"), language)
        if notes:
            values["notes"] = notes
        return NewSource(ctx.row, ctx.key, values, [participant] if participant else [])

    def _incident(self, ctx, external_id: str, participant, source) -> NewIncident | None:
        specs, m = self.mapping.incidents, self.mapping
        if m.only_if is not None:
            answer = ctx.answers.get(m.only_if.field)
            if not set(conv.split_many(answer) if not conv.empty(answer) else []) & set(m.only_if.equals):
                return None
        before = len(self.plan.problems)
        acts = self.read(ctx, "act_types", specs.get("act_types"), "terms:violation") or []
        if not acts and len(self.plan.problems) == before:
            self.issue(ctx, self._where(ctx, specs["act_types"]),
                       _("Required, and not answered: every incident needs at least one type of act."))
        perpetrator = self.read(ctx, "perpetrator_type", specs.get("perpetrator_type"), "term:perpetrator")
        description = self.read(ctx, "perpetrator_description", specs.get("perpetrator_description"), "text:200")
        values = {}
        day = self.read(ctx, "date", specs.get("date"), "date")
        precision = self.read(ctx, "date_precision", specs.get("date_precision"), "choice:date_precision")
        if day is not None:
            raw, _path = self._raw(specs["date"], ctx.answers)
            hint = conv.parse_date(raw)[1]
            precision = precision or hint or DatePrecision.DAY
            if precision == DatePrecision.MONTH:
                day = day.replace(day=1)
            elif precision == DatePrecision.YEAR:
                day = day.replace(month=1, day=1)
            values["date"] = day
        values["date_precision"] = precision or DatePrecision.DAY
        region = self.read(ctx, "region", specs.get("region"), "term:region")
        country = self.read(ctx, "country", specs.get("country"), "country") or ""
        if region is not None:
            if country and region.country and region.country != country:
                self.issue(ctx, self._where(ctx, specs["region"]),
                             _("The region is not in the country given (%(country)s).") % {"country": country})
            country = country or region.country
            values["region"] = region
        values["country"] = country
        for target in ("city",):
            value = self.read(ctx, target, specs.get(target), "text:120")
            if value:
                values[target] = value
        values["narrative"] = self.texts(ctx, specs.get("narrative"), (source.values["language"] if source else ""))
        values["status"] = self.read(ctx, "status", specs.get("status"), "choice:status") or Incident.Status.UNKNOWN
        title = self.read(ctx, "title", specs.get("title"), "text:200")
        values["title"] = title or (", ".join(t.label_en for t in acts)[:200] if acts else _("Incident"))
        connection = self.read(ctx, "connection", specs.get("connection"), "choice:connection")
        reliability = self.read(ctx, "reliability", specs.get("reliability"), "choice:reliability")
        victims = [participant] if participant else []
        victims += self._victims(ctx, specs.get("victims"))
        labour = self._labour(ctx, specs)
        return NewIncident(
            ctx.row, external_id, values,
            [{"act_type": t, "perpetrator_type": perpetrator, "perpetrator_description": description or ""}
             for t in acts],
            labour, victims, source, connection or IncidentSource.Connection.VICTIM,
            reliability or IncidentSource.Reliability.UNKNOWN,
        )

    def _victims(self, ctx, spec) -> list[NewParticipant]:
        if spec is None:
            return []
        raw, path = self._raw(spec, ctx.answers)
        out = []
        for code in conv.split_many(raw) if not conv.empty(raw) else []:
            pk = self.existing.codes.get(code.casefold())
            if pk is None:
                self.issue(ctx, path or "victims",
                             _("No participant of this partnership has the code %(code)s.") % {"code": code})
            else:
                out.append(NewParticipant(ctx.row, "", code=self.existing.code_of.get(pk, code), existing_id=pk))
        return out

    def _where(self, ctx, spec: Spec) -> str:
        return spec.fields[0] if spec.fields else "incidents"

    def _labour(self, ctx, specs) -> dict | None:
        kinds = {"employer_type": "choice:employer_type", "contract": "choice:contract", "wages_owed": "decimal",
                 "currency": "currency", "wages_period": "text:120", "hours_per_week": "hours",
                 "documents_confiscated": "bool", "documents_confiscated_by": "text:120",
                 "recovered_amount": "decimal"}
        labour = {}
        for target, kind in kinds.items():
            value = self.read(ctx, target, specs.get(target), kind)
            if value not in (None, ""):
                labour[target] = value
        meaningful = {k: v for k, v in labour.items() if k != "currency" and v is not False}
        if not meaningful:
            return None
        if ("wages_owed" in labour or "recovered_amount" in labour) and not labour.get("currency"):
            self.issue(ctx, self._where(ctx, specs["currency"]) if "currency" in specs else "currency",
                         _("Give the currency of the amounts as a three-letter code, e.g. KGS, TJS, UZS, RUB."))
        if not labour.get("documents_confiscated"):
            labour.pop("documents_confiscated_by", None)
        return labour


@dataclass
class Context:
    row: int
    key: str
    answers: Answers
    item: int = 0


def check_submissions(*, partnership, mapping: Mapping, file: SubmissionFile, structure: dict | None = None,
                      title: str = "", table: str = "", progress: Progress | None = None) -> Plan:
    return Checker(partnership=partnership, mapping=mapping, file=file, structure=structure, title=title,
                   table=table, progress=progress).run()
