"""What a financial report may carry: receipts and scans (PDF, JPEG, PNG), spreadsheets and documents.

A file is checked by its name *and* its first bytes, before anything is written, so a renamed
program or an oversized scan is refused with a reason and never reaches the disk.
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
ALLOWED_LABEL = "PDF, JPG, PNG, XLSX, DOCX"


@dataclass(frozen=True)
class CheckedFile:
    name: str
    extension: str
    content_type: str
    size: int


def _head(upload, n: int = 8) -> bytes:
    upload.seek(0)
    head = upload.read(n)
    upload.seek(0)
    return head


def _office_part(upload, folder: str) -> bool:
    """An .xlsx or .docx is a zip holding ``[Content_Types].xml`` and its own folder (``xl/`` or ``word/``)."""
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as z:
            names = z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)


def _content_matches(upload, extension: str) -> bool:
    head = _head(upload)
    if extension == ".pdf":
        return head.startswith(b"%PDF-")
    if extension in (".jpg", ".jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if extension == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension == ".xlsx":
        return head.startswith(b"PK\x03\x04") and _office_part(upload, "xl/")
    if extension == ".docx":
        return head.startswith(b"PK\x03\x04") and _office_part(upload, "word/")
    return False


def check_attachment(upload) -> CheckedFile:
    """The upload's safe name, type and size; ValidationError (saying what is allowed) if it is refused."""
    if upload is None:
        raise ValidationError(_("Choose a file to attach."))
    name = PurePath(str(getattr(upload, "name", "") or "")).name.strip()[:200]
    extension = PurePath(name).suffix.lower()
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
        upload.seek(0)
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("%(name)s is %(size)s; attachments may be at most %(max)s. Scan at a lower resolution or split it.")
            % {"name": name, "size": filesizeformat(size), "max": filesizeformat(MAX_ATTACHMENT_BYTES)}
        )
    if size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": name})
    if extension not in TYPES:
        raise ValidationError(
            _("%(name)s is not a type Ovoz accepts for a report. Allowed: %(allowed)s.")
            % {"name": name or "?", "allowed": ALLOWED_LABEL}
        )
    if not _content_matches(upload, extension):
        raise ValidationError(
            _("%(name)s is not a real %(type)s file (its contents do not match its name).")
            % {"name": name, "type": extension.lstrip(".").upper()}
        )
    return CheckedFile(name=name, extension=extension, content_type=TYPES[extension], size=size)
