"""A Gantt-style timeline computed on the server and drawn as inline SVG (templates/deliverables/_gantt.html).

Phases are bars, milestones diamonds, due dates small triangles, and a vertical line marks today when
today falls inside the chart. The labels are a narrow SVG of their own that stays in place; the chart
beside them fits a laptop screen (a month at least 30 px wide; longer timelines get wider) and scrolls
sideways inside its box, so on a phone each row keeps its name in view. No JavaScript.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import formats

LABEL_WIDTH = 290
FIT_WIDTH = 720  # a chart this wide (with room for dates after it) fits beside the labels on a laptop
MIN_DAY, MAX_DAY = 1.0, 4.0  # pixels per day: 30 to 120 px a month
ROW = 26
HEADER = 44
PAD_LEFT = 8
PAD_RIGHT = 96  # room for the date written after the last marker
LABEL_CHARS = 36

# Fill colours of due-date markers by deliverable state; the state is also written in the label.
STATE_FILL = {
    "not_started": "#8c857b",
    "draft": "#1f4b99",
    "submitted": "#5b2175",
    "changes_requested": "#b86e00",
    "accepted": "#1e6b3a",
    "": "#7a1f5c",
}


@dataclass
class Row:
    kind: str  # "phase", "milestone" or "due"
    label: str
    start: datetime.date
    end: datetime.date | None = None
    state: str = ""
    overdue: bool = False
    note: str = ""  # said after the label, e.g. the state
    # filled in by layout()
    y: float = 0
    x: float = 0
    w: float = 0
    short: str = ""
    points: str = ""
    fill: str = ""
    date_text: str = ""


@dataclass
class Month:
    x: float
    label: str
    year: str = ""


@dataclass
class Gantt:
    width: int  # of the chart, without the labels
    height: int
    label_width: int
    rows: list[Row]
    months: list[Month] = field(default_factory=list)
    today_x: float | None = None
    today_text: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None

    @property
    def phases(self):
        return [r for r in self.rows if r.kind == "phase"]


def _month_start(d: datetime.date) -> datetime.date:
    return d.replace(day=1)


def _next_month(d: datetime.date) -> datetime.date:
    return (d.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def layout(rows: list[Row], *, today: datetime.date, start: datetime.date | None = None,
           end: datetime.date | None = None) -> Gantt | None:
    """Place ``rows`` on a chart from ``start`` to ``end`` (widened to whole months and to every row)."""
    if not rows:
        return None
    first = min([r.start for r in rows] + ([start] if start else []))
    last = max([r.end or r.start for r in rows] + ([end] if end else []))
    first, last = _month_start(first), _next_month(last)
    days = (last - first).days
    day = min(MAX_DAY, max(MIN_DAY, FIT_WIDTH / days))

    def x_of(d: datetime.date) -> float:
        return round(PAD_LEFT + (d - first).days * day, 1)

    months = []
    m = first
    while m < last:
        months.append(
            Month(x=x_of(m), label=formats.date_format(m, "M"), year=str(m.year) if m.month == 1 or m == first else "")
        )
        m = _next_month(m)
    for i, r in enumerate(rows):
        r.y = HEADER + i * ROW
        r.short = _short(r.label)
        r.x = x_of(r.start)
        cy = r.y + ROW / 2
        if r.kind == "phase":
            r.w = max(round(((r.end or r.start) - r.start).days * day + day, 1), 3)
            r.date_text = (
                f"{formats.date_format(r.start, 'SHORT_DATE_FORMAT')} – "
                f"{formats.date_format(r.end or r.start, 'SHORT_DATE_FORMAT')}"
            )
        elif r.kind == "milestone":
            r.points = f"{r.x},{cy - 7} {r.x + 7},{cy} {r.x},{cy + 7} {r.x - 7},{cy}"
            r.date_text = formats.date_format(r.start, "SHORT_DATE_FORMAT")
        else:
            r.points = f"{r.x - 6},{cy - 7} {r.x + 6},{cy - 7} {r.x},{cy + 6}"
            r.fill = STATE_FILL.get(r.state, STATE_FILL[""])
            r.date_text = formats.date_format(r.start, "SHORT_DATE_FORMAT")
    width = int(PAD_LEFT + days * day + PAD_RIGHT)
    today_x = x_of(today) if first <= today < last else None
    return Gantt(
        width=width,
        height=int(HEADER + len(rows) * ROW + 8),
        label_width=LABEL_WIDTH,
        rows=rows,
        months=months,
        today_x=today_x,
        today_text=formats.date_format(today, "SHORT_DATE_FORMAT"),
        start=first,
        end=last - datetime.timedelta(days=1),
    )


def programme_rows(items, due_rows: list[Row]) -> list[Row]:
    """Phases and milestones in date order, then the due dates."""
    rows = [
        Row(kind="phase" if item.is_phase else "milestone", label=item.title, start=item.starts_on, end=item.ends_on)
        for item in sorted(items, key=lambda i: (i.starts_on, i.last_day, i.pk))
    ]
    return rows + sorted(due_rows, key=lambda r: (r.start, r.label))
