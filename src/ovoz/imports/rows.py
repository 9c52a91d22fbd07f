"""Inserting many rows fast: multi-row ``INSERT … VALUES … RETURNING id`` with values prepared per field.

Django's ``bulk_create`` compiles every value through the SQL compiler, which costs more than the database
itself for the ~200,000 values of a 10,000-submission import. Here each column's value is prepared once by its
field's own ``get_db_prep_save`` (so encrypted fields are encrypted, JSON and dates adapted exactly as the ORM
does), or passed through for plain text, numbers, booleans and foreign keys. On SQLite a multi-row VALUES; on
PostgreSQL one array per column, unnested (``_insert_arrays``).
"""

import json

from django.db import DEFAULT_DB_ALIAS, connections, models

from ovoz.fields import EncryptedTextField

PASS_THROUGH = (
    models.CharField, models.TextField, models.SlugField, models.BooleanField, models.IntegerField,
    models.PositiveIntegerField, models.PositiveSmallIntegerField, models.PositiveBigIntegerField,
    models.BigIntegerField, models.SmallIntegerField, models.BigAutoField, models.AutoField,
    models.ForeignKey, models.OneToOneField,
)
# Parameters per statement: the lowest limit of the SQLite builds Django supports. PostgreSQL would take more,
# but measured no faster with longer statements (bench/bench_import.py).
MAX_PARAMS = 999
MAX_ROWS = 500
ARRAY_ROWS = 2000  # rows per statement on PostgreSQL, where each column is one array parameter


def _preparer(field, connection):
    if type(field) in PASS_THROUGH and not isinstance(field, EncryptedTextField):
        return None
    prepare = field.get_db_prep_save
    return lambda value: prepare(value, connection)


def insert_rows(model, columns: list[str], rows: list[tuple], *, returning: bool = False) -> list[int]:
    """Insert ``rows`` (values in the order of ``columns``, attribute names); the new ids if ``returning``."""
    if not rows:
        return []
    connection = connections[DEFAULT_DB_ALIAS]  # the real connection, not the per-access proxy
    meta = model._meta
    fields = [meta.get_field(name) if name in {f.name for f in meta.concrete_fields} else
              next(f for f in meta.concrete_fields if f.attname == name) for name in columns]
    if connection.vendor == "postgresql":
        return _insert_arrays(connection, meta, fields, rows, returning)
    preparers = [_preparer(f, connection) for f in fields]
    quote = connection.ops.quote_name
    head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) VALUES "
    tail = f" RETURNING {quote(meta.pk.column)}" if returning else ""
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    per_statement = max(1, min(MAX_ROWS, MAX_PARAMS // len(fields)))
    ids: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start:start + per_statement]
            params = []
            for row in chunk:
                params.extend(value if prepare is None else prepare(value)
                              for value, prepare in zip(row, preparers, strict=True))
            cursor.execute(head + ", ".join([one] * len(chunk)) + tail, params)
            if returning:
                ids.extend(r[0] for r in cursor.fetchall())
    return ids


def _insert_arrays(connection, meta, fields, rows, returning: bool) -> list[int]:
    """PostgreSQL: each column passed as one array and unnested, in a short statement psycopg parses once. A
    multi-row VALUES with a thousand placeholders is too long for psycopg's cache of parsed statements: it was
    split again on every execute, a fifth of an import's time."""
    quote = connection.ops.quote_name
    casts, preparers = [], []
    for n, f in enumerate(fields):
        if isinstance(f, models.JSONField):  # as text, cast by the server
            casts.append(("%s::text[]", f"u.c{n}::jsonb"))
            preparers.append(lambda value, f=f: None if value is None else json.dumps(value, cls=f.encoder))
        else:
            casts.append((f"%s::{f.db_type(connection)}[]", f"u.c{n}"))
            preparers.append(_preparer(f, connection))
    sql = (f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
           f"SELECT {', '.join(select for _a, select in casts)} FROM unnest({', '.join(a for a, _s in casts)}) "
           f"WITH ORDINALITY AS u({', '.join(f'c{n}' for n in range(len(fields)))}, n) ORDER BY u.n"
           + (f" RETURNING {quote(meta.pk.column)}" if returning else ""))
    ids: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), ARRAY_ROWS):
            chunk = rows[start:start + ARRAY_ROWS]
            columns = [[row[i] if prepare is None else prepare(row[i]) for row in chunk]
                       for i, prepare in enumerate(preparers)]
            cursor.execute(sql, columns)
            if returning:
                ids.extend(r[0] for r in cursor.fetchall())
    return ids


def insert_objects(model, objs: list) -> None:
    """Insert unsaved model instances (every concrete field but the id) and give each its new id."""
    if not objs:
        return
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    names = [f.attname for f in fields]
    rows = [tuple(getattr(obj, name) for name in names) for obj in objs]
    ids = insert_rows(model, names, rows, returning=True)
    for obj, pk in zip(objs, ids, strict=True):
        setattr(obj, meta.pk.attname, pk)
        obj._state.adding = False
        obj._state.db = DEFAULT_DB_ALIAS
