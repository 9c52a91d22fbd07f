"""The document as a Word file: the same sections, quotes and tables (charts become their tables)."""

import io

from django.utils import translation
from django.utils.translation import gettext as _

FONT = "DejaVu Sans"


def _table(document, table: dict):
    rows = table.get("rows", [])
    grid = document.add_table(rows=len(rows) + 1, cols=2)
    grid.style = "Table Grid"
    grid.cell(0, 0).text = ""
    grid.cell(0, 1).text = _("Number of participants") if table.get("measure") != "sources" else _("Number of sources")
    for i, (label, n) in enumerate(rows, start=1):
        grid.cell(i, 0).text = str(label)
        grid.cell(i, 1).text = str(n) if n is not None else _("fewer than %(n)s") % {"n": table.get("threshold", 5)}


def render_docx(doc: dict) -> bytes:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    with translation.override(doc.get("language") or "en"):
        document = docx.Document()
        style = document.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(10.5)
        document.core_properties.title = doc["title"]
        document.core_properties.language = doc.get("language") or "en"
        if doc.get("demonstration"):
            document.add_paragraph(_("Demonstration: built from fictional evidence.")).runs[0].bold = True
        document.add_heading(doc["title"], level=0)
        document.add_paragraph(" — ".join(p for p in (doc.get("organisation"), doc.get("country")) if p))
        document.add_paragraph(doc.get("programme", ""))
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for section in doc["sections"]:
            if not (section.get("body") or section["blocks"]):
                continue
            document.add_heading(section["title"], level=1)
            for para in (section.get("body") or "").split("\n\n"):
                if para.strip():
                    document.add_paragraph(para.strip())
            for block in section["blocks"]:
                kind = block["kind"]
                if kind == "quote":
                    p = document.add_paragraph(style="Quote")
                    p.add_run(f"“{block.get('text', '')}”").italic = True
                    if block.get("translation"):
                        document.add_paragraph(f"“{block['translation']}”", style="Quote")
                    if block.get("attribution"):
                        document.add_paragraph(f"— {block['attribution']}")
                elif kind in ("statistic", "chart"):
                    if block.get("text"):
                        document.add_paragraph(block["text"]).runs[0].bold = True
                    _table(document, block.get("table") or {})
                elif kind == "finding":
                    document.add_paragraph(block.get("text", ""), style="List Bullet")
                elif kind == "recommendation":
                    document.add_paragraph(block.get("text", ""), style="List Number")
                elif block.get("text"):
                    document.add_paragraph(block["text"])
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
