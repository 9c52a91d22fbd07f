"""Recording sources: consultations, interviews, focus groups, surveys, documents, observations.

The transcript is plain text whose character offsets the analysis (codings) points into: line endings are
normalised to LF on save, every other character is kept exactly as typed or imported, and once anything is
coded in it the transcript can no longer be changed.

Testimony never enters the audit log in plain text: long text fields are logged as their length and a keyed
fingerprint, which shows that they changed without showing what they say.
"""

import functools
import hashlib
import hmac

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ovoz import keys
from ovoz.audit.services import audit_write, diff
from ovoz.evidence.extract import normalise_newlines
from ovoz.evidence.models import Participant, Source
from ovoz.programmes.models import Membership
from ovoz.search.index import index_object, unindex_object

FIELDS = [
    "kind", "title", "date", "place", "language", "facilitator", "transcript", "translation_en", "notes",
    "women_only", "stakeholders_present", "outcomes", "shared_with_programme",
]
CONSULTATION_FIELDS = ["women_only", "stakeholders_present", "outcomes"]
TEXT_FIELDS = ["transcript", "translation_en", "notes", "stakeholders_present", "outcomes"]
# Fields whose content is testimony: logged sealed, never in plain text.
SEALED = {"transcript", "translation_en", "notes", "stakeholders_present", "outcomes", "narrative", "response",
          "outcome", "perpetrator_description", "note"}


# --- search index (written by the search part; guarded until it exists) -----------------------------------


def _reindex(obj) -> None:
    """Tell the search index that ``obj``'s text changed. Called inside the writing transaction."""
    index_object(obj)


def _unindex(obj) -> None:
    unindex_object(obj)


# --- audit helpers ------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _fingerprint_key(master: bytes | None) -> bytes:
    """The fingerprints' key, derived once per master key (an import seals some 40,000 texts; HKDF each time
    was a tenth of its audit). Keyed on the master key, so a changed master key gives a new one."""
    return keys.derived_key("audit-fingerprint")


def seal(value: str) -> str:
    """A long text in the audit log: its length and a keyed fingerprint, never the words."""
    if not value:
        return ""
    digest = hmac.new(_fingerprint_key(keys.master_key()), value.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"[{len(value)} characters {digest[:8]}]"


def sealed_snapshot(instance, fields: list[str]) -> dict:
    out = {}
    for name in fields:
        field = instance._meta.get_field(name)
        value = getattr(instance, field.attname)
        if name in SEALED:
            out[name] = seal(value or "")
        elif value is None or isinstance(value, (str, int, float, bool)):
            out[name] = value
        else:
            out[name] = str(value)
    return out


# --- rules ------------------------------------------------------------------------------------------------


def transcript_is_locked(source: Source) -> bool:
    """True once anything points into the transcript by offset (a model that declares
    ``locks_source_transcript = True`` and has a row for this source, e.g. the codings of the analysis)."""
    if source.pk is None:
        return False
    for rel in source._meta.related_objects:
        model = rel.related_model
        if getattr(model, "locks_source_transcript", False) and rel.field.many_to_one:
            if model._default_manager.filter(**{rel.field.name: source}).exists():
                return True
    return False


def team_members(partnership):
    """Who may be named facilitator: the partnership's own team."""
    from ovoz.accounts.models import User

    ids = Membership.objects.filter(partnership=partnership).values("user_id")
    return User.objects.filter(pk__in=ids, is_active=True).order_by("full_name", "username")


def check_sharing(participants, *, what: str = "source") -> None:
    """Sharing with the programme's coordinators needs every participant's consent to it."""
    refusing = sorted(p.code for p in participants if not p.consent_coordinators)
    if refusing:
        message = (
            _("This source cannot be shared with the programme's coordinators: %(codes)s did not allow sharing "
              "with coordinators.")
            if what == "source"
            else _("This incident cannot be shared with the programme's coordinators: %(codes)s did not allow "
                   "sharing with coordinators.")
        )
        raise ValidationError(message % {"codes": ", ".join(refusing)}, code="sharing_refused")


def _clean(source: Source, participants: list[Participant]) -> None:
    partnership = source.partnership
    if source.kind != Source.Kind.CONSULTATION:
        source.women_only, source.stakeholders_present, source.outcomes = None, "", ""
    for name in TEXT_FIELDS:
        setattr(source, name, normalise_newlines(getattr(source, name) or ""))
    others = [p.code for p in participants if p.partnership_id != partnership.pk]
    if others:
        raise ValidationError(_("Only this partnership's participants can be linked: %(codes)s.")
                              % {"codes": ", ".join(others)})
    if source.facilitator_id and not team_members(partnership).filter(pk=source.facilitator_id).exists():
        raise ValidationError(_("The facilitator must be a member of the partnership's team."))
    if source.shared_with_programme:
        check_sharing(participants)
    source.full_clean(exclude=["created_by", "facilitator", "partnership"])


def _audit(actor, action, source, before, participants_before, participants_after):
    changes = diff(before, sealed_snapshot(source, FIELDS))
    if participants_before != participants_after:
        changes["participants"] = {"old": participants_before, "new": participants_after}
    if changes or action.endswith("create"):
        audit_write(actor=actor, action=action, obj=source, partnership=source.partnership, changes=changes)


# --- services ---------------------------------------------------------------------------------------------


@transaction.atomic
def source_create(
    *, actor, partnership, participants=(), is_fictional: bool = False, external_id: str = "", **values
) -> Source:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"Unknown source fields: {sorted(unknown)}")
    participants = list(participants)
    source = Source(
        partnership=partnership, is_fictional=is_fictional, external_id=external_id,
        created_by=actor if getattr(actor, "pk", None) else None, **values,
    )
    _clean(source, participants)
    source.save()
    source.participants.set(participants)
    _audit(actor, "source.create", source, {}, [], sorted(p.code for p in participants))
    _reindex(source)
    return source


@transaction.atomic
def source_update(*, actor, source: Source, participants=None, **values) -> Source:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    source = Source.objects.select_for_update().select_related("partnership__programme").get(pk=source.pk)
    before = sealed_snapshot(source, FIELDS)
    old_transcript = source.transcript
    current = list(source.participants.all())
    participants = current if participants is None else list(participants)
    for name, value in values.items():
        setattr(source, name, value)
    _clean(source, participants)
    if source.transcript != old_transcript and transcript_is_locked(source):
        raise ValidationError(
            _("The transcript has coded passages, so it can no longer be changed: their positions would no longer "
              "match. Add corrections in the notes."),
            code="transcript_locked",
        )
    source.save()
    source.participants.set(participants)
    _audit(actor, "source.update", source, before, sorted(p.code for p in current),
           sorted(p.code for p in participants))
    _reindex(source)
    return source


def incidents_citing(source: Source):
    return source.incident_links.select_related("incident")


@transaction.atomic
def source_delete(*, actor, source: Source) -> None:
    """Delete a source and its attachments. A source that documents incidents must be unlinked first."""
    if source.incident_links.exists():
        raise ValidationError(
            _("This source documents incidents: remove it from them first."), code="linked_to_incidents"
        )
    from ovoz.evidence.services.attachments import forget_file

    partnership, title = source.partnership, source.title
    for attachment in source.attachments.all():
        _unindex(attachment)
        forget_file(attachment)
    _unindex(source)
    audit_write(
        actor=actor, action="source.delete", obj=source, partnership=partnership, object_repr=title,
        changes={"kind": {"old": source.kind, "new": None}, "transcript": {"old": seal(source.transcript),
                                                                          "new": None}},
    )
    source.delete()
