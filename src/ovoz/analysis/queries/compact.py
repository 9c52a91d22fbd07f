"""Integer columns of a large queryset read fast: the database joins them into one string, numpy parses it.

A million rows arrive as a million Python tuples in about a second of CPU; as one string, parsed by numpy, in a
fraction of it. The queryset keeps every filter it had (access and consent included): it is only wrapped.
"""

import numpy as np
from django.core.exceptions import EmptyResultSet
from django.db import connection


def integer_columns(queryset, columns: list[str]) -> np.ndarray:
    """An (n, len(columns)) int64 array of the queryset's rows, in no particular order."""
    try:
        inner, params = queryset.order_by().values(*columns).query.sql_with_params()
    except EmptyResultSet:  # nothing the person may see
        return np.zeros((0, len(columns)), np.int64)
    names = [f"c.{connection.ops.quote_name(c)}" for c in columns]
    if connection.vendor == "postgresql":
        text = f"string_agg(concat_ws(' ', {', '.join(names)}), ' ')"
    else:
        glue = " || ' ' || "
        text = f"group_concat({glue.join(names)}, ' ')"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {text} FROM ({inner}) c", params)
        joined = cursor.fetchone()[0]
    if not joined:
        return np.zeros((0, len(columns)), np.int64)
    return np.fromstring(joined, dtype=np.int64, sep=" ").reshape(-1, len(columns))
