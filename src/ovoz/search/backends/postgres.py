"""PostgreSQL full-text search over the folded words.

Each entry's words are stored as tsvector parts (``search_text``, GIN-indexed). The tsvector is written
literally, word by word with its positions, instead of being parsed by ``to_tsvector``: PostgreSQL's parser
would cut ``oʻzbek`` at the apostrophe and treat hyphens its own way, while this keeps exactly the words the
SQLite index holds, so both databases find the same things. (It is what the 'simple' configuration would
give, minus the parser.) Queries are written as tsquery literals in the same way.

A long text is cut into parts of ``PART_WORDS`` words: a tsvector keeps at most 256 positions of one word and
positions up to 16,383, and phrase search needs the positions.
"""

from contextlib import contextmanager

from django.db import connection, transaction

from ovoz.search.backends.base import Backend, Match, Text
from ovoz.search.query import Clause, Query

PART_WORDS = 4000
INSERT_ROWS = 500
MAX_POSITIONS = 256
# Title words (weight A) count four times a body word (D), as in SQLite; the best part of a long text counts.
RANK = "ts_rank('{0.1, 0.1, 0.1, 0.4}', t.tsv, %s::tsquery)"


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literals(text: Text) -> list[str]:
    """The entry's words as tsvector literals, one per part; title words weighted A."""
    parts: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] = {}
    position = 0

    def flush():
        nonlocal current, position
        if current:
            parts.append(current)
        current, position = {}, 0

    def add(words: list[str], weight: str):
        nonlocal position
        for word in words:
            if position >= PART_WORDS:
                flush()
            position += 1
            positions = current.setdefault(word, [])
            if len(positions) < MAX_POSITIONS:
                positions.append(f"{position}{weight}")
        position += 1  # a gap: no phrase across two fields

    add(text.title, "A")
    for words in text.fields:
        if words:
            add(words, "")
    flush()
    tags = " ".join(_lexeme(t) for t in text.tags)  # in every part, without positions
    return [" ".join([tags, *(f"{_lexeme(w)}:{','.join(p)}" for w, p in part.items())]) for part in parts]


def _phrase(clause: Clause) -> str:
    lexemes = [_lexeme(w) for w in clause.words]
    if clause.prefix:
        lexemes[-1] += ":*"
    text = " <-> ".join(lexemes)
    return f"({text})" if len(lexemes) > 1 else text


def tsquery_literal(query: Query, tags: list[list[str]] = ()) -> str:
    terms = [_phrase(c) for c in query.positive] + [f"!{_phrase(c)}" for c in query.negative]
    terms += ["(" + " | ".join(_lexeme(t) for t in group) + ")" for group in tags]
    return " & ".join(terms)


class PostgresBackend(Backend):
    vendor = "postgresql"

    @contextmanager
    def searching(self):
        # The planner prices "tsv @@ query" as cheap and may read every tsvector (detoasting the whole index)
        # instead of using the GIN index, which answers without reading them: for a search, never that.
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SHOW enable_seqscan")
                before = cursor.fetchone()[0]
                cursor.execute("SET LOCAL enable_seqscan = off")
            try:
                yield
            finally:  # inside a longer transaction, leave the setting as it was
                with connection.cursor() as cursor:
                    cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [before])

    def insert(self, cursor, texts: list[Text]) -> None:
        # One statement per INSERT_ROWS parts, the literals passed as arrays and cast to tsvector by the server.
        rows = [(t.entry_id, i, literal) for t in texts for i, literal in enumerate(tsvector_literals(t))]
        for start in range(0, len(rows), INSERT_ROWS):
            entry_ids, parts, literals = zip(*rows[start:start + INSERT_ROWS], strict=True)
            cursor.execute(
                "INSERT INTO search_text (entry_id, part, tsv) SELECT e, p, t::tsvector"
                " FROM unnest(%s::bigint[], %s::integer[], %s::text[]) AS u(e, p, t)",
                [list(entry_ids), list(parts), list(literals)],
            )

    def delete(self, cursor, entry_ids: list[int]) -> None:
        if entry_ids:
            cursor.execute("DELETE FROM search_text WHERE entry_id = ANY(%s)", [list(entry_ids)])

    def clear(self, cursor) -> None:
        cursor.execute("TRUNCATE search_text")

    def match(self, query: Query, tags: list[list[str]]) -> Match:
        literal = tsquery_literal(query, tags)
        return Match(
            # The text match drives (as FTS5 does on SQLite): its entries, then each one's row by primary key.
            from_sql="(SELECT DISTINCT t.entry_id FROM search_text t WHERE t.tsv @@ %s::tsquery) AS hit"
                     " JOIN search_entry e ON e.id = hit.entry_id",
            where_sql="TRUE",
            params=[literal],
            score_sql=f"(SELECT max({RANK}) FROM search_text t WHERE t.entry_id = e.id)",
            score_order="DESC",
            score_params=[literal],
        )

    def rank(self, query: Query, tags: list[list[str]], entry_ids: list[int]) -> dict[int, float]:
        if not entry_ids:
            return {}
        literal = tsquery_literal(query, tags)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT t.entry_id, max({RANK}) FROM search_text t WHERE t.entry_id = ANY(%s)"
                " AND t.tsv @@ %s::tsquery GROUP BY t.entry_id",
                [literal, list(entry_ids), literal],
            )
            return dict(cursor.fetchall())
