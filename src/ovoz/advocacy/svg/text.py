"""Text helpers for the SVG diagrams: escaping and a rough word wrap (no font metrics on the server)."""

from django.utils.html import escape

AVERAGE_CHAR = 0.56  # of the font size, for the sans-serif fonts the stylesheet asks for


def esc(value) -> str:
    return str(escape(str(value)))


def wrap(text: str, width_px: float, font_size: float, max_lines: int) -> list[str]:
    """Lines that fit ``width_px``; the last one ends with an ellipsis when the text is cut."""
    per_line = max(4, int(width_px / (font_size * AVERAGE_CHAR)))
    lines: list[str] = []
    current = ""
    for word in str(text).split():
        while len(word) > per_line:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:per_line])
            word = word[per_line:]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= per_line:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: per_line - 1].rstrip() + "…"
    return lines or [""]


def text_block(lines: list[str], x: float, y: float, font_size: float, *, anchor: str = "middle",
               cls: str = "") -> str:
    """A <text> with one <tspan> per line, the first baseline at ``y``."""
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else font_size * 1.25:.1f}">{esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    cls_attr = f' class="{cls}"' if cls else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{font_size}" text-anchor="{anchor}"{cls_attr}>{spans}</text>'
