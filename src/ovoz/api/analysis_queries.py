"""Analysis queries in the JSON API (read only): segments, code frequencies, co-occurrence, code × attribute.

Mounted with ``api.add_router("/analysis/queries", "ovoz.api.analysis_queries.router")``. The same functions as
the pages answer, so the same rules hold: only codings on sources the token's owner may analyse (every
participant allows use in analysis) are counted or returned, participants appear by pseudonym code only, and
codings of unfinished double-coding rounds are left out.

Attribute filters are query parameters named by the attribute (``partnership``, ``country``, ``kind``,
``language``, ``migrant_status``, ``age_band``, ``region``, ``work_sector``, ``household_role``,
``attr.<key>`` for a programme's own attributes); ``~`` stands for "not known".
"""

import datetime

from django.http import Http404
from ninja import Field, Query, Router, Schema, Status

from ovoz.analysis.queries.cooccurrence import cooccurrence
from ovoz.analysis.queries.dimensions import dimensions_for, filters_from, get_dimension
from ovoz.analysis.queries.frequencies import MEASURES, frequencies
from ovoz.analysis.queries.matrix import attribute_matrix
from ovoz.analysis.queries.params import _ids, segment_query_from
from ovoz.analysis.queries.retrieval import code_tree, find_segments, hydrate
from ovoz.api.pagination import DEFAULT_LIMIT, MAX_LIMIT
from ovoz.api.schemas import ErrorOut

router = Router(tags=["analysis"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut}
CODES = Query(..., description="Codes asked for (repeat the parameter)")
EXCLUDE = Query([], alias="not", description="Leave out segments overlapping any of these codes")
ONLY_CODES = Query([], description="Only these codes (none: all)")


class CodeRef(Schema):
    id: int
    name: str = Field(description="In the language of the request")
    parent_id: int | None


def _code(code) -> dict:
    return {"id": code.pk, "name": code.name(), "parent_id": code.parent_id}


class SourceRef(Schema):
    id: int
    title: str
    kind: str
    date: datetime.date | None
    language: str
    partnership_id: int
    partnership: str
    country: str


class ParticipantRef(Schema):
    code: str = Field(description="Pseudonym code; names and contacts are never sent")
    migrant_status: str
    age_band: str
    region: str
    work_sector: str
    household_role: str
    attributes: dict


class SegmentOut(Schema):
    source: SourceRef
    start: int = Field(description="Offset in code points into the transcript, inclusive")
    end: int = Field(description="Offset in code points, exclusive")
    codes: list[CodeRef]
    text: str
    before: str
    after: str
    participants: list[ParticipantRef]


class SegmentPage(Schema):
    items: list[SegmentOut]
    count: int
    sources: int


@router.get("/segments", response={200: SegmentPage, **ERRORS}, operation_id="analysis_segments",
            summary="Segments for a code or a boolean of codes")
def segments(
    request,
    code: list[int] = CODES,
    mode: str = Query("any", description="'any' (OR: segments of any code) or 'all' (AND: stretches where every "
                                         "code applies at once)"),
    exclude: list[int] = EXCLUDE,
    subcodes: bool = Query(False, description="A code stands for itself and every code under it"),
    context: int = Query(200, ge=0, le=2000, description="Characters of context before and after"),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
):
    """Segments in reading order (sources newest first, then by offset), with context and attributes. Filter by
    attribute with parameters named after it (``partnership=3``, ``migrant_status=12``, ``attr.children=2``)."""
    user = request.auth
    tree = code_tree(user)
    query = segment_query_from(request.GET, user, tree=tree)
    if not query.codes:
        raise Http404
    found = find_segments(user, query, tree=tree)
    items = hydrate(user, found[offset:offset + limit], query, codes=tree[0])
    return {
        "items": [{
            "source": s.source, "start": s.start, "end": s.end,
            "codes": [_code(c) for c in s.codes], "text": s.text, "before": s.before, "after": s.after,
            "participants": s.participants,
        } for s in items],
        "count": len(found),
        "sources": len({s.source_id for s in found}),
    }


class CountsOut(Schema):
    segments: int
    sources: int
    participants: int


class ValueOut(Schema):
    value: str = Field(description="As used in filters; '~' is 'not known'")
    label: str


class FrequencyRowOut(Schema):
    code: CodeRef
    total: CountsOut
    by_value: dict[str, CountsOut] = Field(description="Counts per value of the attribute (its 'value' as key)")


class FrequenciesOut(Schema):
    attribute: str | None
    values: list[ValueOut]
    rows: list[FrequencyRowOut]


def _counts(c) -> dict:
    return {"segments": c.segments, "sources": c.sources, "participants": c.participants}


@router.get("/frequencies", response={200: FrequenciesOut, **ERRORS}, operation_id="analysis_frequencies",
            summary="Code frequencies, overall and by an attribute")
def code_frequencies(request, by: str | None = Query(None, description="An attribute key, e.g. 'migrant_status'")):
    """Per code: segments, distinct sources and distinct participants, and the same per value of ``by``. Filter
    by attribute with parameters named after it."""
    user = request.auth
    dimensions = dimensions_for(user)
    dimension = get_dimension(dimensions, by)
    if by and dimension is None:
        return Status(400, {"detail": f"Unknown attribute {by!r}."})
    table = frequencies(user, dimension, filters=filters_from(request.GET, dimensions))
    return {
        "attribute": dimension.key if dimension else None,
        "values": [{"value": v, "label": table.labels[v]} for v in table.values],
        "rows": [{"code": _code(r.code), "total": _counts(r.total),
                  "by_value": {v: _counts(c) for v, c in r.cells.items()}} for r in table.rows],
    }


class PairOut(Schema):
    a: int
    b: int
    count: int


class CooccurrenceOut(Schema):
    definition: str
    codes: list[CodeRef]
    codings: dict[int, int] = Field(description="Codings per code id")
    pairs: list[PairOut]


@router.get("/cooccurrence", response={200: CooccurrenceOut, **ERRORS}, operation_id="analysis_cooccurrence",
            summary="Code co-occurrence")
def code_cooccurrence(request, code: list[int] = ONLY_CODES):
    """Pairs of codes with the number of pairs of their codings that overlap on the same source. Filter by
    attribute with parameters named after it."""
    user = request.auth
    dimensions = dimensions_for(user)
    codes, _children = code_tree(user)
    chosen = [codes[pk] for pk in _ids(code) if pk in codes]
    matrix = cooccurrence(user, filters=filters_from(request.GET, dimensions), codes=chosen or None)
    return {
        "definition": "Two codings co-occur when they are on the same source and share at least one character; "
                      "a pair of codes counts its pairs of overlapping codings. Codings of the same code never "
                      "pair.",
        "codes": [_code(c) for c in matrix.codes],
        "codings": matrix.totals,
        "pairs": [{"a": a, "b": b, "count": n} for (a, b), n in sorted(matrix.pairs.items())],
    }


class CellOut(Schema):
    value: str
    count: int
    segments_url: str = Field(description="The segments page for this code and value ('' when empty)")


class MatrixRowOut(Schema):
    code: CodeRef
    total: int
    cells: list[CellOut]


class MatrixOut(Schema):
    attribute: str
    measure: str
    values: list[ValueOut]
    rows: list[MatrixRowOut]


@router.get("/matrix", response={200: MatrixOut, **ERRORS}, operation_id="analysis_matrix",
            summary="Codes × attribute")
def code_attribute_matrix(
    request,
    by: str = Query("partnership", description="The attribute in columns"),
    measure: str = Query("segments", description="segments, sources or participants"),
):
    """Codes in rows, the values of an attribute in columns; each cell links to its segments. Filter by attribute
    with parameters named after it."""
    user = request.auth
    dimensions = dimensions_for(user)
    dimension = get_dimension(dimensions, by)
    if dimension is None:
        return Status(400, {"detail": f"Unknown attribute {by!r}."})
    if measure not in MEASURES:
        return Status(400, {"detail": "measure: choose segments, sources or participants."})
    table, rows = attribute_matrix(user, dimension, measure=measure, filters=filters_from(request.GET, dimensions))
    return {
        "attribute": dimension.key,
        "measure": measure,
        "values": [{"value": v, "label": table.labels[v]} for v in table.values],
        "rows": [{"code": _code(row.code), "total": row.total.get(measure),
                  "cells": [{"value": c.value, "count": c.count, "segments_url": c.url} for c in cells]}
                 for row, cells in rows],
    }
