"""Checks on uploaded training materials: a size limit, a list of types, and contents that match the type."""

import codecs
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DEFAULT_MAX_MB = 20


def max_bytes() -> int:
    return int(getattr(settings, "OVOZ_EVENT_MATERIAL_MAX_MB", DEFAULT_MAX_MB)) * 1024 * 1024


def _head(f, n: int = 8192) -> bytes:
    f.seek(0)
    data = f.read(n)
    f.seek(0)
    return data


def _is_pdf(f) -> bool:
    return _head(f, 1024).lstrip()[:5] == b"%PDF-"


def _is_png(f) -> bool:
    return _head(f, 8) == b"\x89PNG\r\n\x1a\n"


def _is_jpeg(f) -> bool:
    return _head(f, 3) == b"\xff\xd8\xff"


def _zip_names(f) -> set[str]:
    f.seek(0)
    try:
        with zipfile.ZipFile(f) as z:
            return set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()
    finally:
        f.seek(0)


def _is_office_open_xml(f) -> bool:
    return "[Content_Types].xml" in _zip_names(f)


def _is_open_document(f) -> bool:
    return "mimetype" in _zip_names(f)


def _is_text(f) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        text = decoder.decode(_head(f, 65536), final=False)
    except UnicodeDecodeError:
        return False
    return "\x00" not in text


# extension -> (content type served back, check of the contents)
ALLOWED = {
    ".pdf": ("application/pdf", _is_pdf),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _is_office_open_xml),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", _is_office_open_xml),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _is_office_open_xml),
    ".odt": ("application/vnd.oasis.opendocument.text", _is_open_document),
    ".odp": ("application/vnd.oasis.opendocument.presentation", _is_open_document),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", _is_open_document),
    ".txt": ("text/plain; charset=utf-8", _is_text),
    ".md": ("text/markdown; charset=utf-8", _is_text),
    ".png": ("image/png", _is_png),
    ".jpg": ("image/jpeg", _is_jpeg),
    ".jpeg": ("image/jpeg", _is_jpeg),
}


def allowed_extensions() -> str:
    return ", ".join(sorted(ext.lstrip(".") for ext in ALLOWED))


def check_material_file(f) -> str:
    """Refuse a file that is empty, too large, of a type not allowed or not what its name says; return its type."""
    name = getattr(f, "name", "") or ""
    size = getattr(f, "size", None) or 0
    if size == 0:
        raise ValidationError(_("The file is empty."))
    limit = max_bytes()
    if size > limit:
        raise ValidationError(
            _("The file is %(size).1f MB; the limit is %(limit)d MB.")
            % {"size": size / (1024 * 1024), "limit": limit // (1024 * 1024)}
        )
    extension = PurePath(name).suffix.lower()
    if extension not in ALLOWED:
        raise ValidationError(
            _("Files of this type cannot be added. Allowed types: %(types)s.") % {"types": allowed_extensions()}
        )
    content_type, looks_right = ALLOWED[extension]
    if not looks_right(f):
        raise ValidationError(
            _("The file's contents are not a %(type)s file.") % {"type": extension.lstrip(".").upper()}
        )
    return content_type
