"""A transcript cut into sentences, at code point offsets into the stored text (what codings use).

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (any run of them, with closing quotes or brackets) followed by
a space or the end, and at every line break: transcripts put each speaker's turn on its own line. A full stop
inside a number ("3.5") or a word does not end one. The same rule holds for Cyrillic, Latin and emoji: Python
strings index code points, so offsets agree with ``ovoz.analysis.offsets``.
"""

import bisect
import re
from dataclasses import dataclass

_END = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s|$)|\n")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split(text: str, *, max_length: int = 1000) -> list[Sentence]:
    """The sentences of ``text`` with at least one letter, spaces trimmed off both ends.

    A sentence longer than ``max_length`` (a turn typed without any stop) is cut at the last space before
    the limit, so that one run-on paragraph does not become one enormous example."""
    out: list[Sentence] = []
    if not text:
        return out
    begin = 0
    for match in _END.finditer(text):
        _add(out, text, begin, match.end(), max_length)
        begin = match.end()
    _add(out, text, begin, len(text), max_length)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, max_length: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > max_length:
        cut = text.rfind(" ", start + 1, start + max_length)
        cut = cut if cut > start else start + max_length
        _add(out, text, start, cut, max_length)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start and _LETTER.search(text, start, end):
        out.append(Sentence(start, end, text[start:end]))


def labels(sentences: list[Sentence], codings) -> list[set[int]]:
    """For each sentence, the codes whose codings ``(code, start, end)`` cover at least half of it or lie wholly
    inside it (a coding that runs a few characters into the next sentence does not label that one)."""
    starts = [s.start for s in sentences]
    out = [set() for _ in sentences]
    for code_id, start, end in codings:
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        while i < len(sentences) and sentences[i].start < end:
            s = sentences[i]
            overlap = min(end, s.end) - max(start, s.start)
            if overlap > 0 and (2 * overlap >= s.end - s.start or (start >= s.start and end <= s.end)):
                out[i].add(code_id)
            i += 1
    return out
