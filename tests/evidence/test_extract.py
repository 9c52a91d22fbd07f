"""Text comes out of real .txt (UTF-8, UTF-16, Windows-1251), .docx, .odt and .pdf files, which these tests make;
damaged, disguised and oversized files are refused with a sentence a researcher can act on."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ovoz.evidence import extract

KYRGYZ = "Эмгек акы үч ай бою төлөнгөн жок.\nКелишим болгон эмес."
RUSSIAN = "Зарплату не платили три месяца.\r\nДоговора не было.\r\n"
UZBEK_LATIN = "Ish haqi toʻlanmadi.\nShartnoma yoʻq edi."


# --- files the tests make ---------------------------------------------------------------------------------


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_odt(paragraphs: list[str]) -> bytes:
    from odfdo import Document, Header, Paragraph

    document = Document("text")
    document.body.clear()
    document.body.append(Header(1, paragraphs[0]))
    for text in paragraphs[1:]:
        document.body.append(Paragraph(text))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf(lines: list[str]) -> bytes:
    """A tiny one-page PDF written by hand (Helvetica, so Latin text), with a correct cross-reference table."""
    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 12 Tf 72 720 Td 16 TL " + " ".join(f"({escape(line)}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def make_png() -> bytes:
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + \
        chunk(b"IEND", b"")


def make_wav(seconds: float = 0.1) -> bytes:
    import wave

    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x00" * int(8000 * seconds))
    return out.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


# --- plain text -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_plain_text_in_unicode_encodings_is_read_with_or_without_a_byte_order_mark(encoding):
    assert extract.extract_text("interview.txt", KYRGYZ.encode(encoding)) == KYRGYZ


def test_windows_1251_text_is_read_and_its_line_endings_become_lf():
    assert extract.extract_text("интервью.txt", RUSSIAN.encode("cp1251")) == RUSSIAN.replace("\r\n", "\n")


def test_plain_text_keeps_every_character_but_line_endings():
    text = "  Indented line\twith a tab  \r\nOld Mac line\rUzbek: toʻlanmadi — «ish haqi»\n\n\nend  "
    assert extract.extract_text("t.txt", text.encode("utf-8")) == text.replace("\r\n", "\n").replace("\r", "\n")


def test_binary_bytes_are_not_taken_for_text():
    with pytest.raises(ValidationError, match="not readable text"):
        extract.extract_text("notes.txt", bytes(range(256)) * 4)


def test_a_damaged_utf8_file_says_where_it_is_damaged_instead_of_turning_into_nonsense():
    data = "Зарплата".encode() + b"\xff" + " не выплачена".encode()
    with pytest.raises(ValidationError, match="damaged at byte 16"):
        extract.extract_text("notes.txt", data)


def test_an_empty_text_file_is_refused():
    with pytest.raises(ValidationError, match="No text"):
        extract.extract_text("empty.txt", b"  \n ")


# --- documents --------------------------------------------------------------------------------------------


def test_a_word_document_gives_its_paragraphs_and_tables_in_order():
    data = make_docx([UZBEK_LATIN.split("\n")[0], "Иш ҳақи тўланмади."], table=[["Month", "Owed"], ["May", "9000"]])
    assert extract.extract_text("suhbat.docx", data) == (
        "Ish haqi toʻlanmadi.\nИш ҳақи тўланмади.\nMonth\tOwed\nMay\t9000"
    )


def test_an_opendocument_text_gives_its_headings_and_paragraphs():
    data = make_odt(["Интервью", "Эмгек акы төлөнгөн жок.", "Келишим  болгон эмес."])
    assert extract.extract_text("маек.odt", data) == "Интервью\nЭмгек акы төлөнгөн жок.\nКелишим  болгон эмес."


def test_a_pdf_gives_the_text_of_its_pages():
    data = make_pdf(["Wages were not paid for three months.", "There was no contract."])
    text = extract.extract_text("report.pdf", data)
    assert "Wages were not paid for three months." in text
    assert "There was no contract." in text


def test_a_docx_that_is_really_plain_text_is_refused_clearly():
    with pytest.raises(ValidationError) as info:
        extract.extract_text("interview.docx", "Просто текст".encode())
    assert "is not a Word document (.docx)" in info.value.messages[0]
    assert "looks like plain text" in info.value.messages[0]


def test_a_truncated_pdf_is_refused_as_damaged():
    data = make_pdf(["Wages were not paid."])
    with pytest.raises(ValidationError, match="PDF could not be read"):
        extract.extract_text("report.pdf", data[: len(data) // 2])


def test_a_damaged_word_document_is_refused_as_damaged():
    data = make_docx(["Hello"])
    broken = data.replace(b"word/document.xml", b"word/documenX.xml", 1)
    with pytest.raises(ValidationError):
        extract.extract_text("x.docx", broken)


def test_a_file_over_20_mb_is_refused_before_it_is_read():
    big = upload("big.txt", b"a" * (21 * 1024 * 1024))
    with pytest.raises(ValidationError, match="limit is 20 MB"):
        extract.extract_upload(big)


def test_a_pdf_without_text_is_called_a_scan():
    with pytest.raises(ValidationError, match="probably a scan"):
        extract.extract_text("scan.pdf", make_pdf([]))


def test_an_image_is_not_a_transcript():
    with pytest.raises(ValidationError, match="PNG image"):
        extract.extract_text("photo.txt", make_png())
    with pytest.raises(ValidationError, match="can be imported from"):
        extract.extract_text("photo", make_png())


def test_content_decides_the_kind_whatever_the_name():
    assert extract.sniff(make_pdf(["x"])) == extract.PDF
    assert extract.sniff(make_docx(["x"])) == extract.DOCX
    assert extract.sniff(make_odt(["x"])) == extract.ODT
    assert extract.sniff(make_png()) == extract.PNG
    assert extract.sniff(make_wav()) == extract.WAV
    assert extract.sniff(b"ID3\x04\x00" + b"\x00" * 20) == extract.MP3
    assert extract.sniff(b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00") == extract.M4A
    assert extract.sniff(b"OggS\x00\x02" + b"\x00" * 20) == extract.OGG
    assert extract.sniff(b"\xff\xd8\xff\xe0\x00\x10JFIF") == extract.JPEG
    assert extract.sniff("Просто текст".encode()) is None
