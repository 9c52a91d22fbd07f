"""SQLite FTS5: a contentless table (it keeps the index of the folded words, not a second copy of the text)
whose rowid is the entry's id, tokenised on spaces only because the words arrive already folded and cut."""

from contextlib import contextmanager

from django.db import connection

from ovoz.search.backends.base import GAP, Backend, Match, Text
from ovoz.search.query import Clause, Query

TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0
# SQLCipher decrypts every page it reads into its page cache (8 MB by default): a search over a large corpus
# touches more than that (index, entries, participants), so its connection gets a larger cache.
CACHE_KIB = 65536


def _phrase(clause: Clause) -> str:
    # Words are letters, digits and apostrophes only: nothing in them can be read as FTS5 syntax.
    text = '"' + " ".join(clause.words) + '"'
    return text + "*" if clause.prefix else text


def fts_expression(query: Query, tags: list[list[str]] = ()) -> str:
    positive = " AND ".join(_phrase(c) for c in query.positive)
    expression = f"({positive})"
    for clause in query.negative:
        expression = f"({expression} NOT {_phrase(clause)})"
    for group in tags:
        expression += " AND tags : (" + " OR ".join(f'"{t}"' for t in group) + ")"
    return expression


def body_text(fields: list[list[str]]) -> str:
    return f" {GAP} ".join(" ".join(words) for words in fields if words)


class SqliteBackend(Backend):
    vendor = "sqlite"

    @contextmanager
    def searching(self):
        connection.ensure_connection()
        raw = connection.connection
        if getattr(connection, "_ovoz_search_cache_for", None) is not raw:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            connection._ovoz_search_cache_for = raw
        yield

    def insert(self, cursor, texts: list[Text]) -> None:
        if not texts:
            return
        cursor.executemany(
            "INSERT INTO search_text (rowid, title, body, tags) VALUES (%s, %s, %s, %s)",
            [(t.entry_id, " ".join(t.title), body_text(t.fields), " ".join(t.tags)) for t in texts],
        )

    def delete(self, cursor, entry_ids: list[int]) -> None:
        for start in range(0, len(entry_ids), 500):
            chunk = entry_ids[start:start + 500]
            cursor.execute(
                f"DELETE FROM search_text WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk
            )

    def clear(self, cursor) -> None:
        cursor.execute("DELETE FROM search_text")

    def match(self, query: Query, tags: list[list[str]]) -> Match:
        return Match(
            from_sql="search_text CROSS JOIN search_entry e ON e.id = search_text.rowid",  # FTS5 drives
            where_sql="search_text MATCH %s",
            params=[fts_expression(query, tags)],
            score_sql=f"bm25(search_text, {TITLE_WEIGHT}, {BODY_WEIGHT}, 0.0)",
            score_order="ASC",  # bm25 is lower for better matches
            score_params=[],
        )

    def rank(self, query: Query, tags: list[list[str]], entry_ids: list[int]) -> dict[int, float]:
        if not entry_ids:
            return {}
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, bm25(search_text, {TITLE_WEIGHT}, {BODY_WEIGHT}, 0.0) FROM search_text"
                f" WHERE search_text MATCH %s AND +rowid IN ({', '.join(['%s'] * len(entry_ids))})",
                [fts_expression(query, tags), *entry_ids],
            )
            return {pk: -score for pk, score in cursor.fetchall()}  # bm25 is lower for better matches
