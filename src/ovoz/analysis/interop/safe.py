"""Reading untrusted files safely: XML without entities, DTDs or network access; zips with limits on members.

A ``.qdpx`` is a zip written by another program. Its members are read into memory, never extracted to disk,
and each is refused when it claims or turns out to be larger than the limits (a zip bomb declares a small
size and inflates to gigabytes, so the bytes actually inflated are counted as well).
"""

import io
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from lxml import etree

MB = 1024 * 1024


def max_upload() -> int:
    return getattr(settings, "OVOZ_QDA_MAX_UPLOAD", 50 * MB)


def max_unpacked() -> int:
    return getattr(settings, "OVOZ_QDA_MAX_UNPACKED", 400 * MB)


MAX_MEMBERS = 20_000
# A member inflating more than this many times its compressed size is taken for a bomb (text rarely beats 20).
MAX_RATIO = 200


class InteropFileError(ValidationError):
    def __init__(self, message: str):
        super().__init__(message, code="interop_file")


def parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False,
        remove_comments=True, remove_pis=True,
    )


def parse_xml(content: bytes, what: str) -> etree._Element:
    """The root element; refuses documents with a DOCTYPE (no REFI-QDA file needs one, entity bombs do)."""
    try:
        tree = etree.parse(io.BytesIO(content), parser())
    except etree.XMLSyntaxError as exc:
        raise InteropFileError(
            _("%(what)s is not well-formed XML: %(error)s") % {"what": what, "error": exc.msg or str(exc)}
        ) from exc
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InteropFileError(_("%(what)s declares a DOCTYPE, which REFI-QDA files never do: refused.")
                               % {"what": what})
    return tree.getroot()


def check_size(size: int) -> None:
    if size > max_upload():
        raise InteropFileError(
            _("The file is %(size)s MB; files of more than %(max)s MB are refused.")
            % {"size": round(size / MB, 1), "max": max_upload() // MB}
        )


class SafeZip:
    """A zip whose member list was checked; ``read(name)`` inflates at most the declared size."""

    def __init__(self, content: bytes):
        check_size(len(content))
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(content))
        except zipfile.BadZipFile as exc:
            raise InteropFileError(_("The file is not a .qdpx project: it is not a zip archive.")) from exc
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise InteropFileError(_("The archive holds more than %(n)s files: refused.") % {"n": MAX_MEMBERS})
        total = sum(i.file_size for i in infos)
        if total > max_unpacked():
            raise InteropFileError(
                _("The archive would unpack to %(size)s MB, more than the %(max)s MB allowed.")
                % {"size": round(total / MB), "max": max_unpacked() // MB}
            )
        for info in infos:
            if info.file_size > MB and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise InteropFileError(
                    _("“%(name)s” in the archive is compressed suspiciously well (a zip bomb?): refused.")
                    % {"name": info.filename}
                )
        # Names as written, and lower-cased with forward slashes for lenient lookups.
        self.names = {i.filename.replace("\\", "/").lower(): i for i in infos if not i.is_dir()}
        self.inflated = 0

    def find(self, name: str):
        return self.names.get(name.replace("\\", "/").lstrip("/").lower())

    def read(self, name: str) -> bytes | None:
        info = self.find(name)
        if info is None:
            return None
        out = bytearray()
        with self.zip.open(info) as member:
            while chunk := member.read(1024 * 1024):
                out += chunk
                if len(out) > info.file_size or self.inflated + len(out) > max_unpacked():
                    raise InteropFileError(_("“%(name)s” in the archive inflates beyond its declared size: refused.")
                                           % {"name": info.filename})
        self.inflated += len(out)
        return bytes(out)
