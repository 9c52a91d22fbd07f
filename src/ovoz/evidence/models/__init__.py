from ovoz.evidence.models.consent import ConsentRecord
from ovoz.evidence.models.exports import ExportRecord
from ovoz.evidence.models.incident import (
    Act,
    DatePrecision,
    Incident,
    IncidentSource,
    Intervention,
    LabourClaim,
)
from ovoz.evidence.models.participant import AgeBand, AttributeDefinition, ConsentScope, Participant
from ovoz.evidence.models.source import Attachment, Source
from ovoz.evidence.models.vocabulary import Term, Vocabulary

__all__ = [
    "Act",
    "AgeBand",
    "Attachment",
    "AttributeDefinition",
    "ConsentRecord",
    "ConsentScope",
    "DatePrecision",
    "ExportRecord",
    "Incident",
    "IncidentSource",
    "Intervention",
    "LabourClaim",
    "Participant",
    "Source",
    "Term",
    "Vocabulary",
]
