"""Bar charts as SVG, drawn on the server: no script, readable in print and by screen readers."""

from django.utils.html import escape
from django.utils.translation import gettext as _

WIDTH, BAR, GAP, LABEL = 560, 22, 8, 200


def bar_chart(table: dict, title: str = "") -> str:
    rows = table.get("rows", [])
    if not rows:
        return ""
    top = max([n for _, n in rows if n is not None] + [table.get("threshold", 5)])
    height = len(rows) * (BAR + GAP) + GAP + 20
    span = WIDTH - LABEL - 60
    title = title or _("Chart")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-labelledby="t">',
        f'<title id="t">{escape(title)}</title>',
    ]
    for i, (label, n) in enumerate(rows):
        y = GAP + i * (BAR + GAP)
        parts.append(f'<text x="{LABEL - 6}" y="{y + BAR * 0.7:.1f}" text-anchor="end" font-size="12">'
                     f'{escape(str(label)[:34])}</text>')
        if n is None:
            w = span * (table.get("threshold", 5) - 1) / top
            parts.append(f'<rect x="{LABEL}" y="{y}" width="{w:.1f}" height="{BAR}" fill="none" stroke="#8a6d3b" '
                         f'stroke-dasharray="4 3"/>')
            shown = _("fewer than %(n)s") % {"n": table.get("threshold", 5)}
            parts.append(f'<text x="{LABEL + w + 6:.1f}" y="{y + BAR * 0.7:.1f}" font-size="12">{escape(shown)}</text>')
        else:
            w = span * n / top
            parts.append(f'<rect x="{LABEL}" y="{y}" width="{w:.1f}" height="{BAR}" fill="#7b2d5b"/>')
            parts.append(f'<text x="{LABEL + w + 6:.1f}" y="{y + BAR * 0.7:.1f}" font-size="12">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)
