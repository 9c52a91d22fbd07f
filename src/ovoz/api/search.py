"""API endpoints for search (mounted at /api/v1/search/): the same search, access rules and consent as the page."""

import datetime
from typing import Literal

from ninja import Field, Query, Router, Schema, Status

from ovoz.api.pagination import DEFAULT_LIMIT, MAX_LIMIT
from ovoz.api.schemas import ErrorOut
from ovoz.search.engine import RANK_LIMIT, Filters, offset_search
from ovoz.search.query import MAX_QUERY_LENGTH, parse

router = Router(tags=["search"])


class SnippetOut(Schema):
    field: str = Field(description="Which text matched: transcript, translation_en, notes, outcomes, "
                                   "stakeholders_present, extracted_text or narrative")
    html: str = Field(description="A passage around the first match, HTML-escaped, matches in <mark>")
    start: int = Field(description="Where the passage starts in the field's text (characters)")
    end: int = Field(description="Where it ends")
    matches: list[list[int]] = Field(description="[start, end] of each match in the passage, as offsets in the "
                                                 "field's text (stable offsets, as codings use)")


class HitOut(Schema):
    object_type: str = Field(description="source, attachment or incident")
    object_id: int
    kind: str = Field(description="The source's kind (interview, consultation…), attachment or incident")
    title: str
    title_html: str = Field(description="The title, HTML-escaped, matches in <mark>")
    partnership_id: int
    source_id: int | None = Field(description="For an attachment: the source it belongs to")
    date: datetime.date | None
    language: str
    snippet: SnippetOut | None


class SearchOut(Schema):
    items: list[HitOut]
    count: int = Field(description="How many objects match in all")
    order: str = Field(description="How the items are ordered: relevance (best first) or newest (first)")


def _hit(hit) -> dict:
    s = hit.snippet
    return {
        "object_type": hit.object_type, "object_id": hit.object_id, "kind": hit.kind,
        "title": str(hit.obj.original_name if hit.object_type == "attachment" else hit.obj.title),
        "title_html": str(hit.title), "partnership_id": hit.partnership.pk,
        "source_id": hit.obj.source_id if hit.object_type == "attachment" else None,
        "date": hit.date, "language": hit.language or "",
        "snippet": {"field": s.field, "html": str(s.html), "start": s.start, "end": s.end,
                    "matches": [list(m) for m in s.matches]} if s else None,
    }


class SearchIn(Schema):
    q: str = Field(..., max_length=MAX_QUERY_LENGTH,
                   description='Words (all must occur), "a phrase", a prefix* or -a word left out. Any script finds '
                               'any script: "иш ҳақи" finds "ish haqi".')
    partnership: int | None = Field(None, description="Only this partnership's material")
    country: str | None = Field(None, description="ISO code, e.g. KG")
    migrant_status: list[int] = Field(default_factory=list,
                                      description="Term ids (vocabulary migrant_status); repeatable")
    violation_type: list[int] = Field(default_factory=list,
                                      description="Term ids (vocabulary violation), narrower types included")
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    language: str | None = Field(None, description="ru, ky, uz, tg, kk or en")
    kind: str | None = Field(None, description="interview, consultation, focus_group, survey, document, "
                                               "observation, attachment or incident")
    order: Literal["auto", "relevance", "newest"] = Field(
        "auto", description=f"auto: best first, or newest first past {RANK_LIMIT} matches (ranking them all "
                            "is slow); relevance; newest")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT} hits")
    offset: int = Field(0, ge=0, description="How many hits to skip")


@router.get(
    "/",
    response={200: SearchOut, 400: ErrorOut, 401: ErrorOut},
    operation_id="search",
    summary="Search the evidence",
)
def search_evidence(request, params: Query[SearchIn]):
    """Sources, attached files and documented violations whose text matches, best first.

    A partnership's mentor and researchers search its evidence; the programme's coordinators what the
    partnerships share with them. Material of participants who do not (or no longer) allow its use in
    analysis is never found. Anyone else gets an empty list.
    """
    query = parse(params.q)
    if not query:
        return Status(400, {"detail": "q: type at least one word with letters or digits."})
    if params.date_from and params.date_to and params.date_from > params.date_to:
        return Status(400, {"detail": "date_to: the end of the period is before its start."})
    filters = Filters(
        partnership=params.partnership, country=params.country or "", migrant_status=params.migrant_status,
        violation_type=params.violation_type, date_from=params.date_from, date_to=params.date_to,
        language=params.language or "", kind=params.kind or "",
    )
    hits, total, order = offset_search(request.auth, query, filters, limit=params.limit, offset=params.offset,
                                       order=params.order)
    return {"items": [_hit(h) for h in hits], "count": total, "order": order}
