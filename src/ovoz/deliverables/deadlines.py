"""Reading deadlines: what is overdue, what is due soon. Used by the pages, the API, the calendar feed,
``ovoz deadlines`` and ``ovoz remind``, so "overdue" means the same everywhere."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from ovoz.deliverables.models import Deliverable
from ovoz.deliverables.models.deliverables import OPEN_STATES


def today() -> datetime.date:
    """Today where the programme runs (``OVOZ_TIME_ZONE``)."""
    return timezone.localdate()


def overdue_q(on: datetime.date) -> Q:
    """Late on ``on``: the due date is before it and the deliverable is neither submitted nor accepted."""
    return Q(due_on__lt=on, state__in=OPEN_STATES)


def open_q() -> Q:
    return Q(state__in=OPEN_STATES)


def due_within_q(on: datetime.date, days: int) -> Q:
    """Still open and due between ``on`` and ``days`` days later (both included)."""
    return open_q() & Q(due_on__gte=on, due_on__lte=on + datetime.timedelta(days=days))


@dataclass
class PartnershipDeadlines:
    partnership: object
    items: list[Deliverable] = field(default_factory=list)


def deadlines(qs: QuerySet[Deliverable], *, on: datetime.date, within: int | None, overdue_only: bool):
    """Deliverables overdue (and, unless ``overdue_only``, due within ``within`` days), per partnership."""
    wanted = overdue_q(on)
    if not overdue_only:
        wanted |= due_within_q(on, within if within is not None else 30)
    rows = (
        qs.filter(wanted)
        .select_related("template", "partnership__organisation", "partnership__programme")
        .order_by("partnership__programme_id", "partnership__country", "partnership__organisation__name",
                  "due_on", "template__title")
    )
    groups: dict[int, PartnershipDeadlines] = {}
    for d in rows:
        groups.setdefault(d.partnership_id, PartnershipDeadlines(d.partnership)).items.append(d)
    return list(groups.values())
