"""The answer to the coding page's script after a coding: only the part of the transcript that changed.

A researcher codes one stretch after another; each coding is one request, so this answer is the hot path of
coding (the benchmark applies 1,000 codings to a 1 MB transcript one request each). It reads the source's
codings and counts with the prepared statements of ``ovoz.analysis.coding_sql`` — the source was checked by
``get_analysable_source_for_user`` in the same request — and the codes through ``code_names_visible_to``.
"""

from django.http import JsonResponse
from django.utils.html import escape

from ovoz.analysis.access import code_names_visible_to
from ovoz.analysis.coding_spans import offsets_of
from ovoz.analysis.coding_sql import code_counts, coding_rows
from ovoz.analysis.views.coding_context import legend_context, urls_for
from ovoz.analysis.views.coding_render import EXCERPT, CodeLabel, Span, margin_item, pieces_html


def window_response(request, source, round_, start: int, end: int) -> JsonResponse | None:
    """Only what changed, for the page's script: the pieces of the transcript between two boundaries it named
    around the selection (``window_start``/``window_end``, UTF-16), the margin entry of the new stretch and the
    code list. Re-rendering a whole 1 MB transcript after every coding would make coding slow; a coding only
    cuts the pieces it covers, so the pieces outside the window stay as they are. None when the page is
    filtered or the window does not hold the stretch: the caller then sends the whole transcript."""
    if request.GET.get("code") or request.GET.get("coder"):
        return None
    try:
        window = int(request.POST["window_start"]), int(request.POST["window_end"])
    except (KeyError, ValueError):
        return None
    text = source.transcript or ""
    offsets = offsets_of(source)
    lo, hi = (offsets.codepoint_from_utf16(u) for u in window)
    if not (0 <= lo <= start < end <= hi <= len(text)) or offsets.utf16_from_codepoint(lo) != window[0]:
        return None
    user = request.user
    # The page shows the codings outside any round, or in a round only one's own (as visible_codings).
    whose = {"round_id": round_.pk if round_ is not None else None, "coder_id": user.pk}
    spans = [Span(*row) for row in coding_rows(source.pk, lo=lo, hi=hi, **whose)]
    counts = code_counts(source.pk, **whose)
    names = code_names_visible_to(user, counts)
    known = {pk: CodeLabel(pk, name) for pk, name in names.items()}
    urls = urls_for(source, round_)
    group = sorted((s for s in spans if s.start == start and s.end == end), key=lambda s: s.pk)
    words = text[start:min(end, start + EXCERPT)] + ("…" if end - start > EXCERPT else "")
    total = sum(counts.values())
    legend = legend_context(counts, known, set(), urls, total=total, shown=total, filtered=False)["legend_html"]
    return JsonResponse({
        "window": list(window),
        "html": pieces_html(text, spans, lo, hi),
        "span": f"{start}-{end}",
        "at": start,
        "margin": margin_item(start, end, group, words, names, escape(urls["panel"])),
        "legend": legend,
    })
