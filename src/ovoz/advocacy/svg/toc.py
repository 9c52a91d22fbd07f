"""A Theory of Change as an SVG diagram: the goal on top, then the long-term outcomes, the preconditions and the
interventions in bands below, arrows from each element to what it leads to, and the assumptions and indicators in
a side column. Its proportions are those of an A3 landscape page, growing taller only when the content needs it."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ovoz.advocacy.models import ChangeNode, TheoryOfChange
from ovoz.advocacy.svg.text import esc, text_block, wrap

K = ChangeNode.Kind
WIDTH = 1587  # A3 landscape at 96 px per inch: 420 x 297 mm
MIN_HEIGHT = 1123
MARGIN = 24
SIDE = 400  # the assumptions and indicators column
BAND_LABEL = 130
GAP = 18
BOX_MAX = 330
FONT = 15
CODES = {K.OUTCOME: "O", K.PRECONDITION: "P", K.INTERVENTION: "I", K.ASSUMPTION: "A", K.INDICATOR: "M"}
COLOURS = {None: "#5b2a86", K.OUTCOME: "#1d6f8a", K.PRECONDITION: "#2e8b57", K.INTERVENTION: "#b8860b",
           K.ASSUMPTION: "#8a8a8a", K.INDICATOR: "#a0522d"}
BANDS = [K.OUTCOME, K.PRECONDITION, K.INTERVENTION]


@dataclass
class Box:
    node: ChangeNode | None
    x: float
    y: float
    w: float
    h: float
    lines: list[str]
    code: str


def codes_for(nodes: list[ChangeNode]) -> dict[int, str]:
    """Short labels (O1, P2, I1, A1, M3) in each kind's order, shown on the diagram and the pages."""
    counters: dict[str, int] = {}
    out = {}
    for node in sorted(nodes, key=lambda n: (n.kind, n.position, n.pk)):
        counters[node.kind] = counters.get(node.kind, 0) + 1
        out[node.pk] = f"{CODES[K(node.kind)]}{counters[node.kind]}"
    return out


def _layout_band(nodes: list[ChangeNode], codes: dict[int, str], top: float, left: float, width: float):
    per_row = max(1, min(len(nodes), int((width + GAP) // (210 + GAP))))
    box_w = min(BOX_MAX, (width - GAP * (per_row - 1)) / per_row)
    boxes, y = [], top
    for start in range(0, len(nodes), per_row):
        row = nodes[start:start + per_row]
        wrapped = [wrap(f"{codes[n.pk]}  {n.text}", box_w - 16, FONT, 7) for n in row]
        h = max(len(lines) for lines in wrapped) * FONT * 1.25 + 20
        row_w = len(row) * box_w + (len(row) - 1) * GAP
        x = left + (width - row_w) / 2
        for node, lines in zip(row, wrapped, strict=True):
            boxes.append(Box(node, x, y, box_w, h, lines, codes[node.pk]))
            x += box_w + GAP
        y += h + GAP
    return boxes, y


def _arrow(src: Box, dst: Box) -> str:
    x1, y1 = src.x + src.w / 2, src.y
    if dst.y + dst.h <= src.y:  # the usual case: up to a band above
        x2, y2 = dst.x + dst.w / 2, dst.y + dst.h
        mid = (y1 + y2) / 2
        d = f"M{x1:.1f},{y1:.1f} C{x1:.1f},{mid:.1f} {x2:.1f},{mid:.1f} {x2:.1f},{y2:.1f}"
    else:  # within a band (a precondition leading to another): an arc over the top
        x2, y2 = dst.x + dst.w / 2, dst.y
        lift = min(src.y, dst.y) - 14
        d = f"M{x1:.1f},{y1:.1f} C{x1:.1f},{lift:.1f} {x2:.1f},{lift:.1f} {x2:.1f},{y2:.1f}"
    return f'<path d="{d}" class="toc-arrow" fill="none" stroke="#555" stroke-width="1.4" marker-end="url(#toc-head)"/>'


def _box(box: Box, colour: str, href: str | None) -> str:
    kind = box.node.kind if box.node else "goal"
    data = f' data-node="{box.node.pk}"' if box.node else ""
    shape = (
        f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" rx="8" fill="#fff" '
        f'stroke="{colour}" stroke-width="2"/>'
        f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="6" height="{box.h:.1f}" rx="3" fill="{colour}"/>'
        + text_block(box.lines, box.x + box.w / 2 + 3, box.y + 10 + FONT, FONT)
    )
    inner = f'<g class="toc-node toc-{kind}"{data}>{shape}</g>'
    if href:
        return f'<a href="{esc(href)}">{inner}</a>'
    return inner


def render(toc: TheoryOfChange, nodes: list[ChangeNode], *, link: Callable[[ChangeNode], str | None] | None = None,
           print_size: bool = False) -> str:
    """The diagram as an SVG document (a string). ``link(node)`` gives each box a link, e.g. to its edit form."""
    link = link or (lambda node: None)
    codes = codes_for(nodes)
    by_kind = {kind: [n for n in sorted(nodes, key=lambda n: (n.position, n.pk)) if n.kind == kind] for kind in K}
    main_left = MARGIN + BAND_LABEL
    main_w = WIDTH - SIDE - MARGIN * 3 - BAND_LABEL
    parts: list[str] = []
    title_lines = wrap(toc.title, WIDTH - 2 * MARGIN, 22, 2)
    parts.append(text_block(title_lines, MARGIN, MARGIN + 22, 22, anchor="start", cls="toc-title"))
    y = MARGIN + 22 + len(title_lines) * 27 + 10

    goal_lines = wrap(_("Goal") + f": {toc.goal}", main_w * 0.7 - 20, FONT + 2, 5)
    goal = Box(None, main_left + main_w * 0.15, y, main_w * 0.7, len(goal_lines) * (FONT + 2) * 1.25 + 22,
               goal_lines, "")
    band_tops = {None: (y, goal.y + goal.h)}
    y = goal.y + goal.h + 60
    boxes: dict[int, Box] = {}
    for kind in BANDS:
        top = y
        band_boxes, y = _layout_band(by_kind[kind], codes, top, main_left, main_w)
        if not band_boxes:
            y = top + 50
        band_tops[kind] = (top, y - GAP)
        boxes.update({b.node.pk: b for b in band_boxes})
        y += 44

    # On paper, at least one A3 page; on screen, only as tall as the content (the side column included).
    side_needs = sum(
        len(wrap(f"XX (XX): {n.text}", SIDE - 28, FONT, 5)) * FONT * 1.25 + 10
        for n in by_kind[K.ASSUMPTION] + by_kind[K.INDICATOR]
    ) + 140
    height = max(y + MARGIN, band_tops[None][0] + side_needs + MARGIN)
    if print_size:
        height = max(MIN_HEIGHT, height)
    # The side column: assumptions, then indicators, each with what it is about.
    side_x = WIDTH - SIDE - MARGIN
    side = [f'<rect x="{side_x}" y="{band_tops[None][0]:.1f}" width="{SIDE}" '
            f'height="{height - band_tops[None][0] - MARGIN:.1f}" rx="8" fill="#f6f6f6" stroke="#ccc"/>']
    sy = band_tops[None][0] + 28
    for kind, heading in ((K.ASSUMPTION, _("Assumptions")), (K.INDICATOR, _("Indicators"))):
        side.append(f'<text x="{side_x + 14}" y="{sy:.1f}" font-size="15" font-weight="bold" '
                    f'fill="{COLOURS[kind]}">{esc(heading)}</text>')
        sy += 22
        items = by_kind[kind]
        if not items:
            none_yet = _("None yet.")
            side.append(f'<text x="{side_x + 14}" y="{sy:.1f}" font-size="{FONT}" fill="#777">'
                        f'{esc(none_yet)}</text>')
            sy += 24
        for node in items:
            about = codes.get(node.leads_to_id) if node.leads_to_id else _("the goal")
            lines = wrap(f"{codes[node.pk]} ({about}): {node.text}", SIDE - 28, FONT, 5)
            block = text_block(lines, side_x + 14, sy, FONT, anchor="start")
            href = link(node)
            block = f'<g class="toc-node toc-{node.kind}" data-node="{node.pk}">{block}</g>'
            side.append(f'<a href="{esc(href)}">{block}</a>' if href else block)
            sy += len(lines) * FONT * 1.25 + 10
        sy += 16

    labels = []
    for kind, (top, bottom) in band_tops.items():
        label = _("Goal") if kind is None else K(kind).label
        lines = wrap(str(label), BAND_LABEL - 16, 14, 3)
        mid = (top + bottom) / 2 - (len(lines) - 1) * 8
        labels.append(f'<rect x="{MARGIN}" y="{top:.1f}" width="{BAND_LABEL - 12}" '
                      f'height="{max(bottom - top, 30):.1f}" rx="6" fill="{COLOURS[kind]}" opacity="0.12"/>')
        labels.append(text_block(lines, MARGIN + (BAND_LABEL - 12) / 2, mid + 5, 14, cls="toc-band"))

    arrows = []
    for node in nodes:
        if node.kind in (K.ASSUMPTION, K.INDICATOR) or node.pk not in boxes:
            continue
        target = boxes.get(node.leads_to_id) if node.leads_to_id else goal
        if target is not None:
            arrows.append(_arrow(boxes[node.pk], target))

    drawn = [_box(goal, COLOURS[None], None)]
    drawn += [_box(b, COLOURS[K(b.node.kind)], link(b.node)) for b in boxes.values()]
    size = ' width="420mm" height="297mm"' if print_size and height == MIN_HEIGHT else ""
    name = _("Theory of Change")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}"{size} role="img" '
        f'aria-label="{esc(name)}: {esc(toc.title)}" class="toc-diagram" '
        f'font-family="Helvetica, Arial, sans-serif">'
        f'<title>{esc(toc.title)}</title>'
        '<defs><marker id="toc-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>'
        f'<rect width="{WIDTH}" height="{height:.0f}" fill="#fff"/>'
        + "".join(parts) + "".join(labels) + "".join(arrows) + "".join(drawn) + "".join(side)
        + "</svg>"
    )
