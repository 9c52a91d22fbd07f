"""The reads of a source's codings that every coding request makes, as plain statements.

The source has been checked by ``ovoz.analysis.access.get_analysable_source_for_user`` in the same request
before any of these run; they take its pk. Written as SQL for the reason given in ``ovoz.analysis.access_sql``:
the ORM's Python work for these small reads cost more than the database's.
"""

from django.db import connection

from ovoz.analysis.models import Coding


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _whose(round_id: int | None, coder_id: int | None) -> tuple[str, list]:
    """Codings outside any round, or one coder's codings in a round."""
    if round_id is None:
        return f" AND {_q('double_coding_id')} IS NULL", []
    return f" AND {_q('double_coding_id')} = %s AND {_q('coder_id')} = %s", [round_id, coder_id]


def coding_rows(source_id: int, *, round_id: int | None, coder_id: int | None, lo: int | None = None,
                hi: int | None = None) -> list[tuple[int, int, int, int]]:
    """``(pk, start, end, code_id)`` of a source's codings outside any round (``round_id`` None) or of one
    coder in a round, optionally only those overlapping ``lo``–``hi``. The caller has checked the source."""
    table = _q(Coding._meta.db_table)
    whose, params = _whose(round_id, coder_id)
    sql = (f"SELECT {_q('id')}, {_q('start')}, {_q('end')}, {_q('code_id')} FROM {table} "
           f"WHERE {_q('source_id')} = %s{whose}")
    params = [source_id, *params]
    if lo is not None:
        sql += f" AND {_q('start')} < %s AND {_q('end')} > %s"
        params += [hi, lo]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def code_counts(source_id: int, *, round_id: int | None, coder_id: int | None) -> dict[int, int]:
    """How many codings each code has on the source, counted as ``coding_rows`` selects them."""
    table = _q(Coding._meta.db_table)
    whose, params = _whose(round_id, coder_id)
    sql = (f"SELECT {_q('code_id')}, COUNT(*) FROM {table} WHERE {_q('source_id')} = %s{whose} "
           f"GROUP BY {_q('code_id')}")
    with connection.cursor() as cursor:
        cursor.execute(sql, [source_id, *params])
        return dict(cursor.fetchall())


def codes_on_stretch(source_id: int, start: int, end: int, code_ids: list[int], *, round_id: int | None,
                     coder_id: int | None) -> set[int]:
    """Which of ``code_ids`` are already on exactly ``start``–``end`` (outside any round, or by the coder in
    the round): ``coding_create`` does not apply a code twice to one stretch."""
    table = _q(Coding._meta.db_table)
    whose, params = _whose(round_id, coder_id)
    marks = ", ".join(["%s"] * len(code_ids))
    sql = (f"SELECT {_q('code_id')} FROM {table} WHERE {_q('source_id')} = %s AND {_q('start')} = %s "
           f"AND {_q('end')} = %s AND {_q('code_id')} IN ({marks}){whose}")
    with connection.cursor() as cursor:
        cursor.execute(sql, [source_id, start, end, *code_ids, *params])
        return {row[0] for row in cursor.fetchall()}
