"""The plan of an import: what it would create, and every problem with its row, submission and field.

The dry run (``ovoz.imports.checker.check_submissions``) makes it, reading nothing but the file, the mapping,
the programme's vocabularies and which submissions were imported before; the real import
(``ovoz.imports.write``) writes exactly the plan, or nothing when the plan has an error.
"""

from dataclasses import dataclass, field

from ovoz.evidence.models import Incident, IncidentSource, Participant, Source

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
