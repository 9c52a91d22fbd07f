"""The coded transcript as HTML: marks over coded stretches, the margin of codes, built in one pass.

A 1 MB transcript with 5,000 codings must render in well under a second, so nothing here goes through a
template per stretch. The text is cut at every coding's start and end (a sweep over the sorted boundaries,
O(n log n)); each piece is escaped once and wrapped, if coded, in one ``<mark>`` naming every coding over it.
The marks hold only the transcript's own characters, so the browser's selection offsets count the stored
text exactly (a carriage return is written as ``&#13;``, which HTML keeps, where a raw one would be folded).
"""

import re
from dataclasses import dataclass
from typing import NamedTuple

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

HEX = re.compile(r"#[0-9a-fA-F]{6}")
DEFAULT_COLOUR = "#f4c542"
EXCERPT = 90


@dataclass(frozen=True, slots=True)
class Span:
    pk: int
    start: int
    end: int
    code_id: int


class CodeLabel(NamedTuple):
    """What the legend prints of a code, where only its name was read."""

    pk: int
    label: str

    def name(self) -> str:
        return self.label


def colour_of(value: str) -> str:
    """A colour safe to write into a style rule."""
    return value if value and HEX.fullmatch(value) else DEFAULT_COLOUR


def segments(length: int, spans: list[Span], lo: int = 0, hi: int | None = None
             ) -> list[tuple[int, int, tuple[Span, ...]]]:
    """The text cut at every boundary: ``(start, end, spans covering it)`` for each piece, in order.

    With ``lo`` and ``hi`` only that window is cut (spans reaching beyond it are clipped to it); when ``lo``
    and ``hi`` are boundaries of the whole text, the pieces are exactly those the whole text has there.
    """
    hi = length if hi is None else hi
    starting: dict[int, list[Span]] = {}
    ending: dict[int, list[Span]] = {}
    for s in spans:
        if s.end <= lo or s.start >= hi:
            continue
        starting.setdefault(max(s.start, lo), []).append(s)
        ending.setdefault(min(s.end, hi), []).append(s)
    bounds = sorted({lo, hi, *starting, *ending})
    active: dict[int, Span] = {}
    pieces = []
    for i in range(len(bounds) - 1):
        at = bounds[i]
        for s in ending.get(at, ()):
            active.pop(s.pk, None)
        for s in starting.get(at, ()):
            active[s.pk] = s
        pieces.append((at, bounds[i + 1], tuple(active.values())))
    return pieces


def innermost(covering: tuple[Span, ...]) -> Span:
    """The coding whose colour a piece takes: the one that started last (then the shortest, the newest)."""
    return max(covering, key=lambda s: (s.start, -s.end, s.pk))


def _escape(text: str) -> str:
    return escape(text).replace("\r", "&#13;")


def pieces_html(text: str, spans: list[Span], lo: int = 0, hi: int | None = None) -> str:
    """The marked-up pieces of ``text[lo:hi]``: each a bare text or one ``<mark>``, side by side (never nested),
    so the page's script can swap a window of them after a coding is applied."""
    out = []
    append = out.append
    starts = {s.start for s in spans}
    for a, b, covering in segments(len(text), spans, lo, hi):
        piece = _escape(text[a:b])
        if not covering:
            append(piece)
            continue
        top = innermost(covering)
        classes = f"cd k{top.code_id} ov" if len(covering) > 1 else f"cd k{top.code_id}"
        ids = " ".join(str(s.pk) for s in covering)
        anchor = f' id="at-{a}"' if a in starts else ""
        append(f'<mark class="{classes}" data-c="{ids}"{anchor}>{piece}</mark>')
    return "".join(out)


def transcript_html(text: str, spans: list[Span], *, element_id: str = "transcript", lang: str = "") -> SafeString:
    """The transcript in a ``<div>`` whose only text is the transcript, with the coded stretches marked."""
    lang_attr = f' lang="{escape(lang)}"' if lang else ""
    return mark_safe(f'<div id="{element_id}" class="coding-text"{lang_attr}>{pieces_html(text, spans)}</div>')


def colour_rules(codes) -> SafeString:
    """One style rule per code, so that each mark names a class rather than carrying its colour."""
    return mark_safe("".join(f".k{c.pk}{{--c:{colour_of(c.colour)}}}" for c in codes))


def stretches(text: str, spans: list[Span]) -> list[tuple[int, int, list[Span], str]]:
    """The margin: codings grouped by identical stretch, in reading order, each with the start of its words."""
    grouped: dict[tuple[int, int], list[Span]] = {}
    for s in sorted(spans, key=lambda s: (s.start, s.end, s.pk)):
        grouped.setdefault((s.start, s.end), []).append(s)
    rows = []
    for (a, b), group in grouped.items():
        words = text[a:min(b, a + EXCERPT)]
        rows.append((a, b, group, words + ("…" if b - a > EXCERPT else "")))
    return rows


def margin_item(a: int, b: int, group: list[Span], words: str, code_names: dict[int, str], panel_url: str) -> str:
    ids = ",".join(str(s.pk) for s in group)
    chips = "".join(
        f'<span class="chip k{s.code_id}"><i aria-hidden="true"></i>{escape(code_names.get(s.code_id, "?"))}</span>'
        for s in group
    )
    return (f'<li data-span="{a}-{b}" data-at="{a}"><a href="{panel_url.replace("IDS", ids)}" data-panel="{ids}" '
            f'data-at="{a}">{chips}<q>{_escape(words)}</q></a></li>')


def margin_html(text: str, spans: list[Span], code_names: dict[int, str], panel_url: str) -> SafeString:
    """The margin as one list: each stretch links to its panel (which works without JavaScript too);
    ``panel_url`` holds IDS where the codings' ids go."""
    panel_url = escape(panel_url)
    items = "".join(margin_item(a, b, group, words, code_names, panel_url)
                    for a, b, group, words in stretches(text, spans))
    return mark_safe(f'<ol class="coding-margin-list">{items}</ol>')


def legend_html(used_codes, *, total: int, shown: int, filtered: bool) -> SafeString:
    """The code list with counts (each a link filtering the view by that code) and how many codings show.
    Written here rather than by a template: the page's script asks for it again after every coding."""
    if filtered:
        count = ngettext("Showing %(shown)s of %(total)s coding.", "Showing %(shown)s of %(total)s codings.",
                         total) % {"shown": shown, "total": total}
    else:
        count = ngettext("%(total)s coding.", "%(total)s codings.", total) % {"total": total}
    if used_codes:
        items = "".join(
            f'<li><a href="{escape(url)}" class="chip k{code.pk}{" on" if on else ""}"><i aria-hidden="true"></i>'
            f'{escape(code.name())}</a> <span class="count">{n}</span></li>'
            for code, n, on, url in used_codes
        )
        listing = f'<ul class="coding-legend">{items}</ul>'
    else:
        # Translated outside the f-strings: xgettext does not look inside them.
        none_yet = escape(_("No codings yet."))
        listing = f'<p class="muted">{none_yet}</p>'
    heading = escape(_("Codes"))
    return mark_safe(f'<div id="coding-legend"><h2>{heading}</h2>'
                     f'<p class="muted coding-count">{escape(count)}</p>{listing}</div>')
