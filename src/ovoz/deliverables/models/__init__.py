"""Deliverables app models: the programme timeline, deliverable templates and deliverables with their
versions and reviews, reminders already sent, and the per-person calendar feed token."""

from ovoz.deliverables.models.deliverables import (
    Deliverable,
    DeliverableKind,
    DeliverableReview,
    DeliverableState,
    DeliverableTemplate,
    DeliverableVersion,
    ReviewDecision,
    SubmissionMode,
)
from ovoz.deliverables.models.feeds import CalendarFeed
from ovoz.deliverables.models.reminders import Reminder
from ovoz.deliverables.models.timeline import TimelineItem

__all__ = [
    "CalendarFeed",
    "Deliverable",
    "DeliverableKind",
    "DeliverableReview",
    "DeliverableState",
    "DeliverableTemplate",
    "DeliverableVersion",
    "Reminder",
    "ReviewDecision",
    "SubmissionMode",
    "TimelineItem",
]
