"""What a person types in the search box, read into clauses of folded words.

* ``wages police``: both words (in any order, anywhere in the text);
* ``"ish haqi"``: the words next to each other, in this order (a phrase; «», “” work too);
* ``зарплат*``: every word that starts so (зарплата, зарплаты, зарплату); at least two letters before ``*``;
* ``-police``: leave out what contains the word (or ``-"phrase"``).

Every word is folded (``ovoz.search.fold``) like the index, so the script it is typed in does not matter. A word
that folding cuts in two (``Ak-Zhar``) is a phrase of its parts.
"""

import re
from dataclasses import dataclass

from ovoz.search.fold import tokenize

MAX_QUERY_LENGTH = 300
MAX_CLAUSES = 12
MAX_PHRASE = 12
MIN_PREFIX = 2

_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"'})
_PARTS = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')


@dataclass(frozen=True)
class Clause:
    words: tuple[str, ...]
    prefix: bool = False
    negated: bool = False

    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True)
class Query:
    clauses: tuple[Clause, ...] = ()

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negated)

    @property
    def negative(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.negated)

    def __bool__(self) -> bool:
        return bool(self.positive)


def _clause(text: str, *, negated: bool) -> Clause | None:
    prefix = text.rstrip().endswith("*")
    words = tokenize(text)[:MAX_PHRASE]
    if not words:
        return None
    if prefix and len(words[-1]) < MIN_PREFIX:
        prefix = False
    return Clause(words=tuple(words), prefix=prefix, negated=negated)


def parse(text: str | None) -> Query:
    """The clauses of a search; an empty Query (falsy) when nothing searchable was typed."""
    text = (text or "")[:MAX_QUERY_LENGTH].translate(_QUOTES)
    clauses: list[Clause] = []
    for m in _PARTS.finditer(text):
        if m.group(2) is not None:
            clause = _clause(m.group(2), negated=bool(m.group(1)))
        else:
            clause = _clause(m.group(4), negated=bool(m.group(3)))
        if clause is not None and clause not in clauses:
            clauses.append(clause)
        if len(clauses) >= MAX_CLAUSES:
            break
    return Query(tuple(clauses))
