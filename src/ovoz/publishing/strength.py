"""How strong a finding is, counted now: sources, participants and partnerships behind it, after consent.

Evidence whose participants have withdrawn (or never allowed) use in analysis no longer counts; a finding
that had evidence and has none left "no longer holds". Counted for many findings in a fixed number of queries.
"""

from collections import defaultdict

from ovoz.evidence.models import Act, Source
from ovoz.publishing.models import Finding, FindingLink


def strengths(findings: list[Finding]) -> dict[int, dict]:
    ids = [f.pk for f in findings]
    links = list(FindingLink.objects.filter(finding_id__in=ids).select_related("coding__source", "incident"))
    source_ids = {link.coding.source_id for link in links if link.coding_id}
    incident_ids = {link.incident_id for link in links if link.incident_id}
    people_of_source = defaultdict(list)
    for source_id, pk, ok in Source.participants.through.objects.filter(source_id__in=source_ids).values_list(
            "source_id", "participant_id", "participant__consent_analysis"):
        people_of_source[source_id].append((pk, ok))
    people_of_incident = defaultdict(set)
    for incident_id, pk, ok in Act.victims.through.objects.filter(act__incident_id__in=incident_ids).values_list(
            "act__incident_id", "participant_id", "participant__consent_analysis"):
        people_of_incident[incident_id].add((pk, ok))
    out = {}
    by_finding = defaultdict(list)
    for link in links:
        by_finding[link.finding_id].append(link)
    for finding_id in ids:
        sources, participants, partnerships = set(), set(), set()
        linked = counted = 0
        for link in by_finding.get(finding_id, []):
            linked += 1
            if link.kind == FindingLink.Kind.CODING and link.coding_id:
                people = people_of_source[link.coding.source_id]
                if all(ok for _, ok in people):
                    counted += 1
                    sources.add(link.coding.source_id)
                    participants.update(pk for pk, _ in people)
                    partnerships.add(link.coding.source.partnership_id)
            elif link.kind == FindingLink.Kind.INCIDENT and link.incident_id:
                people = people_of_incident[link.incident_id]
                if all(ok for _, ok in people):
                    counted += 1
                    participants.update(pk for pk, _ in people)
                    partnerships.add(link.incident.partnership_id)
            else:
                counted += 1
        if linked == 0:
            state = "unsupported"
        elif counted == 0:
            state = "no_longer_holds"
        elif counted < linked:
            state = "weakened"
        else:
            state = "holds"
        out[finding_id] = {
            "sources": len(sources), "participants": len(participants), "partnerships": len(partnerships),
            "links": linked, "counted": counted, "state": state, "participant_ids": sorted(participants),
        }
    return out


def finding_strength(finding: Finding) -> dict:
    return strengths([finding])[finding.pk]
