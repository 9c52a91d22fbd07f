"""How strong a finding is, counted now: sources, participants and partnerships behind it, after consent.

Evidence whose participants have withdrawn (or never allowed) use in analysis no longer counts; a finding
that had evidence and has none left "no longer holds".
"""

from ovoz.evidence.models import Participant
from ovoz.publishing.models import Finding, FindingLink


def finding_strength(finding: Finding) -> dict:
    links = list(finding.links.select_related("coding__source", "incident"))
    source_ids, participant_ids, partnership_ids = set(), set(), set()
    linked = counted = 0
    for link in links:
        if link.kind == FindingLink.Kind.CODING and link.coding_id:
            linked += 1
            people = list(Participant.objects.filter(sources=link.coding.source_id).values_list(
                "pk", "consent_analysis"))
            if all(ok for _, ok in people):
                counted += 1
                source_ids.add(link.coding.source_id)
                participant_ids.update(pk for pk, _ in people)
                partnership_ids.add(link.coding.source.partnership_id)
        elif link.kind == FindingLink.Kind.INCIDENT and link.incident_id:
            linked += 1
            people = list(Participant.objects.filter(acts__incident=link.incident_id).values_list(
                "pk", "consent_analysis").distinct())
            if all(ok for _, ok in people):
                counted += 1
                participant_ids.update(pk for pk, _ in people)
                partnership_ids.add(link.incident.partnership_id)
        elif link.kind == FindingLink.Kind.STATISTIC:
            linked += 1
            counted += 1
    if linked == 0:
        state = "unsupported"
    elif counted == 0:
        state = "no_longer_holds"
    elif counted < linked:
        state = "weakened"
    else:
        state = "holds"
    return {
        "sources": len(source_ids),
        "participants": len(participant_ids),
        "partnerships": len(partnership_ids),
        "links": linked,
        "counted": counted,
        "state": state,
        "participant_ids": sorted(participant_ids),
    }
