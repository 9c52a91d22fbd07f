"""Writes of the search app: rebuilding the index. (Keeping it in step is ``index.index_object``, which the
evidence services call.)"""

from django.db import transaction

from ovoz.audit.services import audit_write
from ovoz.search.index import reindex_all


@transaction.atomic
def index_rebuild(*, actor, partnerships=None, progress=None) -> int:
    """Rebuild the search index (of some partnerships, or all of it); returns how many objects it holds."""
    ids = None if partnerships is None else [p.pk for p in partnerships]
    count = reindex_all(partnership_ids=ids, progress=progress)
    for partnership in partnerships or [None]:
        audit_write(actor=actor, action="search.reindex", partnership=partnership,
                    changes={"objects": {"old": None, "new": count}})
    return count
