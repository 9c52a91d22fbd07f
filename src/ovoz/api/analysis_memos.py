"""Memos in the JSON API: list, read, write, change and delete.

Mounted with ``api.add_router("/analysis/memos", "ovoz.api.analysis_memos.router")``. Memos are read through
``memos_visible_to`` (memos on evidence follow the evidence) by the programme's coordinators and its
partnerships' mentors and researchers; co-researchers read session memos only through ``/analysis/sessions``.
A memo is written on what the caller may see, and changed or deleted only by its author.
"""

import datetime

from django.db.models import Q
from django.http import Http404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from ovoz.analysis import access
from ovoz.analysis.services.memos import memo_create, memo_delete, memo_update
from ovoz.analysis.views.codebook_common import programme_for_analysis
from ovoz.analysis.views.memos import memo_target
from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut

router = Router(tags=["analysis"])
ERRORS = {401: ErrorOut, 404: ErrorOut}
KINDS = ("project", "code", "coding", "source", "session")


class MemoOut(Schema):
    id: int
    programme_id: int
    partnership_id: int | None = Field(description="null for a programme memo")
    target: str = Field(description="project, code, coding, source or session")
    code_id: int | None
    coding_id: int | None
    source_id: int | None
    session_id: int | None
    excerpt_id: int | None = Field(description="In a session, the excerpt the group was reading")
    title: str
    text: str
    author_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_target(obj) -> str:
        return obj.target_kind


class MemoIn(Schema):
    """Name one target: code_id, coding_id, source_id or session_id; or, for a project memo, partnership_id (a
    partnership's) or programme_id alone (the programme's, coordinators). With code_id on a programme code,
    partnership_id says whose memo it is (by default the caller's partnership)."""

    programme_id: int | None = None
    partnership_id: int | None = None
    code_id: int | None = None
    coding_id: int | None = None
    source_id: int | None = None
    session_id: int | None = None
    title: str = ""
    text: str


class MemoPatch(Schema):
    title: str | None = None
    text: str | None = None


def _memo(user, memo_id, *, write=False):
    memo = access.get_memo_for_user(user, memo_id, write=write)
    programme_for_analysis(user, memo.programme_id)
    return memo


@router.get("", response={200: list[MemoOut], 400: ErrorOut, **ERRORS}, operation_id="analysis_memos",
            summary="A programme's memos the caller may read")
@paginate(Page)
def memos_list(request, programme_id: int = Query(...), target: str | None = Query(None, description=", ".join(KINDS)),
               author_id: int | None = None, partnership_id: int | None = Query(None, description="0: programme"),
               q: str | None = Query(None, description="Words in the title or text")):
    user = request.auth
    programme = programme_for_analysis(user, programme_id)
    memos = access.memos_visible_to(user).filter(programme=programme)
    if target == "project":
        memos = memos.filter(code__isnull=True, coding__isnull=True, source__isnull=True, session__isnull=True)
    elif target in KINDS:
        memos = memos.filter(**{f"{target}__isnull": False})
    if author_id is not None:
        memos = memos.filter(author_id=author_id)
    if partnership_id is not None:
        memos = memos.filter(partnership__isnull=True) if partnership_id == 0 else memos.filter(
            partnership_id=partnership_id)
    if q:
        memos = memos.filter(Q(title__icontains=q) | Q(text__icontains=q))
    return memos.defer("source__transcript", "source__translation_en", "source__notes").order_by("-updated_at", "-pk")


@router.get("/{int:memo_id}", response={200: MemoOut, **ERRORS}, operation_id="analysis_memo", summary="One memo")
def memo_detail(request, memo_id: int):
    return _memo(request.auth, memo_id)


@router.post("", response={201: MemoOut, 400: ErrorOut, **ERRORS}, operation_id="analysis_memo_create",
             summary="Write a memo")
def memo_add(request, payload: MemoIn):
    user = request.auth
    params = {k: getattr(payload, f"{k}_id") for k in ("coding", "code", "source", "session", "partnership",
                                                       "programme") if getattr(payload, f"{k}_id") is not None}
    target = memo_target(user, {k: str(v) for k, v in params.items()})
    programme_for_analysis(user, target["programme"].pk)
    if not access.can_write_memo(user, programme=target["programme"], partnership=target["partnership"]):
        raise Http404
    extra = {"partnership": target["partnership"]}
    if target["kind"] != "project":
        extra[target["kind"]] = target["obj"]
    memo = memo_create(actor=user, programme=target["programme"], text=payload.text, title=payload.title, **extra)
    return Status(201, memo)


@router.patch("/{int:memo_id}", response={200: MemoOut, 400: ErrorOut, **ERRORS},
              operation_id="analysis_memo_update", summary="Change one's memo")
def memo_change(request, memo_id: int, payload: MemoPatch):
    user = request.auth
    memo = _memo(user, memo_id, write=True)
    return memo_update(actor=user, memo=memo, text=payload.text if payload.text is not None else memo.text,
                       title=payload.title)


@router.delete("/{int:memo_id}", response={204: None, **ERRORS}, operation_id="analysis_memo_delete",
               summary="Delete one's memo")
def memo_remove(request, memo_id: int):
    user = request.auth
    memo_delete(actor=user, memo=_memo(user, memo_id, write=True))
    return Status(204, None)
