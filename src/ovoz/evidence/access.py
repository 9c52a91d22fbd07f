"""Who sees which evidence, and which evidence each consent scope lets through.

Two filters apply to every read of evidence:
1. the person: a partnership's mentor and researchers see its evidence; its coordinators see only what the
   partnership shares with the programme (and never identities); nobody else sees any;
2. consent: a query made for a purpose (analysis, quotes, statistics, sharing…) keeps only material whose
   participants all allow that purpose. A participant who withdrew allows nothing.

The querysets hold each row once without DISTINCT: participants are checked in correlated NOT EXISTS
subqueries, never through joins (DISTINCT over sources would compare and sort whole transcripts; at 50,000 of
them a list page took a second). Callers that filter through a many-valued relation (a source's participants,
an incident's acts) do it in a subquery too (``pk__in=...`` or ``Exists``), so that rows are not repeated.
"""

from django.db.models import Q, QuerySet

from ovoz.accounts.roles import Role
from ovoz.evidence.models import ConsentScope, Incident, Participant, Source
from ovoz.programmes.access import memberships_of, one_or_404, partnership_role


def _team_partnership_ids(user) -> set[int]:
    return {
        m.partnership_id
        for m in memberships_of(user)
        if m.partnership_id and Role(m.role).can_see_partnership_evidence()
    }


def _coordinated_programme_ids(user) -> set[int]:
    return {m.programme_id for m in memberships_of(user) if m.role == Role.COORDINATOR}


def with_consent(qs: QuerySet, scope: str | None, *, through: str = "participants") -> QuerySet:
    """Keep rows none of whose participants (reached through ``through``) disallows ``scope``.

    ``exclude()`` and a negated many-valued ``Q`` inside ``filter()`` become NOT EXISTS subqueries in Django: no
    join, so no row is repeated."""
    if scope is None:
        return qs
    field = ConsentScope.field(ConsentScope(scope).value)
    if qs.model is Participant:
        return qs.filter(**{field: True})
    return qs.exclude(**{f"{through}__{field}": False})


def participants_visible_to(user, *, scope: str | None = None) -> QuerySet[Participant]:
    """The team sees its participants; coordinators those who allow sharing with coordinators."""
    team = _team_partnership_ids(user)
    programmes = _coordinated_programme_ids(user)
    qs = Participant.objects.select_related("partnership__organisation", "migrant_status", "region_of_origin")
    qs = qs.filter(Q(partnership_id__in=team) | Q(partnership__programme_id__in=programmes, consent_coordinators=True))
    return with_consent(qs, scope)


def sources_visible_to(user, *, scope: str | None = None) -> QuerySet[Source]:
    team = _team_partnership_ids(user)
    programmes = _coordinated_programme_ids(user)
    shared = Q(partnership__programme_id__in=programmes, shared_with_programme=True) & ~Q(
        participants__consent_coordinators=False
    )
    qs = Source.objects.select_related("partnership__organisation").filter(Q(partnership_id__in=team) | shared)
    return with_consent(qs, scope)


def incidents_visible_to(user, *, scope: str | None = None) -> QuerySet[Incident]:
    team = _team_partnership_ids(user)
    programmes = _coordinated_programme_ids(user)
    shared = Q(partnership__programme_id__in=programmes, shared_with_programme=True) & ~Q(
        acts__victims__consent_coordinators=False
    )
    qs = Incident.objects.select_related("partnership__organisation").filter(Q(partnership_id__in=team) | shared)
    return with_consent(qs, scope, through="acts__victims")


def get_participant_for_user(user, pk, *, write: bool = False) -> Participant:
    participant = one_or_404(participants_visible_to(user), pk)
    if write and not can_edit(user, participant.partnership):
        raise_404()
    return participant


def get_source_for_user(user, pk, *, write: bool = False) -> Source:
    source = one_or_404(sources_visible_to(user), pk)
    if write and not can_edit(user, source.partnership):
        raise_404()
    return source


def get_incident_for_user(user, pk, *, write: bool = False) -> Incident:
    incident = one_or_404(incidents_visible_to(user), pk)
    if write and not can_edit(user, incident.partnership):
        raise_404()
    return incident


def can_edit(user, partnership) -> bool:
    role = partnership_role(user, partnership)
    return role is not None and role.can_edit_evidence()


def can_see_identity(user, participant: Participant) -> bool:
    role = partnership_role(user, participant.partnership)
    return role is not None and role.can_see_identities()


def raise_404():
    from django.http import Http404

    raise Http404
