"""Checks on uploaded deliverable files: a size limit, and a type known both by name and by content."""

import os

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_FILE_BYTES = 25 * 1024 * 1024

_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
# extension -> (content type, how the file must start; None for plain text)
FILE_TYPES: dict[str, tuple[str, tuple[bytes, ...] | None]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _ZIP),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", _ZIP),
    ".odt": ("application/vnd.oasis.opendocument.text", _ZIP),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", _ZIP),
    ".odp": ("application/vnd.oasis.opendocument.presentation", _ZIP),
    ".doc": ("application/msword", _OLE),
    ".xls": ("application/vnd.ms-excel", _OLE),
    ".ppt": ("application/vnd.ms-powerpoint", _OLE),
    ".rtf": ("application/rtf", (b"{\\rtf",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".zip": ("application/zip", _ZIP),
    ".txt": ("text/plain", None),
    ".csv": ("text/csv", None),
    ".md": ("text/markdown", None),
}


def allowed_extensions() -> str:
    return ", ".join(sorted(ext.lstrip(".") for ext in FILE_TYPES))


def check_file(upload) -> str:
    """Return the content type of an acceptable upload, or raise a ``ValidationError`` that says why not."""
    name = os.path.basename(getattr(upload, "name", "") or "")
    if upload.size == 0:
        raise ValidationError(_("The file %(name)s is empty.") % {"name": name})
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(
            _("The file %(name)s is %(size)s; files up to %(limit)s are accepted.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(MAX_FILE_BYTES)}
        )
    ext = os.path.splitext(name)[1].lower()
    if ext not in FILE_TYPES:
        raise ValidationError(
            _("Files of this type cannot be submitted. Accepted: %(types)s.") % {"types": allowed_extensions()}
        )
    content_type, magic = FILE_TYPES[ext]
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    if magic is None:
        ok = b"\x00" not in head
    else:
        ok = head.startswith(magic)
    if not ok:
        raise ValidationError(
            _("The file %(name)s does not look like a %(ext)s file: its content is of another kind.")
            % {"name": name, "ext": ext.lstrip(".")}
        )
    return content_type
