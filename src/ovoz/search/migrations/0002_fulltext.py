"""The words of the index, per database: an FTS5 table on SQLite, tsvector parts with a GIN index on PostgreSQL.

The SQL is written out here (not imported from the backends) so that this migration never changes.
"""

from django.db import migrations

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE search_text USING fts5(title, body, tags, "
    "tokenize = \"unicode61 remove_diacritics 0 tokenchars '''_'\", "
    "content = '', contentless_delete = 1, prefix = '2 3')"
)
POSTGRES_CREATE = [
    "CREATE TABLE search_text (entry_id bigint NOT NULL, part smallint NOT NULL, tsv tsvector NOT NULL, "
    "PRIMARY KEY (entry_id, part))",
    "CREATE INDEX search_text_tsv ON search_text USING gin (tsv)",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        for statement in POSTGRES_CREATE:
            schema_editor.execute(statement)
    else:
        raise RuntimeError(f"Ovoz's search index supports SQLite and PostgreSQL, not {vendor}.")


def drop(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS search_text")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
