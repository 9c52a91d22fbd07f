"""Inserting many rows fast: multi-row ``INSERT … VALUES … RETURNING id`` with values prepared per field.

Django's ``bulk_create`` compiles every value through the SQL compiler, which costs more than the database
itself for the ~200,000 values of a 10,000-submission import. Here each column's value is prepared once by its
field's own ``get_db_prep_save`` (so encrypted fields are encrypted, JSON and dates adapted exactly as the ORM
does), or passed through for plain text, numbers, booleans and foreign keys. Works on SQLite and PostgreSQL.
"""

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
