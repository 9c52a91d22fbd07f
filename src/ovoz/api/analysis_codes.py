"""The codebook in the JSON API: list, read, add, change, merge, retire and restore codes.

Mounted with ``api.add_router("/analysis/codes", "ovoz.api.analysis_codes.router")``. The same rules as the
codebook pages: a programme's coordinators and its partnerships' mentors and researchers read the codebook
(co-researchers, viewers and outsiders get 404); a partnership's codes are read by its team and the
coordinators; coordinators change programme codes, a partnership's team its own. ``usage`` counts only codings
on sources the caller may analyse.
"""

import datetime

from django.http import Http404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from ovoz.analysis.access import can_add_codes, get_code_for_user
from ovoz.analysis.services.codes import code_create, code_merge, code_restore, code_retire, code_update
from ovoz.analysis.views.codebook_common import programme_codes, programme_for_analysis, usage_counts
from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut
from ovoz.programmes.access import is_coordinator_of
from ovoz.programmes.models import Partnership

router = Router(tags=["analysis"])
ERRORS = {401: ErrorOut, 404: ErrorOut}


class CodeOut(Schema):
    id: int
    programme_id: int
    partnership_id: int | None = Field(description="null for the programme codebook")
    parent_id: int | None
    name: str = Field(description="In the language of the request, English when not translated")
    name_en: str
    name_ru: str
    name_ky: str
    name_uz: str
    name_tg: str
    definition: str
    inclusion: str
    exclusion: str
    example: str
    colour: str
    seed_key: str
    guid: str
    retired_at: datetime.datetime | None
    merged_into_id: int | None
    usage: int = Field(0, description="Codings on sources the caller may analyse")

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.name()

    @staticmethod
    def resolve_guid(obj) -> str:
        return str(obj.guid)

    @staticmethod
    def resolve_usage(obj) -> int:
        return getattr(obj, "usage", 0)


class CodeIn(Schema):
    programme_id: int
    partnership_id: int | None = Field(None, description="Omit for the programme codebook (coordinators)")
    parent_id: int | None = None
    name_en: str
    name_ru: str = ""
    name_ky: str = ""
    name_uz: str = ""
    name_tg: str = ""
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""
    colour: str = Field("#f4c542", pattern=r"^#[0-9a-fA-F]{6}$")


class CodePatch(Schema):
    name_en: str | None = None
    name_ru: str | None = None
    name_ky: str | None = None
    name_uz: str | None = None
    name_tg: str | None = None
    definition: str | None = None
    inclusion: str | None = None
    exclusion: str | None = None
    example: str | None = None
    colour: str | None = Field(None, pattern=r"^#[0-9a-fA-F]{6}$")


class MergeIn(Schema):
    into_id: int


class MergeOut(Schema):
    codings_moved: int = Field(description="All codings of the merged code, including any on sources the caller "
                                           "cannot see")
    into: CodeOut


def _with_usage(user, code):
    code.usage = usage_counts(user, [code.pk]).get(code.pk, 0)
    return code


def _code(user, code_id, *, write=False):
    code = get_code_for_user(user, code_id, write=write)
    programme_for_analysis(user, code.programme_id)
    return code


@router.get("", response={200: list[CodeOut], 400: ErrorOut, **ERRORS}, operation_id="analysis_codes",
            summary="A programme's codebook")
@paginate(Page)
def codes_list(request, programme_id: int = Query(..., description="The programme"),
               retired: bool = Query(True, description="Include retired (and merged) codes")):
    """The programme codebook and the partnership codes the caller may read, in codebook order."""
    user = request.auth
    programme = programme_for_analysis(user, programme_id)
    codes = list(programme_codes(user, programme, include_retired=retired))
    counts = usage_counts(user, [c.pk for c in codes])
    for code in codes:
        code.usage = counts.get(code.pk, 0)
    return codes


@router.get("/{int:code_id}", response={200: CodeOut, **ERRORS}, operation_id="analysis_code", summary="One code")
def code_detail(request, code_id: int):
    return _with_usage(request.auth, _code(request.auth, code_id))


@router.post("", response={201: CodeOut, 400: ErrorOut, **ERRORS}, operation_id="analysis_code_create",
             summary="Add a code")
def code_add(request, payload: CodeIn):
    """Coordinators add to the programme codebook or any partnership's; a partnership's mentor and researchers
    to their partnership's."""
    user = request.auth
    programme = programme_for_analysis(user, payload.programme_id)
    partnership = None
    if payload.partnership_id is not None:
        partnership = Partnership.objects.filter(programme=programme, pk=payload.partnership_id).first()
        if partnership is None:
            raise Http404
    if not can_add_codes(user, programme, partnership) or (partnership is None and not
                                                            is_coordinator_of(user, programme.pk)):
        raise Http404
    parent = _code(user, payload.parent_id) if payload.parent_id is not None else None
    values = payload.dict(exclude={"programme_id", "partnership_id", "parent_id"})
    values["colour"] = values["colour"].lower()
    code = code_create(actor=user, programme=programme, partnership=partnership, parent=parent, **values)
    return Status(201, _with_usage(user, code))


@router.patch("/{int:code_id}", response={200: CodeOut, 400: ErrorOut, **ERRORS},
              operation_id="analysis_code_update", summary="Change a code's names, criteria or colour")
def code_change(request, code_id: int, payload: CodePatch):
    user = request.auth
    code = _code(user, code_id, write=True)
    values = {k: v for k, v in payload.dict().items() if v is not None}
    if "name_en" in values and not values["name_en"].strip():
        return Status(400, {"detail": "A code needs an English name."})
    if values:
        code_update(actor=user, code=code, **values)
    return _with_usage(user, _code(user, code_id))


@router.post("/{int:code_id}/merge", response={200: MergeOut, 400: ErrorOut, **ERRORS},
             operation_id="analysis_code_merge", summary="Merge a code into another")
def code_merge_into(request, code_id: int, payload: MergeIn):
    """Its codings and sub-codes move to the target; the code is kept, retired, pointing to the target."""
    user = request.auth
    code = _code(user, code_id, write=True)
    into = _code(user, payload.into_id)
    moved = code_merge(actor=user, code=code, into=into)
    return {"codings_moved": moved, "into": _with_usage(user, _code(user, into.pk))}


@router.post("/{int:code_id}/retire", response={200: CodeOut, **ERRORS}, operation_id="analysis_code_retire",
             summary="Retire a code (its codings stay)")
def code_retire_one(request, code_id: int):
    user = request.auth
    code_retire(actor=user, code=_code(user, code_id, write=True))
    return _with_usage(user, _code(user, code_id))


@router.post("/{int:code_id}/restore", response={200: CodeOut, 400: ErrorOut, **ERRORS},
             operation_id="analysis_code_restore", summary="Offer a retired code again")
def code_restore_one(request, code_id: int):
    user = request.auth
    code_restore(actor=user, code=_code(user, code_id, write=True))
    return _with_usage(user, _code(user, code_id))
