"""Whose evidence a person's search may reach: the same rules as ``ovoz.evidence.access``, written as SQL over
the index so that they apply inside the search query (counts and pages are right; nothing is filtered after).

* A partnership's mentor and researchers search all of its evidence whose participants allow analysis.
* A programme's coordinators search what its partnerships share with the programme, when every participant
  in it allows sharing with coordinators, and analysis.
* Nobody else finds anything (co-researchers, viewers, outsiders; a site administrator is no exception).

Consent is read from the participants at the moment of the search.
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from ovoz.accounts.roles import Role
from ovoz.evidence.models import ConsentScope, Participant
from ovoz.programmes.access import coordinated_programme_ids, memberships_of
from ovoz.programmes.models import Partnership
from ovoz.search.models import EntryParticipant

# What a search is for: finding material to analyse.
SEARCH_SCOPE = ConsentScope.ANALYSIS


@dataclass(frozen=True)
class SearchScope:
    team_partnership_ids: frozenset[int] = field(default_factory=frozenset)
    coordinated_programme_ids: frozenset[int] = field(default_factory=frozenset)

    def __bool__(self) -> bool:
        return bool(self.team_partnership_ids or self.coordinated_programme_ids)


def search_scope(user) -> SearchScope:
    team = {
        m.partnership_id for m in memberships_of(user)
        if m.partnership_id and Role(m.role).can_see_partnership_evidence()
    }
    return SearchScope(frozenset(team), frozenset(coordinated_programme_ids(user)))


def can_search(user) -> bool:
    return bool(search_scope(user))


def partnerships_searchable_by(user) -> QuerySet[Partnership]:
    scope = search_scope(user)
    return Partnership.objects.select_related("organisation", "programme").filter(
        Q(pk__in=scope.team_partnership_ids) | Q(programme_id__in=scope.coordinated_programme_ids)
    ).order_by("programme_id", "country", "organisation__name")


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def access_sql(scope: SearchScope) -> tuple[str, list]:
    """A condition on the index entry ``e`` that keeps only what this scope may find.

    Her own team's entries: none of their participants may disallow analysis (those who do, in her
    partnerships, are found once per search through the index on partnership and analysis consent). Entries
    seen as coordinator: shared, and none of their participants may disallow analysis or sharing with
    coordinators (checked entry by entry, on shared material only).
    """
    ep, p = EntryParticipant._meta.db_table, Participant._meta.db_table
    analysis, coordinators = ConsentScope.field(SEARCH_SCOPE), ConsentScope.field(ConsentScope.COORDINATORS)
    team, programmes = sorted(scope.team_partnership_ids), sorted(scope.coordinated_programme_ids)
    branches, params = [], []
    if team:
        in_team = f"IN ({_placeholders(team)})"
        branches.append(
            f"(e.partnership_id {in_team} AND e.id NOT IN (SELECT ep.entry_id FROM {ep} ep JOIN {p} p"
            f" ON p.id = ep.participant_id WHERE p.partnership_id {in_team} AND p.{analysis} = %s))"
        )
        params += [*team, *team, False]
    if programmes:
        not_team = f" AND e.partnership_id NOT IN ({_placeholders(team)})" if team else ""
        branches.append(
            f"(e.programme_id IN ({_placeholders(programmes)}) AND e.shared = %s{not_team}"
            f" AND NOT EXISTS (SELECT 1 FROM {ep} ep JOIN {p} p ON p.id = ep.participant_id"
            f" WHERE ep.entry_id = e.id AND (p.{analysis} = %s OR p.{coordinators} = %s)))"
        )
        params += [*programmes, True, *team, False, False]
    if not branches:
        return "1 = 0", []
    return f"({' OR '.join(branches)})", params
