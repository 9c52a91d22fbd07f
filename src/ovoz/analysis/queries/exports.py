"""Segments exported as CSV, XLSX or DOCX, and the audit row every export writes.

What goes into a file is decided by the query functions (``retrieval``): only segments of sources the person
may analyse. Participants appear by pseudonym code and attributes; their names and contacts are never read.
The audit row names the format, the query and the sources exported, so that a later withdrawal of consent can
be followed up.
"""

import io
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ovoz.analysis.queries.retrieval import ALL, Segment, SegmentQuery, expand, iter_hydrated
from ovoz.audit.services import audit_write
from ovoz.evidence.services.exports import XLSX_TYPE, render_csv, render_xlsx, safe_cell

FORMATS = ("csv", "xlsx", "docx")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PEOPLE_FIELDS = ("migrant_status", "age_band", "region", "work_sector", "household_role")


def _people(segment: Segment, name: str) -> str:
    return "; ".join(p[name] for p in segment.participants if p[name])


def segment_rows(segments, query: SegmentQuery) -> list[list]:
    header = [_("Codes"), _("Segment"), _("Before"), _("After"), _("Source"), _("Source title"), _("Kind"),
              _("Date"), _("Language"), _("Partnership"), _("Country"), _("Start"), _("End"), _("Participants"),
              _("Migrant status"), _("Age band"), _("Region of origin"), _("Work sector"), _("Household role")]
    header += list(query.attribute_keys)
    rows = [header]
    for seg in segments:
        src = seg.source
        row = ["; ".join(c.name() for c in seg.codes), seg.text, seg.before, seg.after, src["id"], src["title"],
               src["kind_label"], src["date"].isoformat() if src["date"] else "", src["language"],
               src["partnership"], src["country_label"], seg.start, seg.end, _people(seg, "code")]
        row += [_people(seg, name) for name in PEOPLE_FIELDS]
        row += ["; ".join(str(p["attributes"][k]) for p in seg.participants if k in p["attributes"])
                for k in query.attribute_keys]
        rows.append([safe_cell(v) for v in row])
    return rows


def _reference(seg: Segment) -> str:
    src = seg.source
    bits = [src["title"], src["kind_label"]]
    if src["date"]:
        bits.append(src["date"].isoformat())
    bits.append(f"{src['partnership']} ({src['country_label']})")
    people = _people(seg, "code")
    if people:
        bits.append(_("participants: %(codes)s") % {"codes": people})
    bits.append(_("characters %(start)s–%(end)s") % {"start": seg.start, "end": seg.end})
    return " · ".join(bits)


def _headings(segments: list[Segment], query: SegmentQuery, children) -> list[tuple[str, list[Segment]]]:
    """Quotes under a heading per code asked for (a segment of two of them appears under both); one heading for
    the overlap of all of them."""
    if query.mode == ALL:
        return [(" + ".join(c.name() for c in query.codes), segments)]
    groups = {c.pk: (expand(c.pk, children) if query.subcodes else {c.pk}) for c in query.codes}
    under: dict[int, list[Segment]] = defaultdict(list)
    for seg in segments:
        for pk, group in groups.items():
            if group.intersection(seg.code_ids):
                under[pk].append(seg)
    return [(c.name(), under[c.pk]) for c in query.codes if under[c.pk]]


def render_docx(segments: list[Segment], query: SegmentQuery, children, *, title: str) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading(title, level=0)
    if query.exclude:
        document.add_paragraph(_("Leaving out segments that overlap: %(codes)s")
                               % {"codes": ", ".join(c.name() for c in query.exclude)})
    for heading, items in _headings(segments, query, children):
        document.add_heading(heading, level=1)
        for seg in items:
            quote = document.add_paragraph(style="Quote")
            if seg.before:
                quote.add_run(seg.before).italic = False
            quote.add_run(seg.text).bold = True
            if seg.after:
                quote.add_run(seg.after)
            document.add_paragraph(_reference(seg))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@transaction.atomic
def segments_export(*, actor, query: SegmentQuery, fmt: str, language: str = "en", tree=None):
    """Build the file and audit the export. Returns (content, content type, file name)."""
    from ovoz.analysis.queries.retrieval import code_tree

    if fmt not in FORMATS:
        raise ValidationError(_("Choose CSV, XLSX or DOCX."))
    if query.is_empty:
        raise ValidationError(_("Choose at least one code."))
    codes, children = tree or code_tree(actor)
    with translation.override(language):
        segments = list(iter_hydrated(actor, query))
        if not segments:
            raise ValidationError(_("No segment matches: there is nothing to export."))
        title = _("Segments")
        if fmt == "docx":
            content, kind = render_docx(segments, query, children, title=title), DOCX_TYPE
        else:
            rows = segment_rows(segments, query)
            content, kind = (render_xlsx(rows, title=title), XLSX_TYPE) if fmt == "xlsx" else \
                (render_csv(rows), "text/csv; charset=utf-8")
    first = query.codes[0]
    audit_write(
        actor=actor, action="analysis.export", programme=first.programme, object_repr=_("%(n)s segments") % {
            "n": len(segments)},
        changes={
            "format": {"old": None, "new": fmt},
            "codes": {"old": None, "new": [c.pk for c in query.codes]},
            "mode": {"old": None, "new": query.mode},
            "exclude": {"old": None, "new": [c.pk for c in query.exclude]},
            "subcodes": {"old": None, "new": query.subcodes},
            "filters": {"old": None, "new": {d.key: v for d, v in query.filters.items()}},
            "segments": {"old": None, "new": len(segments)},
            "sources": {"old": None, "new": sorted({s.source_id for s in segments})},
        },
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return content, kind, f"segments-{stamp}.{fmt}"
