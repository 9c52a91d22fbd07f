"""Small real files for the demo's versions: a one-page PDF and a CSV, made without any library."""

from django.core.files.uploadedfile import SimpleUploadedFile

_ASCII = str.maketrans({"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "..."})


def _pdf_text(text: str) -> str:
    text = text.translate(_ASCII).encode("ascii", "replace").decode("ascii")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _wrap(line: str, width: int = 88) -> list[str]:
    words, out, current = line.split(), [], ""
    for word in words:
        if len(current) + len(word) + 1 > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return out + [current] if current else out or [""]


def pdf(name: str, title: str, paragraphs: list[str]) -> SimpleUploadedFile:
    """A valid one-page A4 PDF with a title and wrapped paragraphs (Helvetica, ASCII)."""
    lines = ["BT", "/F1 15 Tf", "56 786 Td", f"({_pdf_text(title)}) Tj", "/F1 10.5 Tf", "0 -10 Td"]
    for paragraph in paragraphs:
        lines.append("0 -12 Td")
        for line in _wrap(paragraph):
            lines.append("0 -14 Td")
            lines.append(f"({_pdf_text(line)}) Tj")
    lines.append("ET")
    stream = "\n".join(lines).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return SimpleUploadedFile(name, bytes(out), content_type="application/pdf")


def csv(name: str, rows: list[tuple]) -> SimpleUploadedFile:
    body = "\n".join(",".join(str(c) for c in row) for row in rows) + "\n"
    return SimpleUploadedFile(name, body.encode("utf-8"), content_type="text/csv")
