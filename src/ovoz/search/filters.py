"""The filters of a search, as conditions on the index entry ``e``: partnership, country, language, kind and
period are the entry's own; migrant status is read from the participants as they are now; violation types
include the narrower types filed under them."""

import datetime
from dataclasses import dataclass, field

from ovoz.evidence.models import Participant, Term
from ovoz.search.models import EntryParticipant, EntryViolation


@dataclass
class Filters:
    partnership: int | None = None
    country: str = ""
    migrant_status: list[int] = field(default_factory=list)
    violation_type: list[int] = field(default_factory=list)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    language: str = ""
    kind: str = ""


def as_filters(filters) -> Filters:
    if filters is None:
        return Filters()
    if isinstance(filters, Filters):
        return filters
    return Filters(**{k: v for k, v in dict(filters).items() if v not in (None, "", [])})


def _ids(values) -> list[int]:
    if values in (None, ""):
        return []
    if isinstance(values, (int, str)):
        values = [values]
    return sorted({int(v) for v in values})


def _with_narrower_terms(term_ids: list[int]) -> list[int]:
    """A violation type with the narrower types filed under it (three levels down)."""
    found, frontier = set(term_ids), set(term_ids)
    for _level in range(3):
        frontier = set(Term.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - found
        if not frontier:
            break
        found |= frontier
    return sorted(found)


def filter_sql(filters: Filters) -> tuple[list[str], list]:
    where, params = [], []
    if filters.partnership:
        where.append("e.partnership_id = %s")
        params.append(int(filters.partnership))
    if filters.country:
        where.append("e.country = %s")
        params.append(filters.country.strip().upper())
    if filters.language:
        language = filters.language.strip().lower()
        where.append("(e.language = %s OR e.language LIKE %s)")
        params += [language, f"{language}-%"]
    if filters.kind:
        where.append("e.kind = %s")
        params.append(filters.kind)
    if filters.date_from:
        where.append("e.date >= %s")
        params.append(filters.date_from)
    if filters.date_to:
        where.append("e.date <= %s")
        params.append(filters.date_to)
    statuses = _ids(filters.migrant_status)
    if statuses:
        ep, p = EntryParticipant._meta.db_table, Participant._meta.db_table
        where.append(
            f"EXISTS (SELECT 1 FROM {ep} ep JOIN {p} p ON p.id = ep.participant_id WHERE ep.entry_id = e.id"
            f" AND p.migrant_status_id IN ({', '.join(['%s'] * len(statuses))}))"
        )
        params += statuses
    violations = _ids(filters.violation_type)
    if violations:
        violations = _with_narrower_terms(violations)
        where.append(
            f"EXISTS (SELECT 1 FROM {EntryViolation._meta.db_table} v WHERE v.entry_id = e.id"
            f" AND v.term_id IN ({', '.join(['%s'] * len(violations))}))"
        )
        params += violations
    return where, params
