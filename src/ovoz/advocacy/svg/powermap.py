"""The power map as an SVG: the usual influence (0 to 5, up) by stance (strongly opposed to strongly supportive,
left to right) grid, each actor a dot with its name in its cell. Cells and actors carry data attributes so the
page's script can place an actor with a click or a drag; without the script the page's forms do the same."""

from collections import defaultdict
from collections.abc import Callable

from django.utils.translation import gettext as _

from ovoz.advocacy.models import Actor
from ovoz.advocacy.svg.text import esc, text_block, wrap

CELL_W, CELL_H = 200, 96
LEFT, TOP, BOTTOM = 110, 64, 136
STANCES = [-2, -1, 0, 1, 2]
INFLUENCES = [5, 4, 3, 2, 1, 0]
STANCE_FILL = {-2: "#f4c7c3", -1: "#fbe3e0", 0: "#eeeeee", 1: "#e0f2e3", 2: "#c5e8cc"}
KIND_COLOUR = {
    "state": "#1f4e79", "local_government": "#2e75b6", "parliament": "#5b2a86", "employer": "#c55a11",
    "cso": "#2e8b57", "media": "#b8860b", "donor": "#7f6000", "un": "#0091d5", "other": "#666666",
}
PER_ROW = 1
LINE = 22


def cell_origin(influence: int, stance: int) -> tuple[float, float]:
    return LEFT + STANCES.index(stance) * CELL_W, TOP + INFLUENCES.index(influence) * CELL_H


def render(actors: list[Actor], *, title: str = "", place_url: Callable[[Actor], str | None] | None = None,
           link: Callable[[Actor], str | None] | None = None) -> str:
    place_url = place_url or (lambda a: None)
    link = link or (lambda a: None)
    width = LEFT + CELL_W * len(STANCES) + 24
    height = TOP + CELL_H * len(INFLUENCES) + BOTTOM
    name = _("Power map")  # gettext outside the f-strings, where makemessages finds it
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" class="power-map" '
        f'aria-label="{esc(name)}{": " + esc(title) if title else ""}" '
        f'font-family="Helvetica, Arial, sans-serif">',
        f"<title>{esc(title or name)}</title>",
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
    ]
    if title:
        out.append(f'<text x="{LEFT}" y="28" font-size="18" font-weight="bold">{esc(title)}</text>')
    # Cells, each a drop target.
    for influence in INFLUENCES:
        for stance in STANCES:
            x, y = cell_origin(influence, stance)
            label = _("influence %(i)s, stance %(s)s") % {"i": influence, "s": Actor.Stance(stance).label}
            out.append(
                f'<rect class="pm-cell" data-influence="{influence}" data-stance="{stance}" x="{x}" y="{y}" '
                f'width="{CELL_W}" height="{CELL_H}" fill="{STANCE_FILL[stance]}" stroke="#fff" stroke-width="2">'
                f"<title>{esc(label)}</title></rect>"
            )
    # Quadrant hints: whom to mobilise, persuade, strengthen or watch.
    bottom = TOP + CELL_H * 6 + 44
    hints = [
        (LEFT, TOP - 8, "start", _("High influence, opposed: persuade")),
        (LEFT + CELL_W * 5, TOP - 8, "end", _("High influence, supportive: mobilise")),
        (LEFT, bottom, "start", _("Low influence, opposed: watch")),
        (LEFT + CELL_W * 5, bottom, "end", _("Low influence, supportive: strengthen")),
    ]
    for x, y, anchor, text in hints:
        out.append(f'<text x="{x}" y="{y}" font-size="12" font-style="italic" fill="#666" text-anchor="{anchor}" '
                   f'pointer-events="none">{esc(text)}</text>')
    # Axes.
    for influence in INFLUENCES:
        _x, y = cell_origin(influence, 0)
        out.append(f'<text x="{LEFT - 14}" y="{y + CELL_H / 2 + 6}" font-size="16" text-anchor="end">'
                   f"{influence}</text>")
    mid = TOP + CELL_H * 3
    axis = _("Influence")
    out.append(f'<text x="40" y="{mid}" font-size="15" text-anchor="middle" transform="rotate(-90 40 {mid})" '
               f'class="pm-axis">{esc(axis)}</text>')
    for stance in STANCES:
        x, _y = cell_origin(0, stance)
        lines = wrap(str(Actor.Stance(stance).label), CELL_W - 10, 13, 2)
        out.append(text_block(lines, x + CELL_W / 2, TOP + CELL_H * 6 + 22, 13))
    out.append(text_block([_("Stance")], LEFT + CELL_W * 2.5, TOP + CELL_H * 6 + 70, 15, cls="pm-axis"))
    # Actors, grouped by cell.
    cells: dict[tuple[int, int], list[Actor]] = defaultdict(list)
    for actor in actors:
        cells[(actor.influence, actor.stance)].append(actor)
    per_cell = PER_ROW * ((CELL_H - 12) // LINE)
    for (influence, stance), group in cells.items():
        x0, y0 = cell_origin(influence, stance)
        shown = group if len(group) <= per_cell else group[: per_cell - 1]
        for i, actor in enumerate(shown):
            col, row = i % PER_ROW, i // PER_ROW
            cx, cy = x0 + 14 + col * (CELL_W / PER_ROW), y0 + 24 + row * LINE
            name = wrap(actor.name, CELL_W / PER_ROW - 26, 12, 1)[0]
            attrs = f' data-actor="{actor.pk}" data-name="{esc(actor.name)}"'
            url = place_url(actor)
            if url:
                attrs += f' data-place-url="{esc(url)}" tabindex="0"'
            dot = (
                f'<g class="pm-actor"{attrs}><title>{esc(actor.name)} — {esc(actor.get_kind_display())}</title>'
                f'<circle cx="{cx}" cy="{cy - 4}" r="8" fill="{KIND_COLOUR.get(actor.kind, "#666")}" '
                f'stroke="#fff" stroke-width="1.5"/>'
                f'<text x="{cx + 12}" y="{cy}" font-size="12">{esc(name)}</text></g>'
            )
            href = link(actor)
            out.append(f'<a href="{esc(href)}">{dot}</a>' if href and not url else dot)
        if len(shown) < len(group):
            more = _("+%(n)s more") % {"n": len(group) - len(shown)}
            out.append(f'<text x="{x0 + CELL_W - 8}" y="{y0 + CELL_H - 8}" font-size="12" text-anchor="end">'
                       f"{esc(more)}</text>")
    # Legend of actor types.
    lx, ly = LEFT, TOP + CELL_H * 6 + 98
    for value, label in Actor.Kind.choices:
        out.append(f'<circle cx="{lx + 6}" cy="{ly - 4}" r="6" fill="{KIND_COLOUR[value]}"/>'
                   f'<text x="{lx + 16}" y="{ly}" font-size="11">{esc(label)}</text>')
        lx += 16 + len(str(label)) * 6.4 + 14
        if lx > width - 160:
            lx, ly = LEFT, ly + 16
    out.append("</svg>")
    return "".join(out)
