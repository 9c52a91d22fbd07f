"""Django's SQLite backend on SQLCipher: the same SQL and FTS5, with the file encrypted.

The key is derived from the installation's master key and given as a raw key, so SQLCipher
does not run its slow passphrase KDF on every connection.

Files are journalled in WAL mode with ``synchronous = NORMAL`` by default (OPTIONS ``synchronous``, from
OVOZ_DB_SYNCHRONOUS): a commit then writes to the log without waiting for the disk, which is synced at each
checkpoint. WAL with NORMAL never corrupts the database; a power cut (not a crash of Ovoz) may lose the last
commits. FULL syncs at every commit (several milliseconds each).
"""

import datetime
import decimal
import re
from collections.abc import Mapping
from itertools import tee

import sqlcipher3.dbapi2 as Database
from django.core.exceptions import ImproperlyConfigured
from django.db.backends.sqlite3 import base as sqlite_base
from django.db.backends.sqlite3._functions import register as register_functions

from ovoz import keys
from ovoz.env import env_int

# The converters and adapters Django registers on the standard sqlite3 module, registered on
# SQLCipher's module too.
Database.register_converter("bool", b"1".__eq__)
Database.register_converter("date", sqlite_base.decoder(sqlite_base.parse_date))
Database.register_converter("time", sqlite_base.decoder(sqlite_base.parse_time))
Database.register_converter("datetime", sqlite_base.decoder(sqlite_base.parse_datetime))
Database.register_converter("timestamp", sqlite_base.decoder(sqlite_base.parse_datetime))
Database.register_adapter(decimal.Decimal, str)
Database.register_adapter(datetime.date, sqlite_base.adapt_date)
Database.register_adapter(datetime.datetime, sqlite_base.adapt_datetime)

_FORMAT_PLACEHOLDER = re.compile(r"(?<!%)%s")
SYNCHRONOUS = ("NORMAL", "FULL")


class CursorWrapper(Database.Cursor):
    """Translates Django's "format"/"pyformat" parameters to SQLite's "qmark"/"named" ones."""

    def execute(self, query, params=None):
        if params is None:
            return super().execute(query)
        names = list(params) if isinstance(params, Mapping) else None
        return super().execute(self._convert(query, names), params)

    def executemany(self, query, param_list):
        peek, param_list = tee(iter(param_list))
        first = next(peek, None)
        names = list(first) if isinstance(first, Mapping) else None
        return super().executemany(self._convert(query, names), param_list)

    @staticmethod
    def _convert(query, names):
        if names is None:
            return _FORMAT_PLACEHOLDER.sub("?", query).replace("%%", "%")
        return query % {name: f":{name}" for name in names}


def raw_key_pragma() -> str:
    return f"PRAGMA key = \"x'{keys.derived_key('database').hex()}'\""


class DatabaseWrapper(sqlite_base.DatabaseWrapper):
    vendor = "sqlite"
    display_name = "SQLCipher"
    # Exceptions are wrapped by the driver module's classes, so they must be SQLCipher's.
    Database = Database

    def get_connection_params(self):
        params = super().get_connection_params()
        synchronous = str(params.pop("synchronous", None) or "NORMAL").strip().upper()
        if synchronous not in SYNCHRONOUS:
            raise ImproperlyConfigured(
                f"OVOZ_DB_SYNCHRONOUS must be one of {', '.join(SYNCHRONOUS)}, not {synchronous!r}."
            )
        self.synchronous = synchronous
        return params

    def get_new_connection(self, conn_params):
        if not self.is_in_memory_db() and not keys.has_master_key():
            raise ImproperlyConfigured(
                "Ovoz has no master key yet: run `ovoz init` (or set OVOZ_MASTER_KEY) before using the database."
            )
        conn = Database.connect(**conn_params)
        # The key must be the very first statement on the connection.
        conn.execute(raw_key_pragma())
        register_functions(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA legacy_alter_table = OFF")
        if not self.is_in_memory_db():
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA synchronous = {getattr(self, 'synchronous', 'NORMAL')}")
            # Every page read from disk is decrypted: a larger page cache saves decrypting the same pages again
            # when lists and searches follow each other (SQLite's default is 2 MB).
            conn.execute(f"PRAGMA cache_size = -{env_int('OVOZ_DB_CACHE_MB', 64) * 1024}")
        for init_command in self.init_commands:
            if init_command := init_command.strip():
                conn.execute(init_command)
        return conn

    def create_cursor(self, name=None):
        return self.connection.cursor(factory=CursorWrapper)
