"""The document as one standalone HTML page (the public page and the PDF use the same template)."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from ovoz.publishing.render.chart import bar_chart
from ovoz.web.pdf import FONT_FAMILY, html_to_pdf


def _prepare(document: dict) -> dict:
    """Charts drawn now, in the document's language (their labels are data, already in it)."""
    for section in document["sections"]:
        for block in section["blocks"]:
            if block["kind"] == "chart":
                block["svg"] = mark_safe(bar_chart(block.get("table") or {}, block.get("text") or section["title"]))  # noqa: S308 -- escaped inside bar_chart
    return document


def render_html(document: dict, *, for_print: bool = False, links: dict | None = None) -> str:
    """``links`` (on the public page): the other languages and the downloads of the published version."""
    with translation.override(document.get("language") or "en"):
        return render_to_string("publishing/document.html", {
            "doc": _prepare(document), "for_print": for_print, "font_family": FONT_FAMILY, "links": links,
        })


def render_pdf(document: dict) -> bytes:
    return html_to_pdf(render_html(document, for_print=True))
