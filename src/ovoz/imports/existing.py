"""What is in Ovoz already: re-imported submissions are skipped, participants' codes linked."""

from ovoz.evidence.models import Incident, Participant, Source


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
