"""The ranking of a call's applications by their weighted review score.

Only submitted reviews count. For each criterion the scores of the reviewers are averaged; the
weighted score is the average of those criterion averages, each counted ``weight`` times, so it
stays on the 0–5 scale of the scores:  Σ(weight × average) ÷ Σ(weight), over the criteria scored.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch

from ovoz.calls.models import Application, Call, Review

TWO_PLACES = Decimal("0.01")


@dataclass
class CriterionAverage:
    criterion: object
    average: Decimal | None  # None: nobody has scored it yet
    n: int


@dataclass
class RankedApplication:
    application: Application
    averages: list[CriterionAverage]
    weighted: Decimal | None
    n_reviews: int
    comments: list[tuple[str, str]] = field(default_factory=list)  # (reviewer, text)
    rank: int | None = None


def _round(value: Decimal) -> Decimal:
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def score_application(application: Application, criteria: list, reviews: list[Review]) -> RankedApplication:
    sums = {c.pk: Decimal(0) for c in criteria}
    counts = dict.fromkeys(sums, 0)
    comments = []
    for review in reviews:
        who = review.reviewer.display_name
        for score in review.scores.all():
            if score.criterion_id in sums:
                sums[score.criterion_id] += score.value
                counts[score.criterion_id] += 1
                if score.comment.strip():
                    comments.append((who, f"{score.criterion.name}: {score.comment.strip()}"))
        if review.comment.strip():
            comments.append((who, review.comment.strip()))
    averages = []
    weighted_sum, weights = Decimal(0), 0
    for c in criteria:
        n = counts[c.pk]
        average = sums[c.pk] / n if n else None
        averages.append(CriterionAverage(c, _round(average) if average is not None else None, n))
        if average is not None:
            weighted_sum += average * c.weight
            weights += c.weight
    weighted = _round(weighted_sum / weights) if weights else None
    return RankedApplication(application, averages, weighted, len(reviews), comments)


SORTS = {"score", "reviews", "organisation", "country"}


def rank(call: Call, *, eligible_only: bool = False, sort: str = "score", criterion_id: int | None = None):
    """Every application of the call (or only the eligible ones), ranked; a fixed number of queries."""
    criteria = list(call.criteria.all())
    submitted = Review.objects.filter(submitted_at__isnull=False).select_related("reviewer").prefetch_related(
        "scores__criterion"
    )
    apps = call.applications.prefetch_related(Prefetch("reviews", queryset=submitted, to_attr="submitted_reviews"))
    if eligible_only:
        apps = apps.filter(eligible=True)
    rows = [score_application(a, criteria, a.submitted_reviews) for a in apps]
    # The rank is by weighted score among the eligible, scored applications, whatever the display order;
    # equal scores share a rank (1, 1, 3).
    by_score = sorted((r for r in rows if r.application.eligible and r.weighted is not None), key=lambda r: -r.weighted)
    for i, r in enumerate(by_score, start=1):
        r.rank = by_score[i - 2].rank if i > 1 and by_score[i - 2].weighted == r.weighted else i
    return sort_rows(rows, sort=sort, criterion_id=criterion_id), criteria


def sort_rows(rows: list[RankedApplication], *, sort: str = "score", criterion_id: int | None = None):
    low = Decimal(-1)
    if criterion_id is not None:
        def key(r):
            avg = next((a.average for a in r.averages if a.criterion.pk == criterion_id), None)
            return (-(avg if avg is not None else low), r.application.organisation_name.casefold())
    elif sort == "reviews":
        def key(r):
            return (-r.n_reviews, r.application.organisation_name.casefold())
    elif sort == "organisation":
        def key(r):
            return r.application.organisation_name.casefold()
    elif sort == "country":
        def key(r):
            return (r.application.get_country_display(), r.application.organisation_name.casefold())
    else:
        def key(r):
            return (
                r.rank is None,
                r.rank or 0,
                not r.application.eligible,
                r.application.organisation_name.casefold(),
            )
    return sorted(rows, key=key)
