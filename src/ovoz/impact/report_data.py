"""What the programme's reflection report gathers, and which outcomes have evidence of change.

The report is a programme document, made by its coordinators, so its content is the same whoever makes it
(on the page or with ``ovoz reflection-report``): the stories the partnerships shared with the programme whose
tellers allow both sharing with coordinators and anonymous quotes in publications (a participant who withdrew
allows neither); every outcome, selection and reflection of the programme. Storytellers appear by pseudonym
code, never by name.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from ovoz.evidence.models import ConsentScope
from ovoz.impact.access import with_scope
from ovoz.impact.models import ChangeLevel, ChangeStory, Outcome, Reflection, Selection, SelectionRound


def report_stories(programme):
    """Stories the programme's report may quote (see the module's description)."""
    qs = ChangeStory.objects.select_related("partnership__organisation", "storyteller", "storyteller_user").filter(
        partnership__programme=programme, shared_with_programme=True
    ).exclude(storyteller__consent_coordinators=False)
    return with_scope(qs, ConsentScope.QUOTES).order_by("partnership__organisation__name", "-collected_on", "pk")


@dataclass
class Concern:
    """One Theory of Change outcome or recommendation, with the outcomes that show change towards it."""

    name: str
    outcomes: list = field(default_factory=list)
    n_stories: int = 0
    kind: str = ""  # "toc" (a Theory of Change outcome), "recommendation", or "" (named in words only)
    levels: set = field(default_factory=set)


def concern_choices(programme, partnership=None) -> dict:
    """What an outcome of ``partnership`` (or of the programme) may concern: ToC outcomes and recommendations."""
    from ovoz.advocacy.models import ChangeNode
    from ovoz.mechanisms.models import Recommendation

    nodes = ChangeNode.objects.select_related("toc").filter(kind="outcome", toc__programme=programme)
    if partnership is not None:
        nodes = nodes.filter(Q(toc__partnership__isnull=True) | Q(toc__partnership=partnership))
    return {"toc_outcomes": nodes.order_by("toc_id", "position", "pk"),
            "recommendations": Recommendation.objects.filter(programme=programme).order_by("addressee", "pk")}


def evidence_of_change(programme, stories=None) -> list[Concern]:
    """Every Theory of Change outcome of the programme (with or without evidence yet), every recommendation an
    outcome concerns, and outcomes named only in words, each with its outcomes and quotable stories."""
    from ovoz.advocacy.models import ChangeNode

    stories = stories if stories is not None else report_stories(programme)
    story_ids = set(stories.values_list("pk", flat=True))
    outcomes = list(
        Outcome.objects.filter(programme=programme)
        .select_related("partnership__organisation")
        .prefetch_related(Prefetch("stories", queryset=ChangeStory.objects.only("pk")), "toc_outcomes",
                          "recommendations")
        .order_by("level", "pk")
    )
    concerns: dict[tuple, Concern] = {}
    for node in ChangeNode.objects.select_related("toc").filter(kind="outcome", toc__programme=programme).order_by(
            "toc_id", "position", "pk"):
        concerns[("toc", node.pk)] = Concern(name=f"{node.toc}: {node.text}", kind="toc")

    def add(key, concern_name, kind, outcome):
        concern = concerns.setdefault(key, Concern(name=concern_name, kind=kind))
        concern.outcomes.append(outcome)
        concern.n_stories += sum(1 for s in outcome.stories.all() if s.pk in story_ids)
        concern.levels.add(outcome.level)

    for outcome in outcomes:
        linked = False
        for node in outcome.toc_outcomes.all():
            add(("toc", node.pk), "", "toc", outcome)
            linked = True
        for recommendation in outcome.recommendations.all():
            add(("rec", recommendation.pk), f"{recommendation.addressee}: {recommendation.text[:120]}",
                "recommendation", outcome)
            linked = True
        if not linked:
            words = (outcome.concerns or "").strip()
            add(("words", words.casefold()), words, "", outcome)
    order = {"toc": 0, "recommendation": 1, "": 2}
    return sorted(concerns.values(), key=lambda c: (order[c.kind], c.name == "", c.name.casefold()))


@dataclass
class ReportData:
    programme: object
    stories_by_level: list
    counts: list  # rows: (partnership name, [n per level], total)
    rounds: list
    outcomes_by_level: list
    concerns: list
    reflections_by_kind: list


def gather(programme) -> ReportData:
    stories = report_stories(programme)
    story_list = list(stories)
    by_level = defaultdict(list)
    counts: dict[str, list[int]] = {}
    for story in story_list:
        by_level[story.level].append(story)
        row = counts.setdefault(story.partnership.organisation.name, [0] * len(ChangeLevel.values))
        row[ChangeLevel.values.index(story.level)] += 1
    quotable = {s.pk for s in story_list}
    rounds = list(
        SelectionRound.objects.filter(programme=programme)
        .filter(Q(partnership__isnull=True) | Q(partnership__programme=programme))
        .select_related("event", "partnership__organisation")
        .prefetch_related(Prefetch("selections", queryset=Selection.objects.select_related(
            "story__partnership__organisation", "story__storyteller", "story__storyteller_user"
        ).order_by("domain", "pk")))
        .order_by("held_on", "pk")
    )
    for r in rounds:
        r.report_selections = [s for s in r.selections.all() if s.story_id in quotable]
    outcomes = list(Outcome.objects.filter(programme=programme).select_related("partnership__organisation")
                    .order_by("level", "-happened_on", "pk"))
    outcomes_by_level = defaultdict(list)
    for o in outcomes:
        outcomes_by_level[o.level].append(o)
    reflections = list(
        Reflection.objects.filter(programme=programme).select_related("partnership__organisation", "event")
        .order_by("kind", "partnership__organisation__name", "pk")
    )
    by_kind = defaultdict(list)
    for r in reflections:
        by_kind[r.kind].append(r)
    return ReportData(
        programme=programme,
        stories_by_level=[(label, by_level[value]) for value, label in ChangeLevel.choices],
        counts=[(name, row, sum(row)) for name, row in sorted(counts.items())],
        rounds=[r for r in rounds if r.report_selections or r.partnership_id is None],
        outcomes_by_level=[(label, outcomes_by_level[value]) for value, label in ChangeLevel.choices
                           if outcomes_by_level[value]],
        concerns=evidence_of_change(programme, stories),
        reflections_by_kind=[(label, by_kind[value]) for value, label in Reflection.Kind.choices if by_kind[value]],
    )
