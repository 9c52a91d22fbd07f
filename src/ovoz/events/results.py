"""What an event's report reads: attendance by partnership and the evaluation's averages.

Evaluation results are aggregates only. Below ``MIN_RESPONSES_SHOWN`` answers nothing but the count is
given out, because an average of one or two answers would show what a person answered.
"""

from dataclasses import dataclass, field

from django.db.models import Avg, Count
from django.utils.translation import gettext_lazy as _

from ovoz.events.models import EvaluationScore, Event, Invitation

MIN_RESPONSES_SHOWN = 3
STATUSES = [s.value for s in Invitation.Status]


@dataclass(frozen=True)
class TopicResult:
    title: str
    responses: int = 0
    before: float | None = None
    after: float | None = None

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 2)


@dataclass
class EvaluationSummary:
    responses: int
    topics: list[TopicResult]
    comments: list[str]
    hidden: bool = False

    @property
    def min_responses(self) -> int:
        return MIN_RESPONSES_SHOWN


def evaluation_summary(event: Event) -> EvaluationSummary:
    """Average before and after per topic, the change, the number of answers and the unnamed comments."""
    responses = event.responses.count()
    topics = list(event.topics.all())
    if responses < MIN_RESPONSES_SHOWN:
        return EvaluationSummary(responses, [TopicResult(t.title) for t in topics], [], hidden=responses > 0)
    rows = (
        EvaluationScore.objects.filter(topic__event=event)
        .values("topic_id")
        .annotate(n=Count("pk"), before=Avg("before"), after=Avg("after"))
    )
    by_topic = {r["topic_id"]: r for r in rows}
    results = []
    for topic in topics:
        row = by_topic.get(topic.pk)
        if row is None:
            results.append(TopicResult(topic.title))
            continue
        results.append(TopicResult(topic.title, row["n"], float(row["before"]), float(row["after"])))
    # Sorted by their text, so their order says nothing about who wrote them or when.
    comments = sorted(
        (c for c in event.responses.values_list("comment", flat=True) if c and c.strip()), key=str.casefold
    )
    return EvaluationSummary(responses, results, comments)


@dataclass
class PartnershipAttendance:
    name: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    people: list[Invitation] = field(default_factory=list)

    @property
    def invited(self) -> int:
        return sum(self.counts.values())


def attendance_counts(event: Event) -> dict[str, int]:
    """How many people are invited in all, and in each status."""
    counts = dict.fromkeys(STATUSES, 0)
    for row in event.invitations.values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return {"invited_total": sum(counts.values()), **counts}


def attendance_by_partnership(event: Event) -> tuple[list[PartnershipAttendance], PartnershipAttendance]:
    """One row per partnership (people without a partnership any more together), and the totals."""
    groups: dict[int | None, PartnershipAttendance] = {}
    total = PartnershipAttendance(str(_("Total")))
    invitations = event.invitations.select_related("partnership__organisation", "user").order_by(
        "partnership__organisation__name", "role", "user__username"
    )
    for invitation in invitations:
        key = invitation.partnership_id
        if key not in groups:
            name = invitation.partnership.organisation.name if invitation.partnership else str(_("No partnership"))
            groups[key] = PartnershipAttendance(name)
        groups[key].counts[invitation.status] += 1
        groups[key].people.append(invitation)
        total.counts[invitation.status] += 1
    return list(groups.values()), total
