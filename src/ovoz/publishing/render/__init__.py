"""A built document (``ovoz.publishing.document``) as HTML, PDF (WeasyPrint) or DOCX (python-docx)."""

from ovoz.publishing.render.docx import render_docx
from ovoz.publishing.render.html import render_html, render_pdf

FORMATS = {
    "html": ("text/html; charset=utf-8", "html"),
    "pdf": ("application/pdf", "pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
}


def render(document: dict, fmt: str) -> bytes:
    if fmt == "html":
        return render_html(document).encode("utf-8")
    if fmt == "pdf":
        return render_pdf(document)
    if fmt == "docx":
        return render_docx(document)
    raise ValueError(f"Unknown format: {fmt}")


__all__ = ["FORMATS", "render", "render_docx", "render_html", "render_pdf"]
