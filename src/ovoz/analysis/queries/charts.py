"""Charts drawn on the server as SVG, with no script: a bar chart of code frequencies and a co-occurrence heatmap.

Every text is escaped (``format_html``); each chart has a title and a description for screen readers, each bar
and cell a tooltip with its numbers, and the table beside it holds the same data.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ovoz.analysis.queries.cooccurrence import CooccurrenceMatrix
from ovoz.analysis.queries.frequencies import FrequencyTable

# Distinguishable colours (Okabe–Ito, then greys) for the values of an attribute.
PALETTE = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000",
           "#7f7f7f", "#b3b3b3"]
BAR_COLOUR = "#7a1f5c"
WIDTH = 720
LABEL_W = 220
ROW_H = 22
BAR_H = 14


def _short(text: str, n: int = 32) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _open(uid: str, width: int, height: int, title: str, desc: str) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-labelledby="{uid}-title {uid}-desc" class="analysis-chart" font-family="sans-serif">'
        '<title id="{uid}-title">{title}</title><desc id="{uid}-desc">{desc}</desc>',
        w=width, h=height, uid=uid, title=title, desc=desc,
    )


def frequency_chart(table: FrequencyTable, measure: str, *, uid: str = "frequencies") -> SafeString:
    """One horizontal bar per code; by an attribute, the bar is split into the values' counts."""
    rows = [r for r in table.rows if r.total.get(measure)]
    if not rows:
        return mark_safe("")
    names = {"segments": _("segments"), "sources": _("sources"), "participants": _("participants")}
    by = table.dimension
    colours = {v: PALETTE[i % len(PALETTE)] for i, v in enumerate(table.values)}
    legend_rows = (len(table.values) + 3) // 4 if by else 0
    top = 8 + legend_rows * 20
    height = top + len(rows) * ROW_H + 24
    lengths = [sum(r.cell(v).get(measure) for v in table.values) if by else r.total.get(measure) for r in rows]
    largest = max(lengths) or 1
    plot = WIDTH - LABEL_W - 60
    if by:
        title = _("Codes by %(attribute)s: %(measure)s") % {"attribute": by.label, "measure": names[measure]}
        desc = _("For each code, a bar split into the number of %(measure)s for each value of %(attribute)s; "
                 "the table below gives the same numbers.") % {"measure": names[measure], "attribute": by.label}
    else:
        title = _("Codes: number of %(measure)s") % {"measure": names[measure]}
        desc = _("One bar per code, as long as its number of %(measure)s; the table below gives the same "
                 "numbers.") % {"measure": names[measure]}
    parts = [_open(uid, WIDTH, height, title, desc)]
    for i, value in enumerate(table.values if by else []):
        x, y = 8 + (i % 4) * 175, 8 + (i // 4) * 20
        parts.append(format_html(
            '<rect x="{}" y="{}" width="12" height="12" fill="{}"/><text x="{}" y="{}" font-size="12">{}</text>',
            x, y, colours[value], x + 16, y + 11, _short(table.labels[value], 24)))
    for i, (row, length) in enumerate(zip(rows, lengths, strict=True)):
        y = top + i * ROW_H
        parts.append(format_html('<text x="{}" y="{}" font-size="12" text-anchor="end">{}</text>',
                                 LABEL_W - 6, y + BAR_H - 2, _short(row.code.name())))
        x = float(LABEL_W)
        pieces = [(v, row.cell(v).get(measure), colours[v]) for v in table.values] if by else \
            [(None, row.total.get(measure), BAR_COLOUR)]
        for value, count, colour in pieces:
            if not count:
                continue
            w = plot * count / largest
            label = f"{row.code.name()} — {table.labels[value]}: {count}" if value else f"{row.code.name()}: {count}"
            parts.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>',
                f"{x:.1f}", y, f"{w:.1f}", BAR_H, colour, label))
            x += w
        parts.append(format_html('<text x="{}" y="{}" font-size="12">{}</text>', f"{x + 4:.1f}", y + BAR_H - 2,
                                 length))
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))


def shade(count: int, largest: int) -> str:
    """A background from white to the heat colour, by the count's share of the largest."""
    if not count or not largest:
        return "#ffffff"
    share = 0.15 + 0.85 * count / largest
    r, g, b = (int(255 - (255 - c) * share) for c in (0x7a, 0x1f, 0x5c))
    return f"#{r:02x}{g:02x}{b:02x}"


def ink(count: int, largest: int) -> str:
    return "#ffffff" if largest and count / largest > 0.55 else "#1a1a1a"


def cooccurrence_heatmap(matrix: CooccurrenceMatrix, *, uid: str = "cooccurrence") -> SafeString:
    """A square of cells, darker where two codes overlap more often; the diagonal is left blank."""
    codes = matrix.codes
    if len(codes) < 2:
        return mark_safe("")
    cell = 18 if len(codes) > 30 else 26
    label_w = 200
    size = label_w + len(codes) * cell + 8
    largest = matrix.largest
    title = _("Code co-occurrence")
    desc = _("A grid of codes against codes: the darker a cell, the more pairs of codings of the two codes "
             "overlap on the same source. The table gives the numbers.")
    parts = [_open(uid, size, size, title, desc)]
    for i, code in enumerate(codes):
        y = label_w + i * cell
        parts.append(format_html('<text x="{}" y="{}" font-size="11" text-anchor="end">{}</text>',
                                 label_w - 4, y + cell * 0.7, _short(code.name(), 28)))
        x = label_w + i * cell
        parts.append(format_html(
            '<text transform="translate({},{}) rotate(-60)" font-size="11">{}</text>',
            f"{x + cell * 0.6:.1f}", label_w - 4, _short(code.name(), 28)))
    for i, a in enumerate(codes):
        for j, b in enumerate(codes):
            if i == j:
                continue
            n = matrix.count(a.pk, b.pk)
            parts.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#e6e1d9">'
                '<title>{} × {}: {}</title></rect>',
                label_w + j * cell, label_w + i * cell, cell, cell, shade(n, largest), a.name(), b.name(), n))
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))
