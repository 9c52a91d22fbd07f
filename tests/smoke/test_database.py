"""The suite runs on the database it was asked for: `make test` on SQLCipher, `make test-pg` on PostgreSQL."""

import os

from django.db import connection


def test_the_suite_runs_on_the_database_it_was_asked_for(db):
    engine = (os.environ.get("OVOZ_DB_ENGINE") or "sqlcipher").lower()
    with connection.cursor() as cursor:
        if engine.startswith("postgres"):
            assert connection.vendor == "postgresql"
            # pytest-django creates (and drops) test_<name> (test_<name>_gw<n> per pytest-xdist worker), so the
            # database named itself is never touched.
            expected = "test_" + (os.environ.get("OVOZ_DB_NAME") or "ovoz")
            worker = os.environ.get("PYTEST_XDIST_WORKER")
            cursor.execute("SELECT current_database()")
            assert cursor.fetchone()[0] == (f"{expected}_{worker}" if worker else expected)
        else:
            assert connection.vendor == "sqlite"
            assert connection.display_name == "SQLCipher"
            cursor.execute("PRAGMA cipher_version")
            assert cursor.fetchone()[0], "the SQLite library in use is not SQLCipher"
