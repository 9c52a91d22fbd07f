"""Participatory sessions in the JSON API: what the team and the invited co-researchers may read (the session and
its anonymised excerpts, never a source, participant or attribute), and recording the group's reading.

Mounted with ``api.add_router("/analysis/sessions", "ovoz.api.analysis_sessions.router")``. Sessions are read
through ``sessions_visible_to``: the partnership's team at any time, invited co-researchers once open,
coordinators never. Excerpts whose source no longer allows analysis are left out, with the memos on them.
"""

import datetime

from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from ovoz.analysis.access import get_session_for_user, sessions_visible_to
from ovoz.analysis.services.sessions import session_excerpts, session_memo_create, session_memos
from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut

router = Router(tags=["analysis"])
ERRORS = {401: ErrorOut, 404: ErrorOut}


class SessionOut(Schema):
    id: int
    partnership_id: int
    title: str
    date: datetime.date | None
    place: str
    status: str = Field(description="preparing, open or closed")


class ExcerptOut(Schema):
    id: int
    order: int
    text: str = Field(description="The anonymised copy the group reads")


class SessionMemoOut(Schema):
    id: int
    excerpt_id: int | None
    title: str
    text: str
    author_id: int | None
    created_at: datetime.datetime


class SessionDetailOut(SessionOut):
    excerpts: list[ExcerptOut]
    memos: list[SessionMemoOut]

    @staticmethod
    def resolve_excerpts(obj) -> list:
        return list(session_excerpts(obj).only("pk", "order", "text"))

    @staticmethod
    def resolve_memos(obj) -> list:
        return list(session_memos(obj))


class SessionMemoIn(Schema):
    text: str
    title: str = ""
    excerpt_id: int | None = Field(None, description="The excerpt the reading is about; omit for the session")


@router.get("", response={200: list[SessionOut], 400: ErrorOut, **ERRORS}, operation_id="analysis_sessions",
            summary="Sessions the caller runs or is invited to")
@paginate(Page)
def sessions_list(request):
    return sessions_visible_to(request.auth).order_by("-date", "-created_at", "-pk")


@router.get("/{int:session_id}", response={200: SessionDetailOut, **ERRORS}, operation_id="analysis_session",
            summary="A session with its excerpts and memos")
def session_detail(request, session_id: int):
    return get_session_for_user(request.auth, session_id)


@router.post("/{int:session_id}/memos", response={201: SessionMemoOut, 400: ErrorOut, **ERRORS},
             operation_id="analysis_session_memo", summary="Record the group's reading")
def session_memo_add(request, session_id: int, payload: SessionMemoIn):
    """While the session is open, by its team or an invited co-researcher."""
    user = request.auth
    session = get_session_for_user(user, session_id)
    excerpt = None
    if payload.excerpt_id is not None:
        excerpt = session_excerpts(session).filter(pk=payload.excerpt_id).first()
        if excerpt is None:
            return Status(400, {"detail": "This excerpt is not in the session."})
    memo = session_memo_create(actor=user, session=session, text=payload.text, title=payload.title, excerpt=excerpt)
    return Status(201, memo)
