"""The dry run: reads a file's submissions with a mapping and makes the plan, every problem with its row,
submission and field. It writes nothing.

The checker itself reads answers and converts them (``read``, ``convert``, ``texts``); what each submission
becomes — a participant with her consent, a source, incidents — is made in ``ovoz.imports.records``.
"""

import datetime
from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.evidence.models import AttributeDefinition
from ovoz.imports import values as conv
from ovoz.imports import xlsform
from ovoz.imports.answers import Answers, Context, FieldIndex
from ovoz.imports.existing import Existing
from ovoz.imports.files import DATE_KEYS, ID_KEYS, SubmissionFile, clean_uuid
from ovoz.imports.mapping import Mapping, Spec
from ovoz.imports.plan import ERROR, WARNING, NewParticipant, Plan, Problem
from ovoz.imports.records import Records

Progress = Callable[[str, int, int], None]


class Checker(Records):
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
        self.repeat = file.repeat_path(mapping.repeat) if mapping.repeat else ""  # as the file names it
        self.repeat_index = FieldIndex(file.repeat_keys.get(self.repeat, set())) if mapping.repeat else None
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
        repeat = self.repeat
        if repeat and repeat not in self.file.repeat_keys and not any(
                sub.repeats for sub in self.file.submissions[:1]):
            if self.file.format == "csv":
                self.problem(None, "", f"incidents.repeat: {repeat}", _(
                    "The mapping takes incidents from the repeat group “%(path)s”, which a CSV export does not hold: "
                    "import the JSON or XLSX export, or ODK Central's CSV zip, instead.") % {"path": repeat})
                return
            if self.file.format == "zip":
                self.problem(None, "", f"incidents.repeat: {repeat}", _(
                    "The mapping takes incidents from the repeat group “%(path)s”, and the zip has no table of it "
                    "(FORM-%(name)s.csv): upload the whole export.") % {"path": repeat,
                                                                         "name": repeat.rsplit("/", 1)[-1]})
                return
        for section, target, path in self.mapping.fields():
            if path in ID_KEYS or path in DATE_KEYS:
                continue
            index = self.repeat_index if (section == "incidents" and repeat and self.repeat_index) else None
            found = self.index.resolve(path) or (index and (index.resolve(path) or index.resolve(f"{repeat}/{path}")))
            if found:
                continue
            known = path in self.questions or any(p.endswith("/" + path) for p in self.questions)
            if self.file.format in ("csv", "xlsx", "zip"):  # a table always has every column, answered or not
                if section == "incidents" and repeat and self.file.format != "zip":
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
                items = sub.repeats.get(self.repeat) or []
                for n, item in enumerate(items, start=1):
                    item_ctx = Context(sub.row, key, Answers(item, self.repeat_index or FieldIndex(item),
                                                               prefix=self.repeat, parent=ctx.answers),
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


def check_submissions(*, partnership, mapping: Mapping, file: SubmissionFile, structure: dict | None = None,
                      title: str = "", table: str = "", progress: Progress | None = None) -> Plan:
    return Checker(partnership=partnership, mapping=mapping, file=file, structure=structure, title=title,
                   table=table, progress=progress).run()
