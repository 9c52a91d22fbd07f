"""Who trains a classifier and who sees and decides suggestions.

A partnership's classifier is trained and used by its team (mentors and researchers: those who code its
sources); the programme's classifier, trained on what the partnerships share with the programme, by its
coordinators. Suggestions are read and decided only by those who may code the source, and only on sources
whose participants all allow analysis.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from ovoz.accounts.roles import Role
from ovoz.analysis.access import analysable_sources_visible_to
from ovoz.analysis.models import ClassifierRun, Suggestion
from ovoz.programmes.access import coordinated_programme_ids, is_coordinator_of, memberships_of, partnership_role


def coding_partnership_ids(user) -> set[int]:
    return {m.partnership_id for m in memberships_of(user)
            if m.partnership_id and Role(m.role).can_edit_evidence()}


def can_train(user, programme, partnership=None) -> bool:
    if partnership is None:
        return is_coordinator_of(user, programme.pk)
    if partnership.programme_id != programme.pk:
        return False
    role = partnership_role(user, partnership)
    return role is not None and role.can_edit_evidence()


def classifier_runs_visible_to(user) -> QuerySet[ClassifierRun]:
    """Measures and models of the partnerships one codes for, and the programme's for its coordinators."""
    qs = ClassifierRun.objects.select_related("trained_by", "partnership__organisation", "programme")
    if getattr(user, "is_superuser", False):
        return qs
    return qs.filter(
        Q(partnership_id__in=coding_partnership_ids(user))
        | Q(partnership__isnull=True, programme_id__in=coordinated_programme_ids(user))
    )


def suggestions_visible_to(user) -> QuerySet[Suggestion]:
    sources = analysable_sources_visible_to(user).filter(
        partnership_id__in=coding_partnership_ids(user)).order_by().values("pk")
    return Suggestion.objects.select_related("code", "source__partnership").filter(source_id__in=sources)


def get_suggestion_for_user(user, pk) -> Suggestion:
    """Everyone who sees a suggestion may decide it (they code the source); 404 otherwise."""
    try:
        return suggestions_visible_to(user).get(pk=pk)
    except (Suggestion.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
