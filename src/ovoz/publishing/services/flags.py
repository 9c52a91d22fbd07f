"""When consent is withdrawn, flag every published version that used the participant's material.

Called by the consent service (``ovoz.evidence.services.consent``) in the same transaction as the withdrawal:
the owners of each flagged publication see what to change (which blocks used her material) on its page.
"""

from django.utils import timezone

from ovoz.audit.services import audit_write
from ovoz.publishing.models import PublishedVersion

# Which withdrawn scopes matter to a publication: analysis and quotes (what it shows), statistics (what it counts).
RELEVANT = {"analysis", "quotes", "statistics", "attribution"}


def versions_using(participant_id: int):
    """Published versions whose frozen documents used this participant (JSON lists are checked in Python so
    that the same code runs on SQLite and PostgreSQL)."""
    return [v for v in PublishedVersion.objects.select_related("publication").filter(withdrawn_at__isnull=True)
            if participant_id in (v.participant_ids or [])]


def _blocks_of(version: PublishedVersion, participant_id: int) -> list[dict]:
    found = []
    for language, document in (version.documents or {}).items():
        for section in document.get("sections", []):
            for block in section.get("blocks", []):
                if participant_id in block.get("participants", []):
                    found.append({"language": language, "section": section.get("title", ""), "block": block["id"],
                                  "kind": block["kind"]})
    return found


def versions_flag_for_participant(*, actor, participant, scopes: list[str] | None, date) -> list[PublishedVersion]:
    """Flag the versions that used ``participant``; ``scopes`` None means she withdrew entirely."""
    withdrawn = sorted(RELEVANT if scopes is None else RELEVANT & set(scopes))
    if not withdrawn:
        return []
    flagged = []
    for version in versions_using(participant.pk):
        flag = {"participant": participant.code, "scopes": withdrawn, "date": str(date),
                "blocks": _blocks_of(version, participant.pk)}
        version.flags = [*(version.flags or []), flag]
        version.flagged_at = timezone.now()
        version.save(update_fields=["flags", "flagged_at"])
        publication = version.publication
        audit_write(actor=actor, action="publication.flag", obj=publication, programme=publication.programme,
                    partnership=publication.partnership,
                    changes={"version": version.number, "participant": participant.code, "scopes": withdrawn})
        flagged.append(version)
    return flagged
