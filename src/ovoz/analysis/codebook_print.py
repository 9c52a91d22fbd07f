"""The codebook on paper: every code with its definition, when to use it and when not, and an example.

Teams code together with the codebook beside them, and co-researchers learn it in a workshop before a
participatory session; so it prints, as PDF (WeasyPrint, the shipped DejaVu fonts) and as DOCX (to edit or
translate), in the language asked for, with the hierarchy kept. The person's codebook is what
``codes_visible_to`` gives her (the programme codebook and her partnership's codes); an operator printing from
the terminal gets the whole programme's. Only codes, never codings or evidence, are printed.
"""

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ovoz.analysis.models import Code
from ovoz.analysis.views.codebook_common import flatten
from ovoz.analysis.views.coding_render import colour_of

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
LANGUAGES = ("en", "ru", "ky", "uz", "tg")


@dataclass
class Entry:
    code: Code
    depth: int
    name: str
    colour: str  # checked: it is written into a style rule


@dataclass
class Group:
    title: str
    entries: list[Entry]


def codebook_groups(codes, language: str) -> list[Group]:
    """The active codes in tree order, the programme codebook first, then each partnership's own codes."""
    codes = [c for c in codes if c.retired_at is None]
    by_partnership: dict = {}
    for code in codes:
        by_partnership.setdefault(code.partnership, []).append(code)
    groups = []
    with translation.override(language):
        for partnership in sorted(by_partnership, key=lambda p: (p is not None, str(p.organisation.name) if p else "")):
            title = (_("Programme codebook") if partnership is None else
                     _("Codes of %(organisation)s") % {"organisation": partnership.organisation.name})
            entries = [Entry(c, c.depth, c.name(language), colour_of(c.colour))
                       for c in flatten(by_partnership[partnership])]
            groups.append(Group(title, entries))
    return groups


def codebook_file(programme, codes, *, fmt: str, language: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format: {fmt}")
    language = language if language in LANGUAGES else "en"
    groups = codebook_groups(codes, language)
    with translation.override(language):
        if fmt == "docx":
            return _docx(programme, groups, language)
        from ovoz.web.pdf import html_to_pdf

        html = render_to_string("analysis/codebook_print.html", {
            "programme": programme, "groups": groups, "language": language, "today": timezone.localdate(),
        })
        return html_to_pdf(html)


def _docx(programme, groups: list[Group], language: str) -> bytes:
    import docx
    from docx.shared import Pt, RGBColor

    document = docx.Document()
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(10.5)
    document.core_properties.title = _("Codebook")
    document.core_properties.language = language
    document.add_heading(_("Codebook"), level=0)
    document.add_paragraph(str(programme))
    labels = ((_("Definition"), "definition"), (_("Use when"), "inclusion"), (_("Do not use when"), "exclusion"),
              (_("Example"), "example"))
    for group in groups:
        document.add_heading(group.title, level=1)
        for entry in group.entries:
            heading = document.add_heading(entry.name, level=min(2 + entry.depth, 9))
            heading.runs[0].font.color.rgb = RGBColor.from_string(entry.colour.lstrip("#").upper())
            for label, field in labels:
                value = (getattr(entry.code, field) or "").strip()
                if value:
                    paragraph = document.add_paragraph()
                    paragraph.add_run(f"{label}: ").bold = True
                    paragraph.add_run(value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
