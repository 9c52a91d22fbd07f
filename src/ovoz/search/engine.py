"""``search(user, query, filters, page)``: one search over sources, attachments and incidents.

One SQL query finds the matches, their total and their order: the text match (FTS5 or tsquery, narrowed by
tags), the access rules with live consent (``ovoz.search.access``) and the filters all apply inside it; a
second one ranks them when there are few enough. The page's objects are then read through
``ovoz.evidence.access`` once more, and their original text gives the snippets.
"""

import datetime
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db import connection
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import SafeString

from ovoz.evidence.access import incidents_visible_to, sources_visible_to
from ovoz.evidence.models import Attachment, Incident, Source
from ovoz.search.access import SEARCH_SCOPE, access_sql, search_scope
from ovoz.search.backends import get_backend
from ovoz.search.documents import FIELD_LABELS, KIND_LABELS, fields_of, language_label, title_of
from ovoz.search.filters import Filters, as_filters, filter_sql
from ovoz.search.highlight import Snippet, mark, snippet
from ovoz.search.query import Query, parse
from ovoz.search.tags import filter_tags, scope_tags

PER_PAGE = 20
MAX_PER_PAGE = 200
AUTO, RELEVANCE, NEWEST = "auto", "relevance", "newest"
ORDERS = (AUTO, RELEVANCE, NEWEST)
RANK_LIMIT = 1000  # "auto" ranks by relevance up to this many matches, and lists more newest first
NEWEST_SQL = "date DESC NULLS LAST, id DESC"


@dataclass
class Hit:
    object_type: str
    object_id: int
    kind: str
    obj: object
    title: SafeString
    partnership: object
    date: datetime.date | None
    language: str
    snippet: Snippet | None
    url: str | None

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))

    @property
    def language_label(self) -> str:
        return language_label(self.language)

    @property
    def field_label(self) -> str:
        return str(FIELD_LABELS.get(self.snippet.field, "")) if self.snippet else ""


@dataclass
class Results:
    query: Query
    hits: list[Hit]
    count: int
    page: Page
    order: str = RELEVANCE  # what the hits are ordered by: relevance or newest


def _conditions(query: Query, tags, scope, filters: Filters):
    """The match (narrowed by tags), then the access rules and the filters on the entries themselves."""
    match = get_backend().match(query, tags)
    access, access_params = access_sql(scope)
    where, where_params = filter_sql(filters)
    return match, " AND ".join([match.where_sql, access, *where]), [*match.params, *access_params, *where_params]


def _fetch(match, conditions, params, *, limit, offset, order_sql=NEWEST_SQL, score_sql="NULL", score_params=()):
    """``[(entry id, object_type, object_id, date)]`` of the matches in ``order_sql``, and the total (None when
    none is on this page). Materialised, so the relevance (which FTS5 computes only while it scans) is taken
    once per match and the total is counted from the same rows."""
    sql = (
        f"WITH m AS MATERIALIZED (SELECT e.id AS id, e.object_type AS object_type, e.object_id AS object_id,"
        f" e.date AS date, {score_sql} AS score FROM {match.from_sql} WHERE {conditions})"
        f" SELECT id, object_type, object_id, date, (SELECT COUNT(*) FROM m) FROM m ORDER BY {order_sql}"
        f" LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*score_params, *params, limit, offset])
        rows = cursor.fetchall()
    return [r[:4] for r in rows], (rows[0][4] if rows else None)


def _page_rows(query: Query, scope, filters: Filters, limit: int, offset: int, order: str = AUTO):
    """``[(object_type, object_id)]`` of one page, the total (None if the page is empty) and the order used.

    Newest first costs nothing per match; the relevance does (FTS5's bm25, PostgreSQL's ts_rank read each
    match). So "auto" finds the matches newest first and, when there are at most ``RANK_LIMIT`` of them,
    ranks just those by relevance; more are listed newest first.
    """
    with get_backend().searching():
        return _page_rows_in(query, scope, filters, limit, offset, order)


def _page_rows_in(query: Query, scope, filters: Filters, limit: int, offset: int, order: str):
    tags = [scope_tags(scope), *filter_tags(filters)]
    match, conditions, params = _conditions(query, tags, scope, filters)
    if order == NEWEST:
        rows, total = _fetch(match, conditions, params, limit=limit, offset=offset)
        return [r[1:3] for r in rows], total, NEWEST
    if order == RELEVANCE:
        rows, total = _fetch(match, conditions, params, limit=limit, offset=offset, score_sql=match.score_sql,
                             score_params=match.score_params,
                             order_sql=f"score {match.score_order}, {NEWEST_SQL}")
        return [r[1:3] for r in rows], total, RELEVANCE
    rows, total = _fetch(match, conditions, params, limit=RANK_LIMIT + 1, offset=0)
    if total is None:
        return [], None, RELEVANCE
    if total > RANK_LIMIT:
        if offset + limit > len(rows):
            rows, total = _fetch(match, conditions, params, limit=limit, offset=offset)
            return [r[1:3] for r in rows], total, NEWEST
        return [r[1:3] for r in rows[offset:offset + limit]], total, NEWEST
    scores = get_backend().rank(query, tags, [r[0] for r in rows])
    rows.sort(key=lambda r: (-scores.get(r[0], 0.0), -(r[3].toordinal() if r[3] else 0), -r[0]))
    page = [r[1:3] for r in rows[offset:offset + limit]]
    return page, (total if page else None), RELEVANCE


def count(user, query, filters=None) -> int:
    """How many objects the search finds for ``user``."""
    query = query if isinstance(query, Query) else parse(query)
    scope = search_scope(user) if query else None
    if not query or not scope:
        return 0
    filters = as_filters(filters)
    match, conditions, params = _conditions(query, [scope_tags(scope), *filter_tags(filters)], scope, filters)
    with get_backend().searching(), connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {match.from_sql} WHERE {conditions}", params)
        return cursor.fetchone()[0]


def _url(name: str, pk: int) -> str | None:
    try:
        return reverse(name, kwargs={"pk": pk})
    except NoReverseMatch:
        return None


def _resolve(user, rows: list[tuple], query: Query) -> list[Hit]:
    """The page's objects, read again through the evidence access rules, with their snippets."""
    wanted = {kind: [pk for t, pk in rows if t == kind] for kind in ("source", "attachment", "incident")}
    objects = {}
    # The access check asks only for ids (the evidence querysets are DISTINCT: over whole transcripts that
    # would be slow); the rows are then read by id.
    sources = sources_visible_to(user, scope=SEARCH_SCOPE)
    if wanted["attachment"]:
        attachments = list(Attachment.objects.select_related("source__partnership__organisation").filter(
            pk__in=wanted["attachment"]))
        allowed = set(sources.filter(pk__in={a.source_id for a in attachments}).values_list("pk", flat=True))
        objects.update({("attachment", a.pk): a for a in attachments if a.source_id in allowed})
    if wanted["source"]:
        allowed = list(sources.filter(pk__in=wanted["source"]).values_list("pk", flat=True))
        objects.update({("source", s.pk): s for s in
                        Source.objects.select_related("partnership__organisation").filter(pk__in=allowed)})
    if wanted["incident"]:
        allowed = list(incidents_visible_to(user, scope=SEARCH_SCOPE).filter(pk__in=wanted["incident"])
                       .values_list("pk", flat=True))
        objects.update({("incident", i.pk): i for i in
                        Incident.objects.select_related("partnership__organisation").filter(pk__in=allowed)})
    hits, memo = [], {}
    for key in rows:
        obj = objects.get(key)
        if obj is None:
            continue  # the index is behind the evidence: never show what the rules now refuse
        object_type, pk = key
        if object_type == "attachment":
            source: Source = obj.source
            kind, partnership, date, language = "attachment", source.partnership, source.date, source.language
            url = _url("evidence:source_detail", source.pk)
        elif object_type == "source":
            kind, partnership, date, language = obj.kind, obj.partnership, obj.date, obj.language
            url = _url("evidence:source_detail", pk)
        else:
            kind, partnership, date, language = "incident", obj.partnership, obj.date, ""
            url = _url("evidence:incident_detail", pk)
        hits.append(Hit(
            object_type=object_type, object_id=pk, kind=kind, obj=obj, title=mark(title_of(obj), query),
            partnership=partnership, date=date, language=language, url=url,
            snippet=snippet(fields_of(obj), query, memo=memo),
        ))
    return hits


def search(user, query, filters=None, page=1, *, per_page: int = PER_PAGE, order: str = AUTO) -> Results:
    """What ``user`` may find for ``query`` (text, or a parsed Query) with ``filters``, one page of it.

    Access is the user's (``ovoz.search.access``) with the consent scope "analysis"; the page number is
    clamped to the pages there are. ``order``: "auto" (relevance, or newest first past ``RANK_LIMIT``
    matches), "relevance" or "newest".
    """
    query = query if isinstance(query, Query) else parse(query)
    filters = as_filters(filters)
    order = order if order in ORDERS else AUTO
    per_page = max(1, min(int(per_page), MAX_PER_PAGE))
    try:
        number = max(1, int(page or 1))
    except (TypeError, ValueError):
        number = 1
    scope = search_scope(user) if query else None
    rows, total, used = [], 0, RELEVANCE
    if query and scope:
        rows, total, used = _page_rows(query, scope, filters, per_page, (number - 1) * per_page, order)
        if total is None:
            total = count(user, query, filters) if number > 1 else 0
            last = max(1, -(-total // per_page))
            if total and number > last:
                number = last
                rows, total, used = _page_rows(query, scope, filters, per_page, (number - 1) * per_page, order)
            total = total or 0
    paginator = Paginator(range(total), per_page)
    number = min(number, paginator.num_pages)
    hits = _resolve(user, rows, query) if rows else []
    return Results(query=query, hits=hits, count=total, page=Page(hits, number, paginator), order=used)


def offset_search(user, query, filters=None, *, limit: int = 50, offset: int = 0,
                  order: str = AUTO) -> tuple[list[Hit], int, str]:
    """For the API: ``limit`` hits from ``offset``, the total, and the order used."""
    query = query if isinstance(query, Query) else parse(query)
    filters = as_filters(filters)
    scope = search_scope(user) if query else None
    if not query or not scope:
        return [], 0, RELEVANCE
    rows, total, used = _page_rows(query, scope, filters, limit, offset, order if order in ORDERS else AUTO)
    if total is None:
        total = count(user, query, filters) if offset else 0
    return (_resolve(user, rows, query) if rows else []), total, used


__all__ = ["Filters", "Hit", "Results", "count", "offset_search", "search"]
