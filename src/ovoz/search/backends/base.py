"""What a search backend does: store an entry's words, forget them, and find entries matching a query."""

from contextlib import contextmanager
from dataclasses import dataclass

from ovoz.search.query import Query

# Between two fields of one entry (title, transcript, translation…) a phrase never matches across.
GAP = "_"


@dataclass
class Match:
    """SQL pieces that find the entries (alias ``e``) matching a query.

    ``from_sql`` names the tables (``search_entry e`` among them) and ``where_sql`` the match condition;
    ``params`` fill their placeholders, in that order. ``score_sql`` (with ``score_params``) is the relevance,
    best first in ``score_order``.
    """

    from_sql: str
    where_sql: str
    params: list
    score_sql: str
    score_order: str
    score_params: list


@dataclass
class Text:
    """The words of one entry, folded: its title's, its fields' in order (one list per field), and its tags
    (``ovoz.search.tags``)."""

    entry_id: int
    title: list[str]
    fields: list[list[str]]
    tags: list[str]


class Backend:
    vendor = ""

    @contextmanager
    def searching(self):
        """Around the queries of one search: settings that make the database plan them well."""
        yield

    def insert(self, cursor, texts: list[Text]) -> None:
        """Store the words of these entries, which have none stored (``delete`` them first to replace them)."""
        raise NotImplementedError

    def delete(self, cursor, entry_ids: list[int]) -> None:
        raise NotImplementedError

    def clear(self, cursor) -> None:
        raise NotImplementedError

    def match(self, query: Query, tags: list[list[str]]) -> Match:
        """Entries matching ``query`` that have a tag of every group in ``tags``."""
        raise NotImplementedError

    def rank(self, query: Query, tags: list[list[str]], entry_ids: list[int]) -> dict[int, float]:
        """The relevance of these (matching) entries: higher is better."""
        raise NotImplementedError
