"""Marking what a search found on the original words, whatever script they are written in.

The index holds folded words; the person reads the original. ``fold.spans`` gives each original word with
its folded form, so a Latin query marks the Cyrillic words it matched (and the other way round).
"""

from collections import deque
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ovoz.search.fold import spans
from ovoz.search.query import MAX_PHRASE, Clause, Query

BEFORE = 90  # characters of context before the first match
LENGTH = 280  # characters a snippet shows at most (more if a match runs past it)
MAX_SCAN = 2_000_000  # characters of one text looked at for a snippet

# Whitespace-separated pieces of text (words with their punctuation) and the search words in them, with their
# places in the piece. Texts repeat their words, so most pieces are found here instead of being folded again.
_PIECES: dict[str, tuple[tuple[int, int, str], ...]] = {}
_MAX_PIECES = 200_000


@dataclass
class Snippet:
    field: str
    html: SafeString
    matches: list[tuple[int, int]] = field(default_factory=list)  # offsets in the field's text
    start: int = 0
    end: int = 0


def _piece(piece: str) -> tuple[tuple[int, int, str], ...]:
    words = _PIECES.get(piece)
    if words is None:
        if len(_PIECES) >= _MAX_PIECES:
            _PIECES.clear()
        words = _PIECES[piece] = tuple(spans(piece))
    return words


def _words_with_places(text: str, offset: int = 0):
    """``spans(text)``, faster: words never run across whitespace, so each piece is folded once and cached."""
    pos = 0
    for piece in text.split():
        pos = text.find(piece, pos)
        for start, end, word in _piece(piece):
            yield offset + pos + start, offset + pos + end, word
        pos += len(piece)


def _word_matches(word: str, target: str, prefix: bool) -> bool:
    return word.startswith(target) if prefix else word == target


def _clause_ends_here(clause: Clause, recent: deque) -> bool:
    """Whether the last words seen (``recent``: (start, end, word)) end with the clause's words."""
    n = len(clause.words)
    if len(recent) < n or not _word_matches(recent[-1][2], clause.words[-1], clause.prefix):
        return False
    return all(recent[i - n][2] == target for i, target in enumerate(clause.words[:-1]))


def _scan(text: str, clauses, start: int, end: int, *, limit: int | None = None, first_piece_end: int | None = None):
    """Matches in ``text[start:end]`` by walking its words; with ``first_piece_end``, only those starting before it."""
    found: list[tuple[int, int]] = []
    recent: deque = deque(maxlen=MAX_PHRASE)
    longest, beyond = max(len(c.words) for c in clauses), 0
    for s, e, word in _words_with_places(text[start:end], start):
        if first_piece_end is not None and s >= first_piece_end:
            beyond += 1
            if beyond >= longest:  # no match can start in the first piece any more
                break
        recent.append((s, e, word))
        for clause in clauses:
            if _clause_ends_here(clause, recent):
                first = recent[-len(clause.words)][0]
                if first_piece_end is not None and first >= first_piece_end:
                    continue
                if found and first <= found[-1][1]:
                    found[-1] = (min(found[-1][0], first), max(found[-1][1], e))
                else:
                    found.append((first, e))
        if limit is not None and len(found) >= limit:
            break
    return found


def find(text: str, query: Query, *, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Original ``(start, end)`` of every match of the query's positive clauses in ``text[start:end]``, merged."""
    clauses = query.positive
    if not clauses:
        return []
    return _scan(text, clauses, start, len(text) if end is None else end)


def first_match(text: str, query: Query, *, scan: int = MAX_SCAN, memo: dict | None = None) -> tuple[int, int] | None:
    """The first match in ``text``, found without walking every word: the pieces of text that hold a clause's
    first word are looked up with ``str.find``, and only from there are the following words compared.

    ``memo`` (a dict kept for one query, across texts) remembers which pieces hold a first word."""
    clauses = query.positive
    if not clauses or not text:
        return None
    text = text[:scan]
    exact = {c.words[0] for c in clauses if not (c.prefix and len(c.words) == 1)}
    prefixes = tuple(c.words[0] for c in clauses if c.prefix and len(c.words) == 1)
    memo = {} if memo is None else memo
    heads = []
    for piece in set(text.split()):
        is_head = memo.get(piece)
        if is_head is None:
            is_head = memo[piece] = any(w in exact or (prefixes and w.startswith(prefixes))
                                        for _s, _e, w in _piece(piece))
        if is_head:
            heads.append(piece)
    places = []
    for piece in heads:
        i = text.find(piece)
        while i != -1:
            after = i + len(piece)
            if (i == 0 or text[i - 1].isspace()) and (after == len(text) or text[after].isspace()):
                places.append((i, after))
            i = text.find(piece, after)
    for begin, after in sorted(places):
        found = _scan(text, clauses, begin, min(len(text), after + 40 * MAX_PHRASE), limit=1, first_piece_end=after)
        if found:
            return found[0]
    return None


def _render(text: str, start: int, end: int, marks: list[tuple[int, int]]) -> SafeString:
    out, pos = [], start
    for s, e in marks:
        s, e = max(s, start), min(e, end)
        if e <= s:
            continue
        out.append(escape(text[pos:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    out.append(escape(text[pos:end]))
    html = "".join(out).strip()
    if start > 0:
        html = "…" + html
    if end < len(text):
        html += "…"
    return mark_safe(html)  # every piece of text is escaped above


def _window(text: str, first: tuple[int, int]) -> tuple[int, int]:
    start = max(0, first[0] - BEFORE)
    if start > 0:
        space = text.find(" ", start, first[0])
        start = space + 1 if space != -1 else start
    end = min(len(text), max(start + LENGTH, first[1] + 20))
    if end < len(text):
        space = text.rfind(" ", first[1], end)
        end = space if space != -1 else end
    return start, end


def snippet(fields: list[tuple[str, str]], query: Query, *, memo: dict | None = None) -> Snippet | None:
    """A short passage of the first field (in the order given) where the query matches, matches marked.

    ``fields`` are ``(name, text)``; ``memo`` is ``first_match``'s, shared by the hits of one search. Without
    a match in any field (the index is newer or older than the text), the beginning of the first non-empty
    field is shown unmarked; ``None`` if every field is empty.
    """
    # Where the words typed one by one stand together, in order, is the best place to show.
    words = [c for c in query.positive if not c.negated]
    together = None
    if len(words) > 1 and len(words) <= MAX_PHRASE and all(len(c.words) == 1 for c in words):
        together = Query((Clause(tuple(c.words[0] for c in words), prefix=words[-1].prefix),))
    for name, text in fields:
        if not text:
            continue
        first = (first_match(text, together) if together else None) or first_match(text, query, memo=memo)
        if first:
            start, end = _window(text, first)
            marks = find(text, query, start=start, end=end)
            return Snippet(field=name, html=_render(text, start, end, marks), matches=marks, start=start, end=end)
    for name, text in fields:
        if text:
            end = min(len(text), LENGTH)
            if end < len(text):
                space = text.rfind(" ", 0, end)
                end = space if space > 0 else end
            return Snippet(field=name, html=_render(text, 0, end, []), start=0, end=end)
    return None


def mark(text: str, query: Query) -> SafeString:
    """``text`` whole (a title), its matches marked."""
    return _render(text, 0, len(text), find(text, query))
