"""What the index holds of each kind of evidence: which texts, in which order, and which facts for filters.

Sources: title; transcript, English translation, notes, consultation outcomes and stakeholders present.
Attachments: file name; the text extracted from the file. Incidents: title; narrative. Names, contacts and
employers' names are encrypted and are never indexed.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from ovoz.evidence.models import Attachment, Incident, Source

# (field name, label shown beside a snippet), in the order a snippet is looked for.
SOURCE_FIELDS = [
    ("transcript", _("Transcript")),
    ("translation_en", _("English translation")),
    ("notes", _("Notes")),
    ("outcomes", _("Outcomes")),
    ("stakeholders_present", _("Stakeholders present")),
]
ATTACHMENT_FIELDS = [("extracted_text", _("Text of the attached file"))]
INCIDENT_FIELDS = [("narrative", _("What happened"))]
FIELDS = {"source": SOURCE_FIELDS, "attachment": ATTACHMENT_FIELDS, "incident": INCIDENT_FIELDS}
FIELD_LABELS = {name: label for fields in FIELDS.values() for name, label in fields}
FIELD_LABELS["title"] = _("Title")
# What the "kind" filter offers: the kinds of sources, attached files and documented violations.
KINDS = [*Source.Kind.choices, ("attachment", _("Attached file")), ("incident", _("Documented violation"))]
KIND_LABELS = dict(KINDS)
LANGUAGES = [
    ("ru", _("Russian")),
    ("ky", _("Kyrgyz")),
    ("uz", _("Uzbek")),
    ("tg", _("Tajik")),
    ("kk", _("Kazakh")),
    ("en", _("English")),
]
SCRIPTS = {"cyrl": _("Cyrillic"), "latn": _("Latin")}


def language_label(code: str) -> str:
    """"Uzbek", or "Uzbek (Cyrillic)" for uz-Cyrl; an unknown code as it is."""
    if not code:
        return ""
    base, _sep, script = code.partition("-")
    name = dict(LANGUAGES).get(base.lower())
    if name is None:
        return code
    return f"{name} ({SCRIPTS[script.lower()]})" if script.lower() in SCRIPTS else str(name)


@dataclass
class Document:
    object_type: str
    object_id: int
    kind: str
    partnership_id: int
    programme_id: int
    country: str
    language: str
    date: object
    shared: bool
    title: str
    texts: list[str]
    participant_ids: set[int] = field(default_factory=set)
    violation_ids: set[int] = field(default_factory=set)


def title_of(obj) -> str:
    return obj.original_name if isinstance(obj, Attachment) else obj.title


def fields_of(obj) -> list[tuple[str, str]]:
    """``(field name, text)`` of an object, in the order the index holds them."""
    return [(name, getattr(obj, name) or "") for name, _label in FIELDS[object_type_of(obj)]]


def object_type_of(obj) -> str:
    if isinstance(obj, Source):
        return "source"
    if isinstance(obj, Attachment):
        return "attachment"
    if isinstance(obj, Incident):
        return "incident"
    raise TypeError(f"Not searchable: {type(obj).__name__}")


def source_document(source: Source, participant_ids, violation_ids) -> Document:
    p = source.partnership
    return Document(
        object_type="source", object_id=source.pk, kind=source.kind, partnership_id=p.pk,
        programme_id=p.programme_id, country=p.country, language=(source.language or "").lower(), date=source.date,
        shared=source.shared_with_programme, title=source.title, texts=[t for _n, t in fields_of(source)],
        participant_ids=set(participant_ids), violation_ids=set(violation_ids),
    )


def attachment_document(attachment: Attachment, source_document_: Document) -> Document:
    s = source_document_
    return Document(
        object_type="attachment", object_id=attachment.pk, kind="attachment", partnership_id=s.partnership_id,
        programme_id=s.programme_id, country=s.country, language=s.language, date=s.date, shared=s.shared,
        title=attachment.original_name, texts=[attachment.extracted_text or ""],
        participant_ids=set(s.participant_ids), violation_ids=set(s.violation_ids),
    )


def incident_document(incident: Incident, participant_ids, violation_ids) -> Document:
    p = incident.partnership
    return Document(
        object_type="incident", object_id=incident.pk, kind="incident", partnership_id=p.pk,
        programme_id=p.programme_id, country=incident.country or p.country, language="", date=incident.date,
        shared=incident.shared_with_programme, title=incident.title, texts=[incident.narrative or ""],
        participant_ids=set(participant_ids), violation_ids=set(violation_ids),
    )
