"""The access checks every coding request makes, each as a single SQL statement.

Building and compiling the same checks with the ORM (the source's: two ``Exists`` subqueries, a join and an
``OR``) costs about 0.5–2 ms of Python each on every coding request — more than the database's work for the
whole request. The statements here are written once from the models' table and column names and read through
``Model.objects.raw`` (which converts the values and defers the columns not selected), so only the parameters
change per request. Their only callers are the access functions in ``ovoz.analysis.access``, whose tests
compare the answers with the querysets' for every role of the cast and every state of consent.
"""

from functools import cache

from django.db import connection

from ovoz.analysis.models import Code
from ovoz.evidence.models import Participant, Source
from ovoz.programmes.models import Partnership


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


@cache
def _statement(defer: frozenset[str], vendor: str) -> str:
    """The statement with ``{team}`` and ``{coordinated}`` left for the placeholders of the two id lists."""
    source = Source._meta
    table = _q(source.db_table)
    columns = [f"{table}.{_q(f.column)}" for f in source.concrete_fields if f.attname not in defer]
    links = Source.participants.through._meta
    link_table, person = _q(links.db_table), _q(Participant._meta.db_table)
    link_source = _q(links.get_field("source").column)
    link_person = _q(links.get_field("participant").column)

    def refused(flag: str) -> str:
        column = _q(Participant._meta.get_field(flag).column)
        return (f"EXISTS (SELECT 1 FROM {link_table} INNER JOIN {person} ON {person}.{_q('id')} = "
                f"{link_table}.{link_person} WHERE {link_table}.{link_source} = {table}.{_q('id')} "
                f"AND {person}.{column} = %s)")

    partnership = _q(Partnership._meta.db_table)
    return (
        f"SELECT {', '.join(columns)}, {refused('consent_analysis')} AS refused_analysis, "
        f"{refused('consent_coordinators')} AS refused_coordinators "
        f"FROM {table} INNER JOIN {partnership} ON {partnership}.{_q('id')} = {table}.{_q('partnership_id')} "
        f"WHERE {table}.{_q('id')} = %s AND ({table}.{_q('partnership_id')} IN ({{team}}) "
        f"OR ({partnership}.{_q('programme_id')} IN ({{coordinated}}) "
        f"AND {table}.{_q(source.get_field('shared_with_programme').column)} = %s))"
    )


def source_for_analysis(pk: int, *, team: set[int], coordinated: set[int], defer: tuple[str, ...] = ()
                        ) -> Source | None:
    """The source ``pk`` if it belongs to a ``team`` partnership or is shared with a ``coordinated`` programme,
    with ``refused_analysis`` and ``refused_coordinators`` set; None otherwise. The caller decides on the flags.
    An empty id list becomes ``NULL``, which matches nothing."""
    team_ids, coordinated_ids = sorted(team) or [None], sorted(coordinated) or [None]
    sql = _statement(frozenset(defer), connection.vendor).format(
        team=_placeholders(team_ids), coordinated=_placeholders(coordinated_ids),
    )
    params = [False, False, pk, *team_ids, *coordinated_ids, True]
    rows = list(Source.objects.raw(sql, params))  # read to the end: no statement is left open
    return rows[0] if rows else None


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def codes_for_source(ids: list[int], *, programme_id: int, codebook: bool, partnership_id: int | None) -> list[Code]:
    """The codes among ``ids`` in the programme's codebook (when ``codebook``) or of the partnership
    ``partnership_id`` (when given), not retired: what may be applied to a source of that partnership."""
    if not ids or not (codebook or partnership_id):
        return []
    meta = Code._meta
    table = _q(meta.db_table)
    owners, params = [], [*ids, programme_id]
    if codebook:
        owners.append(f"{table}.{_q('partnership_id')} IS NULL")
    if partnership_id:
        owners.append(f"{table}.{_q('partnership_id')} = %s")
        params.append(partnership_id)
    sql = (f"SELECT * FROM {table} WHERE {table}.{_q('id')} IN ({_placeholders(ids)}) "
           f"AND {table}.{_q('programme_id')} = %s AND {table}.{_q('retired_at')} IS NULL AND ({' OR '.join(owners)})")
    return list(Code.objects.raw(sql, params))


def code_names_by_pk(ids: list[int], *, codebook_programmes: set[int], partnerships: set[int],
                     coordinated: set[int]) -> dict[int, str]:
    """The names, in the interface language, of the codes among ``ids`` that are in the codebook of one of
    ``codebook_programmes``, belong to one of ``partnerships``, or are in a ``coordinated`` programme (retired
    ones too: codings keep them). Rows rather than models: the legend after each coding names every code."""
    if not ids:
        return {}
    table = _q(Code._meta.db_table)
    owners, params = [], list(ids)
    if codebook_programmes:
        owners.append(f"({table}.{_q('partnership_id')} IS NULL AND {table}.{_q('programme_id')} "
                      f"IN ({_placeholders(codebook_programmes)}))")
        params += sorted(codebook_programmes)
    if partnerships:
        owners.append(f"{table}.{_q('partnership_id')} IN ({_placeholders(partnerships)})")
        params += sorted(partnerships)
    if coordinated:
        owners.append(f"{table}.{_q('programme_id')} IN ({_placeholders(coordinated)})")
        params += sorted(coordinated)
    if not owners:
        return {}
    names = ", ".join(_q(f"name_{language}") for language in Code.NAME_LANGUAGES)
    sql = (f"SELECT {_q('id')}, {names} FROM {table} WHERE {table}.{_q('id')} IN ({_placeholders(ids)}) "
           f"AND ({' OR '.join(owners)})")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0]: Code.name_from(row[1:]) for row in cursor.fetchall()}
