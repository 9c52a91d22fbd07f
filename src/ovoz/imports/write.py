"""Writing a checked plan: participants with their consent, sources and incidents, in bulk.

Called by ``import_job_run`` inside its one transaction, with the partnership's row locked: either every row
of the file is written or none is. Each created record gets the same audit row its own service writes
(``participant.create``, ``consent.record``, ``source.create``, ``incident.create``; testimony sealed), and
sources and incidents go into the search index in batches. Writing in bulk is what makes 10,000 submissions
take seconds rather than minutes; the rules are those of the evidence services, applied in the dry run.
"""

import re
import time
from collections.abc import Callable

from django.utils import timezone

from ovoz.audit.models import AuditEntry
from ovoz.audit.services import diff, snapshot
from ovoz.evidence.extract import normalise_newlines
from ovoz.evidence.models import (
    Act,
    ConsentRecord,
    ConsentScope,
    Incident,
    IncidentSource,
    LabourClaim,
    Participant,
    Source,
)
from ovoz.evidence.services import incidents as incident_service
from ovoz.evidence.services import participants as participant_service
from ovoz.evidence.services import sources as source_service
from ovoz.imports.plan import NewParticipant, Plan
from ovoz.imports.rows import insert_objects, insert_rows

BATCH = 500
AUDIT_COLUMNS = ["at", "actor_id", "actor_label", "kind", "action", "object_type", "object_id", "object_repr",
                 "changes", "programme_id", "partnership_id", "ip_address"]


def labour_values(labour: dict) -> dict:
    """Every column of a labour claim: the imported values and the model's defaults for the rest."""
    return {name: labour.get(name, LABOUR_DEFAULTS[name]) for name in incident_service.LABOUR_FIELDS}


LABOUR_DEFAULTS = {name: ("" if name in incident_service.TEXT_LABOUR else False if name == "documents_confiscated"
                          else None) for name in incident_service.LABOUR_FIELDS}


def labour_snapshot(labour: dict) -> dict:
    """What ``audit.services.snapshot`` logs for a labour claim (the employer's name is never imported)."""
    return {name: (value if value is None or isinstance(value, (str, bool, int, float)) else str(value))
            for name, value in labour_values(labour).items()}


class Codes:
    """The partnership's next free pseudonym codes (``KG-RP-007``…), skipping every code already taken."""

    def __init__(self, partnership, reserved: set[str]):
        first = participant_service.next_code(partnership)
        match = re.fullmatch(r"(.*-)(\d+)", first)
        self.prefix, self.number = (match.group(1), int(match.group(2))) if match else (first + "-", 1)
        self.taken = {c.casefold() for c in Participant.objects.filter(partnership=partnership)
                      .values_list("code", flat=True)} | {c.casefold() for c in reserved}

    def next(self) -> str:
        while True:
            code = f"{self.prefix}{self.number:03d}"
            self.number += 1
            if code.casefold() not in self.taken:
                self.taken.add(code.casefold())
                return code


class Writer:
    def __init__(self, *, actor, partnership, plan: Plan, is_fictional: bool = False,
                 progress: Callable[[str, int, int], None] | None = None):
        self.actor = actor if getattr(actor, "pk", None) else None
        self.label = getattr(actor, "username", "") or "system"
        self.partnership, self.plan, self.fictional = partnership, plan, is_fictional
        self.programme = partnership.programme
        self.progress = progress or (lambda phase, done, total: None)
        self.audit: list[tuple] = []
        # Steps: each participant, source and incident written, then each of them indexed (sources, incidents).
        self.total = len(plan.participants) + 2 * (len(plan.sources) + len(plan.incidents))
        self.done = 0
        self.now = timezone.now()
        self.timings: dict[str, float] = {}

    def _step(self, n: int) -> None:
        self.done += n
        self.progress("importing", min(self.done, self.total), self.total)

    def _audit(self, action: str, obj, changes: dict) -> None:
        """The row ``audit_write`` would write for ``obj``."""
        self.audit.append((
            self.now, self.actor.pk if self.actor else None, self.label, AuditEntry.Kind.CHANGE, action,
            obj._meta.label_lower, str(obj.pk), str(obj)[:200], changes, self.programme.pk, self.partnership.pk, None,
        ))

    def _timed(self, name: str, step) -> None:
        started = time.perf_counter()
        step()
        self.timings[name] = time.perf_counter() - started

    def _write_audit(self) -> None:
        insert_rows(AuditEntry, AUDIT_COLUMNS, self.audit)

    def run(self) -> dict:
        self.progress("importing", 0, self.total)
        self._timed("participants", self._participants)
        self._timed("sources", self._sources)
        self._timed("incidents", self._incidents)
        self._timed("audit", self._write_audit)
        self._timed("search index", self._index)
        return self.plan.counts()

    # participants and their consent
    def _participants(self) -> None:
        new: list[NewParticipant] = []
        seen = set()
        for person in self.plan.participants:
            if person.existing_id is None and id(person) not in seen:
                seen.add(id(person))
                new.append(person)
        codes = Codes(self.partnership, {p.code for p in new if p.code})
        objs = []
        for person in new:
            obj = Participant(
                partnership=self.partnership, code=person.code or codes.next(), created_by=self.actor,
                external_id=person.external_id[:100], is_fictional=self.fictional, attributes=person.attributes,
                **person.values,
            )
            for scope in (person.consent or {}).get("scopes", []):
                setattr(obj, ConsentScope.field(scope), True)
            person.obj = obj
            objs.append(obj)
        for start in range(0, len(objs), BATCH):
            insert_objects(Participant, objs[start:start + BATCH])
            self._step(len(objs[start:start + BATCH]))
        records = []
        for person in new:
            self._audit("participant.create", person.obj,
                        diff({}, snapshot(person.obj, participant_service.FIELDS)))
            if person.consent:
                consent = person.consent
                records.append((person.obj.pk, ConsentRecord.Kind.GIVEN, consent["date"], consent["method"],
                                consent["language"], "", self.actor.pk if self.actor else None, consent["scopes"],
                                "", self.now))
                self._audit("consent.record", person.obj, {
                    "scopes": {"old": [], "new": consent["scopes"]},
                    "date": {"old": None, "new": str(consent["date"])},
                })
        insert_rows(ConsentRecord, ["participant_id", "kind", "date", "method", "language", "form",
                                    "recorded_by_id", "scopes", "note", "created_at"], records)

    @staticmethod
    def _pk(person: NewParticipant) -> int:
        return person.existing_id or person.obj.pk

    # sources
    def _sources(self) -> None:
        objs = []
        for planned in self.plan.sources:
            values = dict(planned.values)
            for name in ("transcript", "notes"):
                if values.get(name):
                    values[name] = normalise_newlines(values[name])
            planned.obj = Source(partnership=self.partnership, created_by=self.actor, is_fictional=self.fictional,
                                 external_id=planned.external_id[:100], **values)
            # Written in bulk, without save(): the transcript's fingerprint is set here.
            planned.obj.transcript_digest = Source.digest_of(planned.obj.transcript)
            objs.append(planned.obj)
        insert_objects(Source, objs)
        links = []
        for planned in self.plan.sources:
            ids = sorted({self._pk(p) for p in planned.participants})
            links += [(planned.obj.pk, pk) for pk in ids]
            changes = diff({}, source_service.sealed_snapshot(planned.obj, source_service.FIELDS))
            codes = sorted({(p.obj.code if p.obj else p.code) for p in planned.participants})
            if codes:
                changes["participants"] = {"old": [], "new": codes}
            self._audit("source.create", planned.obj, changes)
        insert_rows(Source.participants.through, ["source_id", "participant_id"], links)
        self._step(len(objs))

    # incidents, their acts, labour claims and links to the sources
    def _incidents(self) -> None:
        objs = []
        for planned in self.plan.incidents:
            values = dict(planned.values)
            values["narrative"] = normalise_newlines(values.get("narrative") or "")
            planned.obj = Incident(partnership=self.partnership, created_by=self.actor, is_fictional=self.fictional,
                                   external_id=planned.external_id[:100], **values)
            objs.append(planned.obj)
        for start in range(0, len(objs), BATCH):
            insert_objects(Incident, objs[start:start + BATCH])
        acts, owners, claims, links = [], [], [], []
        for planned in self.plan.incidents:
            for act in planned.acts:
                perpetrator = act.get("perpetrator_type")
                acts.append((planned.obj.pk, act["act_type"].pk, perpetrator.pk if perpetrator else None,
                             act.get("perpetrator_description") or "", ""))
                owners.append(planned)
            if planned.labour:
                values = labour_values(planned.labour)
                claims.append((planned.obj.pk, *(values[name] for name in incident_service.LABOUR_FIELDS)))
            if planned.source is not None:
                links.append((planned.obj.pk, planned.source.obj.pk, planned.connection, planned.reliability))
        act_ids = insert_rows(Act, ["incident_id", "act_type_id", "perpetrator_type_id", "perpetrator_description",
                                    "note"], acts, returning=True)
        insert_rows(Act.victims.through, ["act_id", "participant_id"], [
            (act_id, pk) for act_id, planned in zip(act_ids, owners, strict=True)
            for pk in sorted({self._pk(v) for v in planned.victims})
        ])
        insert_rows(LabourClaim, ["incident_id", *incident_service.LABOUR_FIELDS], claims)
        insert_rows(IncidentSource, ["incident_id", "source_id", "connection", "reliability"], links)
        for planned in self.plan.incidents:
            incident = planned.obj
            codes = ",".join(sorted({(v.obj.code if v.obj else v.code) for v in planned.victims}))
            summary = {
                "acts": [f"{a['act_type'].code}:{codes}" for a in planned.acts],
                "interventions": [], "rights": [],
                "sources": ([f"{planned.source.obj.pk}:{planned.connection}:{planned.reliability}"]
                            if planned.source else []),
            }
            summary["labour_claim"] = labour_snapshot(planned.labour) if planned.labour else None
            changes = diff({}, source_service.sealed_snapshot(incident, incident_service.FIELDS))
            changes.update(diff({}, summary))
            self._audit("incident.create", incident, changes)
        self._step(len(objs))

    # the search index
    def _index(self) -> None:
        try:
            from ovoz.search import index
        except ImportError:  # the search part is not installed
            self._step(len(self.plan.sources) + len(self.plan.incidents))
            return
        source_ids = [s.obj.pk for s in self.plan.sources]
        incident_ids = [i.obj.pk for i in self.plan.incidents]
        if all(hasattr(index, name) for name in ("source_documents", "incident_documents", "write_documents")):
            for start in range(0, len(source_ids), BATCH):
                index.write_documents(index.source_documents(source_ids[start:start + BATCH]))
                self._step(len(source_ids[start:start + BATCH]))
            for start in range(0, len(incident_ids), BATCH):
                index.write_documents(index.incident_documents(incident_ids[start:start + BATCH]))
                self._step(len(incident_ids[start:start + BATCH]))
            return
        for planned in [*self.plan.sources, *self.plan.incidents]:
            index.index_object(planned.obj)
            self._step(1)


def write_plan(*, actor, partnership, plan: Plan, is_fictional: bool = False, progress=None) -> dict:
    """Write everything the plan holds. Call inside a transaction: the caller makes it all or nothing."""
    writer = Writer(actor=actor, partnership=partnership, plan=plan, is_fictional=is_fictional, progress=progress)
    counts = writer.run()
    plan.timings = writer.timings
    return counts
