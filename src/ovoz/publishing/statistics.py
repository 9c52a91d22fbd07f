"""Statistics for publications: counts of participants (or sources) by an attribute, with small cells handled.

Only participants who allow aggregate statistics are counted; when a code is named, only the sources coded with
it that also allow analysis. Cells below the threshold are suppressed (shown as "fewer than N") or merged into
one "other" row; a merged row still below the threshold is suppressed too.
"""

from collections import Counter

from django.conf import settings
from django.utils.translation import gettext as _

from ovoz.analysis.models import Coding
from ovoz.evidence.models import Participant, Source
from ovoz.evidence.models.participant import AgeBand

ATTRIBUTES = {
    "migrant_status": "migrant_status",
    "age_band": "age_band",
    "region_of_origin": "region_of_origin",
    "work_sector": "work_sector",
    "household_role": "household_role",
    "destination": "destination",
    "partnership": "partnership",
}


def min_cell() -> int:
    return getattr(settings, "OVOZ_DISCLOSURE_MIN_CELL", 5)


def scope_participants(publication):
    qs = Participant.objects.filter(partnership__programme_id=publication.programme_id)
    if publication.partnership_id:
        qs = qs.filter(partnership_id=publication.partnership_id)
    return qs


def attribute_label(participant: Participant, name: str, language: str) -> str:
    if name == "age_band":
        return str(AgeBand(participant.age_band).label) if participant.age_band else ""
    if name == "destination":
        return participant.destination
    if name == "partnership":
        return participant.partnership.organisation.name
    value = getattr(participant, name, None)
    if value is None:
        return (participant.attributes or {}).get(name, "") if name not in ATTRIBUTES else ""
    return value.label(language) if hasattr(value, "label") else str(value)


def compute(publication, spec: dict, language: str, mode: str) -> dict:
    """{"rows": [[label, count or None]], "participants": [ids], "small": [labels], "total": n, ...}"""
    by = spec.get("by") or "migrant_status"
    measure = spec.get("measure") or "participants"
    people = scope_participants(publication).filter(consent_statistics=True, consent_analysis=True)
    people = people.select_related("migrant_status", "region_of_origin", "work_sector", "household_role",
                                   "partnership__organisation")
    code_id = spec.get("code")
    if code_id:
        sources = Source.objects.filter(
            pk__in=Coding.objects.filter(code_id=code_id, double_coding__isnull=True).values("source_id")
        ).exclude(participants__consent_statistics=False).exclude(participants__consent_analysis=False)
        people = people.filter(sources__in=sources).distinct()
    counts: Counter = Counter()
    used = []
    for person in people:
        label = attribute_label(person, by, language) or _("not recorded")
        counts[label] += 1
        used.append(person.pk)
    return tabulate(counts, mode, by=by, measure=measure, participants=used)


def tabulate(counts: Counter, mode: str, *, by: str = "", measure: str = "participants",
             participants=()) -> dict:
    """Counts by label as a statistic's table, the cells below the threshold suppressed (``None``, shown as
    "fewer than N") or merged into one "other" row (itself suppressed if still too small). Every table that
    leaves Ovoz is cut here: the publications' blocks and the shadow-report packs."""
    threshold = min_cell()
    rows, small = [], []
    for label, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n < threshold:
            small.append(label)
        rows.append([label, n])
    if mode == "merge" and small:
        merged = sum(n for label, n in rows if label in small)
        rows = [r for r in rows if r[0] not in small]
        rows.append([_("other"), merged if merged >= threshold else None])
    elif mode == "suppress":
        rows = [[label, n if n >= threshold else None] for label, n in rows]
    return {"by": by, "measure": measure, "rows": rows, "small": small, "participants": sorted(set(participants)),
            "total": sum(counts.values()), "threshold": threshold, "mode": mode}
