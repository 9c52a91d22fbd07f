"""Codings in the JSON API: list a source's codings, apply codes, change and remove a coding.

Mounted with ``api.add_router("/analysis/codings", "ovoz.api.analysis_codings.router")``. Offsets are answered
in Unicode code points (Python string indices) with the coded text, so a client can check it coded the words it
meant; on the way in they may be code points, UTF-16 code units (a browser's count) or UTF-8 bytes (Taguette's),
named in ``units``. The same access rules as the pages: only sources whose participants all allow analysis,
codings of a double-coding round only for their own coder while it runs, and 404 for anything else.
"""

import datetime
from typing import Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from ovoz.analysis.access import (
    codes_usable_on,
    codes_usable_on_by_pk,
    codings_visible_to,
    get_analysable_source_for_user,
    get_coding_for_user,
    get_double_coding_for_user,
)
from ovoz.analysis.coding_spans import FastOffsetMap, span_in_codepoints
from ovoz.analysis.services.codings import coding_change, coding_create, coding_delete
from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut

router = Router(tags=["analysis"])
ERRORS = {401: ErrorOut, 404: ErrorOut}
Units = Literal["codepoint", "utf16", "utf8"]
UNITS_HELP = "How start and end count: codepoint (default), utf16 (browsers) or utf8 (bytes, as Taguette)"


class CodingOut(Schema):
    id: int
    source_id: int
    code_id: int
    code: str = Field(description="The code's name in the language of the request")
    start: int = Field(description="Unicode code point offset into the transcript")
    end: int = Field(description="Code point offset, not included")
    text: str = Field(description="The coded words")
    coder: str | None = Field(description="Username of the coder")
    created_at: datetime.datetime
    double_coding_id: int | None = Field(description="The double-coding round it belongs to, if any")

    @staticmethod
    def resolve_code(obj) -> str:
        return obj.code.name()

    @staticmethod
    def resolve_text(obj) -> str:
        return obj.source.transcript[obj.start:obj.end]

    @staticmethod
    def resolve_coder(obj) -> str | None:
        return obj.coder.username if obj.coder else None


class CodingIn(Schema):
    codes: list[int] = Field(min_length=1, description="Ids of the codes to apply")
    start: int = Field(ge=0)
    end: int = Field(ge=1)
    units: Units = Field("codepoint", description=UNITS_HELP)
    double_coding_id: int | None = Field(None, description="Code inside this double-coding round (its coders only)")


class CodingChangeIn(Schema):
    code_id: int | None = None
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=1)
    units: Units = Field("codepoint", description=UNITS_HELP)


def _with_source(qs):
    return qs.select_related("code", "coder", "source")


@router.get(
    "/sources/{int:source_id}",
    response={200: list[CodingOut], 400: ErrorOut, **ERRORS},
    operation_id="analysis_codings",
    summary="List a source's codings",
)
@paginate(Page)
def coding_list(
    request,
    source_id: int,
    code_id: int | None = Query(None, description="Only codings with this code"),
    coder: str | None = Query(None, description="Only codings by this username"),
    double_coding_id: int | None = Query(None, description="Her own codings in this double-coding round"),
):
    """The codings she may see on a source she may analyse, in reading order."""
    user = request.auth
    source = get_analysable_source_for_user(user, source_id)
    if double_coding_id is None:
        qs = codings_visible_to(user).filter(source=source)
    else:
        qs = codings_visible_to(user, include_rounds=True).filter(source=source, double_coding_id=double_coding_id)
    if code_id is not None:
        qs = qs.filter(code_id=code_id)
    if coder:
        qs = qs.filter(coder__username=coder)
    return _with_source(qs).order_by("start", "end", "pk")


@router.post(
    "/sources/{int:source_id}",
    response={201: list[CodingOut], 400: ErrorOut, **ERRORS},
    operation_id="analysis_coding_create",
    summary="Apply codes to a stretch",
)
def coding_create_api(request, source_id: int, payload: CodingIn):
    """Apply one or more codes to ``start``–``end`` (end not included). The partnership's team only. Answers the
    new codings; a code already on exactly that stretch is not applied twice (and not answered)."""
    user = request.auth
    source = get_analysable_source_for_user(user, source_id, write=True)
    ids = set(payload.codes)
    codes = codes_usable_on_by_pk(user, source, ids)
    if len(codes) != len(ids):
        unknown = sorted(ids - {c.pk for c in codes})
        return Status(400, {"detail": f"These codes cannot be applied to this source: {unknown}."})
    round_ = None
    if payload.double_coding_id is not None:
        round_ = get_double_coding_for_user(user, payload.double_coding_id)
        if round_.source_id != source.pk or not round_.is_coder(user):
            raise Http404
    start, end = span_in_codepoints(source.transcript or "", payload.start, payload.end, payload.units)
    made = coding_create(actor=user, source=source, codes=codes, start=start, end=end, double_coding=round_)
    return Status(201, list(_with_source(codings_visible_to(user, include_rounds=True).filter(
        pk__in=[m.pk for m in made])).order_by("pk")))


@router.get(
    "/{int:coding_id}",
    response={200: CodingOut, **ERRORS},
    operation_id="analysis_coding",
    summary="One coding",
)
def coding_detail(request, coding_id: int):
    coding = get_coding_for_user(request.auth, coding_id)
    return _with_source(codings_visible_to(request.auth, include_rounds=True)).get(pk=coding.pk)


@router.patch(
    "/{int:coding_id}",
    response={200: CodingOut, 400: ErrorOut, **ERRORS},
    operation_id="analysis_coding_change",
    summary="Change a coding's code or stretch",
)
def coding_change_api(request, coding_id: int, payload: CodingChangeIn):
    user = request.auth
    coding = get_coding_for_user(user, coding_id, write=True)
    source = coding.source
    code = None
    if payload.code_id is not None:
        code = codes_usable_on(user, source).filter(pk=payload.code_id).first()
        if code is None:
            return Status(400, {"detail": f"The code {payload.code_id} cannot be applied to this source."})
    start = end = None
    if payload.start is not None or payload.end is not None:
        text = source.transcript or ""
        start, end = span_in_codepoints(
            text,
            payload.start if payload.start is not None else _in_units(text, coding.start, payload.units),
            payload.end if payload.end is not None else _in_units(text, coding.end, payload.units),
            payload.units,
        )
    try:
        coding_change(actor=user, coding=coding, code=code, start=start, end=end)
    except DjangoValidationError as exc:
        return Status(400, {"detail": " ".join(exc.messages)})
    return _with_source(codings_visible_to(user, include_rounds=True)).get(pk=coding.pk)


def _in_units(text: str, cp: int, units: str) -> int:
    """A stored offset in the units the client speaks, for changing only one end of a stretch."""
    if units == "utf16":
        return FastOffsetMap(text).utf16_from_codepoint(cp)
    if units == "utf8":
        return FastOffsetMap(text).utf8_from_codepoint(cp)
    return cp


@router.delete(
    "/{int:coding_id}",
    response={204: None, 400: ErrorOut, **ERRORS},
    operation_id="analysis_coding_delete",
    summary="Remove a coding",
)
def coding_delete_api(request, coding_id: int):
    coding = get_coding_for_user(request.auth, coding_id, write=True)
    coding_delete(actor=request.auth, coding=coding)
    return Status(204, None)
