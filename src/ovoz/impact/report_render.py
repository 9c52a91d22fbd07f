"""The reflection report as a standalone HTML page, a PDF (WeasyPrint) and a Word document (python-docx).

The PDF uses the fonts Ovoz ships (``ovoz.web.pdf``): DejaVu Sans covers the Cyrillic letters of Kyrgyz
(ң, ө, ү), Tajik (ғ, ӣ, қ, ӯ, ҳ, ҷ) and Uzbek Latin (oʻ, gʻ) alike, on any server.
"""

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.impact.report_data import ReportData

FORMATS = {
    "html": ("text/html; charset=utf-8", "html"),
    "pdf": ("application/pdf", "pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
}
FONT = "DejaVu Sans"


def render_html(data: ReportData) -> str:
    return render_to_string("impact/report_document.html", {"data": data, "made_on": timezone.localdate()})


def render_pdf(data: ReportData) -> bytes:
    from ovoz.web.pdf import html_to_pdf  # the fonts Ovoz ships; nothing fetched from elsewhere

    return html_to_pdf(render_html(data))


def render_docx(data: ReportData) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(10.5)
    programme = data.programme
    document.add_heading(_("Reflection report"), level=0)
    document.add_paragraph(programme.title)
    document.add_paragraph(_("Made on %(date)s. Storytellers are named by pseudonym code only.")
                           % {"date": timezone.localdate().isoformat()})

    document.add_heading(_("Stories of change by level"), level=1)
    if data.counts:
        levels = [label for label, _stories in data.stories_by_level]
        table = document.add_table(rows=1, cols=len(levels) + 2)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, [_("Partnership"), *levels, _("Total")], strict=True):
            cell.text = str(text)
        for name, row, total in data.counts:
            cells = table.add_row().cells
            for cell, text in zip(cells, [name, *row, total], strict=True):
                cell.text = str(text)
    for label, stories in data.stories_by_level:
        document.add_heading(str(label), level=2)
        if not stories:
            document.add_paragraph(_("No story at this level."))
        for story in stories:
            document.add_heading(story.title, level=3)
            document.add_paragraph(f"{story.partnership.organisation.name} · {story.social_actor}"
                                   f"{' · ' + story.place if story.place else ''}")
            document.add_paragraph(story.what_changed)
            if story.significance:
                document.add_paragraph(_("Why it is significant: %(text)s") % {"text": story.significance})
            if story.contribution:
                document.add_paragraph(_("How the FPAR contributed: %(text)s") % {"text": story.contribution})
            document.add_paragraph(_("Told by %(teller)s") % {"teller": story.storyteller_label()})

    document.add_heading(_("The most significant changes"), level=1)
    for r in data.rounds:
        document.add_heading(f"{r.title} ({r.held_on.isoformat()})", level=2)
        if r.selectors:
            document.add_paragraph(_("Chosen by: %(who)s") % {"who": r.selectors})
        for s in r.report_selections:
            document.add_paragraph(f"{s.get_domain_display()}: {s.story.title}", style="List Bullet")
            document.add_paragraph(_("Why: %(reason)s") % {"reason": s.reason})
    document.add_heading(_("Outcomes"), level=1)
    for label, outcomes in data.outcomes_by_level:
        document.add_heading(str(label), level=2)
        for o in outcomes:
            where = o.partnership.organisation.name if o.partnership else _("Whole programme")
            document.add_paragraph(f"{o.social_actor}: {o.description} ({where})", style="List Bullet")
    document.add_heading(_("Theory of Change outcomes and recommendations with evidence of change"), level=1)
    for c in data.concerns:
        name = c.name or _("Not linked yet")
        document.add_paragraph(_("%(name)s: %(n)d outcome(s), %(s)d story(ies)")
                               % {"name": name, "n": len(c.outcomes), "s": c.n_stories}, style="List Bullet")
    document.add_heading(_("Reflections and lessons"), level=1)
    for label, reflections in data.reflections_by_kind:
        document.add_heading(str(label), level=2)
        for r in reflections:
            where = r.partnership.organisation.name if r.partnership else (r.event.title if r.event else "")
            document.add_paragraph(f"{r.title}{' — ' + where if where else ''}", style="List Bullet")
            document.add_paragraph(r.text)
            if r.how_met:
                document.add_paragraph(_("How it was met: %(text)s") % {"text": r.how_met})
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render(data: ReportData, fmt: str) -> bytes:
    if fmt == "html":
        return render_html(data).encode("utf-8")
    if fmt == "pdf":
        return render_pdf(data)
    if fmt == "docx":
        return render_docx(data)
    raise ValueError(f"Unknown format {fmt!r}; choose html, pdf or docx")
