"""A small bar chart drawn on the server as SVG: average self-assessment before and after, per topic."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ovoz.events.results import TopicResult

WIDTH = 640
LEFT = 8
RIGHT = 44
LEGEND = 34
LABEL = 20
BAR = 16
GROUP_GAP = 16
AXIS = 26
SCALE = 5
BEFORE_COLOUR = "#a39b90"
AFTER_COLOUR = "#7a1f5c"


def _short(text: str, n: int = 70) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _x(value: float) -> float:
    return LEFT + (WIDTH - LEFT - RIGHT) * value / SCALE


def before_after_chart(topics: list[TopicResult]) -> SafeString:
    """An SVG (scales to its container, readable on a phone); an empty string when nothing was answered."""
    rows = [t for t in topics if t.before is not None and t.after is not None]
    if not rows:
        return mark_safe("")
    group = LABEL + 2 * BAR + 4 + GROUP_GAP
    height = LEGEND + len(rows) * group + AXIS
    plot_bottom = LEGEND + len(rows) * group
    title = _("Average self-assessment per topic, before and after the event (1 to 5)")
    parts = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" class="events-chart" role="img" '
            'aria-labelledby="events-chart-title"><title id="events-chart-title">{}</title>',
            WIDTH,
            height,
            title,
        ),
        format_html(
            '<rect x="{}" y="8" width="14" height="14" fill="{}"/><text x="{}" y="20" font-size="14">{}</text>'
            '<rect x="{}" y="8" width="14" height="14" fill="{}"/><text x="{}" y="20" font-size="14">{}</text>',
            LEFT, BEFORE_COLOUR, LEFT + 20, _("Before"), LEFT + 120, AFTER_COLOUR, LEFT + 140, _("After"),
        ),
        format_html_join(
            "",
            '<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#d9d4cc"/>'
            '<text x="{0}" y="{3}" font-size="12" text-anchor="middle" fill="#555">{4}</text>',
            ((f"{_x(v):.1f}", LEGEND - 4, plot_bottom, plot_bottom + 16, v) for v in range(SCALE + 1)),
        ),
    ]
    for i, topic in enumerate(rows):
        y = LEGEND + i * group
        parts.append(format_html('<text x="{}" y="{}" font-size="14" font-weight="600">{}</text>',
                                 LEFT, y + 14, _short(topic.title)))
        for j, (value, colour) in enumerate(((topic.before, BEFORE_COLOUR), (topic.after, AFTER_COLOUR))):
            bar_y = y + LABEL + j * (BAR + 4)
            end = _x(value)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>'
                    '<text x="{}" y="{}" font-size="13">{}</text>',
                    LEFT, bar_y, f"{end - LEFT:.1f}", BAR, colour,
                    (_("Before") if j == 0 else _("After")) + f": {value:.2f}",
                    f"{end + 4:.1f}", bar_y + BAR - 3, f"{value:.2f}",
                )
            )
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))
