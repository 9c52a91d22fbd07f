"""One search interface, two engines: SQLite FTS5 in the embedded database, PostgreSQL full-text search in
deployments. The backend is chosen by the database's vendor; both read the same folded words."""

from django.db import connection

from ovoz.search.backends.base import Backend


def get_backend() -> Backend:
    if connection.vendor == "postgresql":
        from ovoz.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from ovoz.search.backends.sqlite import SqliteBackend

    return SqliteBackend()


__all__ = ["Backend", "get_backend"]
