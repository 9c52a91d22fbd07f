"""Who sees and changes change stories, selection rounds, outcomes and reflections.

* Change stories are evidence: a partnership's mentor and researchers see its stories; the programme's
  coordinators see those the partnership shares and whose teller allows sharing with coordinators; nobody else
  (not co-researchers, not viewers). A query made for a purpose passes ``scope``: a participant who withdrew, or
  did not allow that purpose, drops out, and so does a story by anyone else who did not agree.
* Outcomes, reflections and selection rounds of a partnership: its team (co-researchers included, who take part
  in the participatory monitoring and evaluation) and the coordinators; those of the programme (no partnership):
  the coordinators and every partnership team of the programme. Viewers and outsiders see none.
* Missing and forbidden both answer 404.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from ovoz.accounts.roles import Role
from ovoz.evidence.access import with_consent
from ovoz.evidence.models import ConsentScope
from ovoz.impact.models import ChangeStory, Outcome, Reflection, Selection, SelectionRound
from ovoz.programmes.access import coordinated_programme_ids, is_coordinator_of, memberships_of, one_or_404


def _superuser(user) -> bool:
    return bool(getattr(user, "is_superuser", False))


def _evidence_team_ids(user) -> set[int]:
    return {
        m.partnership_id for m in memberships_of(user)
        if m.partnership_id and Role(m.role).can_see_partnership_evidence()
    }


def _team_ids(user) -> set[int]:
    """Partnerships she belongs to in any team role (co-researchers included)."""
    return {m.partnership_id for m in memberships_of(user) if m.partnership_id and Role(m.role).needs_partnership()}


def _team_programme_ids(user) -> set[int]:
    return {m.programme_id for m in memberships_of(user) if m.partnership_id and Role(m.role).needs_partnership()}


def can_edit_partnership(user, partnership) -> bool:
    """Mentor and researchers of the partnership, or its programme's coordinators."""
    if is_coordinator_of(user, partnership.programme_id):
        return True
    return partnership.pk in _evidence_team_ids(user)


def can_record_stories(user, partnership) -> bool:
    """Stories are collected by the research team (mentor, researchers), as other evidence is."""
    return partnership.pk in _evidence_team_ids(user)


# --- change stories ------------------------------------------------------------------------------------------


def stories_visible_to(user, *, scope: str | None = None) -> QuerySet[ChangeStory]:
    qs = ChangeStory.objects.select_related("partnership__organisation", "storyteller", "storyteller_user")
    if not _superuser(user):
        shared = (
            Q(partnership__programme_id__in=coordinated_programme_ids(user), shared_with_programme=True)
            & ~Q(storyteller__consent_coordinators=False)
            & (Q(storyteller_kind=ChangeStory.Storyteller.PARTICIPANT) | Q(storyteller_agrees=True))
        )
        qs = qs.filter(Q(partnership_id__in=_evidence_team_ids(user)) | shared)
    return with_scope(qs, scope)


def with_scope(qs: QuerySet[ChangeStory], scope: str | None) -> QuerySet[ChangeStory]:
    """Stories usable for ``scope``: a participant's consent decides; anyone else's recorded agreement."""
    if scope is None:
        return qs
    qs = with_consent(qs, scope, through="storyteller")
    if ConsentScope(scope) != ConsentScope.ANALYSIS:
        qs = qs.filter(Q(storyteller_kind=ChangeStory.Storyteller.PARTICIPANT) | Q(storyteller_agrees=True))
    return qs


def get_story_for_user(user, pk, *, write: bool = False) -> ChangeStory:
    story = one_or_404(stories_visible_to(user), pk)
    if write and not can_record_stories(user, story.partnership):
        raise Http404
    return story


# --- outcomes, reflections, rounds: programme-wide or one partnership's --------------------------------------------


def _programme_or_team(user) -> Q:
    coordinated = coordinated_programme_ids(user)
    return (
        Q(programme_id__in=coordinated)
        | Q(partnership_id__in=_team_ids(user))
        | Q(partnership__isnull=True, programme_id__in=_team_programme_ids(user))
    )


def can_write(user, obj) -> bool:
    if obj.partnership_id is None:
        return is_coordinator_of(user, obj.programme_id)
    return can_edit_partnership(user, obj.partnership)


def outcomes_visible_to(user) -> QuerySet[Outcome]:
    qs = Outcome.objects.select_related("programme", "partnership__organisation")
    return qs if _superuser(user) else qs.filter(_programme_or_team(user))


def get_outcome_for_user(user, pk, *, write: bool = False) -> Outcome:
    outcome = one_or_404(outcomes_visible_to(user), pk)
    if write and not can_write(user, outcome):
        raise Http404
    return outcome


def reflections_visible_to(user) -> QuerySet[Reflection]:
    qs = Reflection.objects.select_related("programme", "partnership__organisation", "event", "created_by")
    return qs if _superuser(user) else qs.filter(_programme_or_team(user))


def get_reflection_for_user(user, pk, *, write: bool = False) -> Reflection:
    reflection = one_or_404(reflections_visible_to(user), pk)
    if write and not can_write(user, reflection):
        raise Http404
    return reflection


def rounds_visible_to(user) -> QuerySet[SelectionRound]:
    qs = SelectionRound.objects.select_related("programme", "partnership__organisation", "event")
    return qs if _superuser(user) else qs.filter(_programme_or_team(user))


def get_round_for_user(user, pk, *, write: bool = False) -> SelectionRound:
    selection_round = one_or_404(rounds_visible_to(user), pk)
    if write and not can_write(user, selection_round):
        raise Http404
    return selection_round


def selections_visible_to(user, selection_round: SelectionRound) -> QuerySet[Selection]:
    """A round's choices, but only of stories she may see herself."""
    return (
        Selection.objects.filter(round=selection_round, story__in=stories_visible_to(user))
        .select_related("story__partnership__organisation", "story__storyteller", "story__storyteller_user")
        .order_by("domain", "pk")
    )


def get_selection_for_user(user, pk, *, write: bool = False) -> Selection:
    """One choice of a round she may change (write) or see; 404 otherwise."""
    selection = one_or_404(Selection.objects.select_related("round", "story").filter(
        round__in=rounds_visible_to(user), story__in=stories_visible_to(user)), pk)
    if write and not can_write(user, selection.round):
        raise Http404
    return selection


def candidate_stories(user, selection_round: SelectionRound) -> QuerySet[ChangeStory]:
    """Stories a round may choose from: the partnership's own, or those shared with a programme round."""
    qs = stories_visible_to(user, scope=ConsentScope.ANALYSIS).filter(
        partnership__programme_id=selection_round.programme_id
    )
    if selection_round.partnership_id:
        return qs.filter(partnership_id=selection_round.partnership_id)
    return qs.filter(shared_with_programme=True)


# --- programme pages --------------------------------------------------------------------------------------------


def can_see_programme_impact(user, programme_id: int) -> bool:
    if _superuser(user) or programme_id in coordinated_programme_ids(user):
        return True
    return programme_id in _team_programme_ids(user)


def can_make_report(user, programme_id: int) -> bool:
    return is_coordinator_of(user, programme_id)
