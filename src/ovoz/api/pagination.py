"""Limit/offset pages for every list: ``?limit=`` (1–200, default 50) and ``?offset=`` (0 or more)."""

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class Page(LimitOffsetPagination):
    """Answers ``{"items": [...], "count": total}``; a limit above the maximum is a 400, not silently cut."""

    class Input(Schema):
        limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT} items")
        offset: int = Field(0, ge=0, description="How many items to skip")

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
