"""Media attached to a source: audio, photos and scans.

The default storage encrypts every file on disk. A file's type is read from its content, each type has its
size limit, the stored name is random (the original name, which may name someone, stays in the database), and
the text of a PDF scan is kept in ``extracted_text`` for search. Files are only ever read through
``attachment_open``, which writes an audit row.
"""

import os
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_read, audit_write
from ovoz.evidence import extract
from ovoz.evidence.access import can_edit, raise_404, sources_visible_to
from ovoz.evidence.models import Attachment, Source
from ovoz.evidence.services.sources import _reindex, _unindex
from ovoz.programmes.access import one_or_404

MB = extract.MB
CONTENT_TYPES = {
    extract.MP3: "audio/mpeg", extract.M4A: "audio/mp4", extract.OGG: "audio/ogg", extract.WAV: "audio/wav",
    extract.JPEG: "image/jpeg", extract.PNG: "image/png", extract.PDF: "application/pdf",
}
CATEGORY = {
    extract.MP3: "audio", extract.M4A: "audio", extract.OGG: "audio", extract.WAV: "audio",
    extract.JPEG: "photo", extract.PNG: "photo", extract.PDF: "scan",
}
EXTENSION = {extract.JPEG: "jpg"}
LIMITS = {"audio": 100 * MB, "photo": 15 * MB, "scan": 30 * MB}


def category_of(attachment: Attachment) -> str:
    return {"audio": "audio", "image": "photo"}.get(attachment.content_type.split("/")[0], "scan")


# --- reading (the access rules of the source they belong to) -----------------------------------------------


def attachments_visible_to(user) -> QuerySet[Attachment]:
    return Attachment.objects.select_related("source__partnership").filter(source__in=sources_visible_to(user))


def get_attachment_for_user(user, pk, *, write: bool = False) -> Attachment:
    attachment = one_or_404(attachments_visible_to(user), pk)
    if write and not can_edit(user, attachment.source.partnership):
        raise_404()
    return attachment


def attachment_open(*, actor, attachment: Attachment, ip_address=None):
    """The decrypted file, for a download; every opening is written to the audit log."""
    audit_read(actor=actor, obj=attachment, partnership=attachment.source.partnership, reason="download",
               ip_address=ip_address)
    return attachment.file.open("rb")


# --- writing ----------------------------------------------------------------------------------------------


def _clean_name(name: str) -> str:
    name = os.path.basename((name or "").replace("\\", "/")).strip() or "file"
    name = "".join(ch for ch in name if ch.isprintable())
    return name[-255:]


def check_upload(upload) -> tuple[bytes, str]:
    """The file's bytes and its kind, after the type and size checks."""
    data = extract.read_upload(upload, max(LIMITS.values()))
    kind = extract.sniff(data)
    if kind not in CATEGORY:
        raise ValidationError(
            _("Attach audio (mp3, m4a, ogg, wav), photos (jpg, png) or scans (pdf); this file is %(actual)s.")
            % {"actual": extract.kind_label(kind) if kind else _("none of them")},
            code="unsupported",
        )
    limit = LIMITS[CATEGORY[kind]]
    if len(data) > limit:
        raise ValidationError(
            _("%(kind)s can be at most %(limit)s MB; this file is %(size)s MB.")
            % {"kind": extract.kind_label(kind)[:1].upper() + extract.kind_label(kind)[1:], "limit": limit // MB,
               "size": f"{len(data) / MB:.1f}"},
            code="too_large",
        )
    return data, kind


@transaction.atomic
def attachment_add(*, actor, source: Source, upload) -> Attachment:
    data, kind = check_upload(upload)
    text = ""
    if kind == extract.PDF:
        extract.check_pdf(data)  # a damaged PDF is refused; a scan without a text layer is fine
        try:
            text = extract.pdf_text(data)
        except ValidationError:
            text = ""
    stored = f"{uuid.uuid4().hex}.{EXTENSION.get(kind, kind)}"
    attachment = Attachment(
        source=source, original_name=_clean_name(upload.name), content_type=CONTENT_TYPES[kind], size=len(data),
        extracted_text=text, uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    attachment.file.save(stored, ContentFile(data), save=False)
    try:
        attachment.save()
    except Exception:
        attachment.file.storage.delete(attachment.file.name)
        raise
    audit_write(
        actor=actor, action="attachment.add", obj=attachment, partnership=source.partnership,
        changes={
            "source": {"old": None, "new": source.pk},
            "content_type": {"old": None, "new": attachment.content_type},
            "size": {"old": None, "new": attachment.size},
        },
    )
    _reindex(attachment)
    return attachment


def forget_file(attachment: Attachment) -> None:
    """Delete the stored file once the deletion of its row is committed."""
    storage, name = attachment.file.storage, attachment.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def attachment_delete(*, actor, attachment: Attachment) -> None:
    source = attachment.source
    _unindex(attachment)
    forget_file(attachment)
    audit_write(
        actor=actor, action="attachment.delete", obj=attachment, partnership=source.partnership,
        object_repr=attachment.original_name,
        changes={"source": {"old": source.pk, "new": None}, "content_type": {"old": attachment.content_type,
                                                                             "new": None}},
    )
    attachment.delete()
