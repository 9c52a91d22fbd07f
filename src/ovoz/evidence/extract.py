"""Text out of uploaded files, and what an uploaded file really is.

Types are recognised by their content (the first bytes, the parts inside a zip), never by the name alone: a
".docx" that is really plain text, or a ".pdf" that was cut short in transfer, is refused with a sentence a
researcher can act on, and nothing is written. Libraries: python-docx (.docx), odfdo (.odt), pypdf (.pdf);
plain text is decoded here (UTF-8, UTF-16/32 with or without a byte-order mark, and Windows-1251, still the
default of many Russian-language Windows installations in the region).
"""

import codecs
import io
import os
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MB = 1024 * 1024
IMPORT_MAX_BYTES = 20 * MB
# A .docx or .odt is a zip: refuse one that would unpack to more than this (a "zip bomb").
ZIP_MAX_UNPACKED = 200 * MB

# Content kinds this module recognises.
TXT, DOCX, ODT, PDF = "txt", "docx", "odt", "pdf"
MP3, M4A, OGG, WAV, JPEG, PNG = "mp3", "m4a", "ogg", "wav", "jpeg", "png"
ZIP = "zip"

IMPORT_KINDS = {TXT, DOCX, ODT, PDF}
EXTENSIONS = {
    ".txt": TXT, ".text": TXT, ".docx": DOCX, ".odt": ODT, ".pdf": PDF, ".mp3": MP3, ".m4a": M4A, ".ogg": OGG,
    ".oga": OGG, ".opus": OGG, ".wav": WAV, ".jpg": JPEG, ".jpeg": JPEG, ".png": PNG,
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
M4A_BRANDS = {b"M4A ", b"M4B ", b"mp42", b"mp41", b"isom", b"iso2", b"3gp4", b"3gp5", b"dash"}


def kind_label(kind: str) -> str:
    return {
        TXT: _("plain text"), DOCX: _("a Word document (.docx)"), ODT: _("an OpenDocument text (.odt)"),
        PDF: _("a PDF"), MP3: _("MP3 audio"), M4A: _("M4A audio"), OGG: _("Ogg audio"), WAV: _("WAV audio"),
        JPEG: _("a JPEG photo"), PNG: _("a PNG image"), ZIP: _("a zip archive"),
    }.get(kind, kind)


def extension_kind(name: str) -> str | None:
    return EXTENSIONS.get(os.path.splitext(name or "")[1].lower())


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return DOCX
            if "mimetype" in names and zf.read("mimetype").strip() == ODT_MIMETYPE and "content.xml" in names:
                return ODT
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError, EOFError):
        pass
    return ZIP


def sniff(data: bytes) -> str | None:
    """What the bytes are, whatever the file is called; None for anything that is not a known binary kind."""
    head = data[:64]
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # a text's byte-order mark (FF FE would otherwise pass for an MPEG audio frame)
    if b"%PDF-" in data[:1024]:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"OggS"):
        return OGG
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return WAV
    if head[4:8] == b"ftyp" and head[8:12] in M4A_BRANDS:
        return M4A
    if head.startswith(b"ID3"):
        return MP3
    if len(head) >= 4 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and (head[1] >> 1) & 3 and head[2] >> 4 != 15:
        return MP3  # an MPEG audio frame header: sync bits, a real layer, a valid bitrate
    return None


# --- plain text -------------------------------------------------------------------------------------------

BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def normalise_newlines(text: str) -> str:
    """Windows (CR LF) and old Mac (CR) line endings become LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _not_text() -> ValidationError:
    return ValidationError(
        _("This file is not readable text in UTF-8, UTF-16 or Windows-1251. Open it in a text editor and save it "
          "as UTF-8, then try again."),
        code="undecodable",
    )


def _check_controls(text: str) -> str:
    if any(ord(ch) < 32 and ch not in ALLOWED_CONTROLS or ch == "\x7f" for ch in text):
        raise _not_text()
    return text


def _plausible(ch: str) -> bool:
    """A character of the scripts and punctuation the programme's texts are written in."""
    code = ord(ch)
    return (
        code < 0x250  # ASCII, Latin-1, Latin Extended (Uzbek and Turkish Latin letters)
        or 0x2B0 <= code < 0x370  # modifier letters (Uzbek ʻ ʼ) and combining marks
        or 0x400 <= code < 0x530  # Cyrillic and its supplement (Kyrgyz, Tajik, Kazakh, Uzbek Cyrillic letters)
        or 0x2000 <= code < 0x2070  # general punctuation
        or 0x20A0 <= code < 0x20C0  # currency signs
        or code in (0x2116, 0xFEFF)  # numero sign, zero-width no-break space
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: the byte order whose decoding reads as the region's text."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text and sum(map(_plausible, text)) >= 0.95 * len(text):
            return text
    return None


def _looks_like_cp1251(data: bytes) -> str | None:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 127]
    if high and sum(ch.isalpha() for ch in high) < 0.8 * len(high):
        return None
    return text


def decode_text(data: bytes) -> str:
    """Decode a plain-text file: byte-order mark, then UTF-16 without a mark, then UTF-8, then Windows-1251."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _check_controls(data[len(bom):].decode(encoding))
            except UnicodeDecodeError:
                raise _not_text() from None
    if b"\x00" in data:
        # Text in UTF-8 or Windows-1251 never holds a zero byte; UTF-16 does, for every ASCII character.
        text = _utf16_without_bom(data)
        if text is None:
            raise _not_text()
        return _check_controls(text)
    try:
        return _check_controls(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    # Mostly valid UTF-8 with a few broken bytes is a damaged file, not Windows-1251.
    loose = data.decode("utf-8", errors="replace")
    broken = loose.count("\ufffd")
    if sum(1 for ch in loose if ord(ch) > 127 and ch != "\ufffd") > broken:
        raise ValidationError(
            _("This file is UTF-8 text but is damaged at byte %(position)s. Open it in a text editor, fix or "
              "retype the damaged part and save it as UTF-8.") % {"position": first_bad},
            code="damaged_utf8",
        )
    text = _looks_like_cp1251(data)
    if text is None:
        raise _not_text()
    return _check_controls(text)


# --- documents --------------------------------------------------------------------------------------------


def _check_zip_size(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        if sum(i.file_size for i in zf.infolist()) > ZIP_MAX_UNPACKED:
            raise ValidationError(_("This document unpacks to far more than its size: it is refused for safety."),
                                  code="zip_bomb")


def _damaged(kind: str) -> ValidationError:
    return ValidationError(
        _("%(kind)s could not be read: the file may be damaged or incomplete. Open it and save it again, then try "
          "again.") % {"kind": kind_label(kind)[:1].upper() + kind_label(kind)[1:]},
        code="damaged",
    )


def docx_text(data: bytes) -> str:
    import docx
    from docx.table import Table

    _check_zip_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
        lines = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    lines.append("\t".join(cell.text for cell in row.cells))
            else:
                lines.append(block.text)
    except ValidationError:
        raise
    except Exception:  # python-docx raises many kinds (KeyError, ValueError, lxml errors) on a damaged file
        raise _damaged(DOCX) from None
    return "\n".join(lines)


def odt_text(data: bytes) -> str:
    from odfdo import Document

    _check_zip_size(data)
    try:
        document = Document(io.BytesIO(data))
        blocks = document.body.get_elements("descendant::text:p | descendant::text:h")
        lines = [block.text_recursive for block in blocks]
    except Exception:  # odfdo and lxml raise many kinds on a damaged file
        raise _damaged(ODT) from None
    return "\n".join(lines)


def check_pdf(data: bytes):
    """A readable, complete, unprotected PDF's reader; a clear error otherwise."""
    from pypdf import PdfReader

    if b"%%EOF" not in data[-2048:]:
        raise _damaged(PDF)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(_("This PDF is protected by a password: remove the password and try again."),
                                  code="encrypted")
        len(reader.pages)
    except ValidationError:
        raise
    except Exception:
        raise _damaged(PDF) from None
    return reader


def pdf_text(data: bytes) -> str:
    reader = check_pdf(data)
    try:
        pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
    except Exception:
        raise _damaged(PDF) from None
    return "\n\n".join(pages)


def _tidy(text: str) -> str:
    """Line endings to LF and no blank lines around the whole text; every other character kept."""
    text = normalise_newlines(text).replace("\x00", "")
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def import_kind(name: str, data: bytes) -> str:
    """The kind of a transcript file, checked by content; the name's extension must agree with it."""
    content = sniff(data)
    claimed = extension_kind(name)
    if content is None and claimed in (None, TXT):
        return TXT
    if claimed in IMPORT_KINDS and claimed != (content or TXT):
        raise ValidationError(
            _("The file is called “%(name)s” but its content is not %(claimed)s (it looks like %(actual)s). Save it "
              "again in the right format and try again.")
            % {"name": name, "claimed": kind_label(claimed), "actual": kind_label(content or TXT)},
            code="mismatch",
        )
    if content not in IMPORT_KINDS:
        raise ValidationError(
            _("Transcripts can be imported from .txt, .docx, .odt and .pdf files; this file is %(actual)s.")
            % {"actual": kind_label(content)},
            code="unsupported",
        )
    return content


def read_upload(upload, limit: int) -> bytes:
    """The bytes of an uploaded file, refused before reading if it is over ``limit``."""
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": f"{upload.size / MB:.1f}", "limit": limit // MB},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read()
    if len(data) > limit:
        raise ValidationError(_("The file is larger than %(limit)s MB.") % {"limit": limit // MB}, code="too_large")
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    return data


def extract_text(name: str, data: bytes) -> str:
    """The text of a .txt, .docx, .odt or .pdf file, with LF line endings; a ValidationError if it has none."""
    if len(data) > IMPORT_MAX_BYTES:
        raise ValidationError(_("The file is larger than %(limit)s MB.") % {"limit": IMPORT_MAX_BYTES // MB},
                              code="too_large")
    kind = import_kind(name, data)
    reader = {TXT: decode_text, DOCX: docx_text, ODT: odt_text, PDF: pdf_text}[kind]
    text = normalise_newlines(reader(data)) if kind == TXT else _tidy(reader(data))
    if not text.strip():
        if kind == PDF:
            raise ValidationError(
                _("No text was found in this PDF: it is probably a scan. Attach it as a scan, and type the "
                  "transcript."),
                code="no_text",
            )
        raise ValidationError(_("No text was found in this file."), code="no_text")
    return text


def extract_upload(upload) -> str:
    """The text of an uploaded transcript file (size, type and encoding checked)."""
    return extract_text(upload.name, read_upload(upload, IMPORT_MAX_BYTES))
