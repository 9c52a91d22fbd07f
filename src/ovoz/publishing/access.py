"""Who sees and changes findings and publications.

A partnership's findings and publications are its team's (mentor and researchers) and the coordinators';
regional ones (no partnership) are the coordinators'. Co-researchers, viewers and outsiders see none of it
until it is published: then anyone may read the published version on the public page.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from ovoz.accounts.roles import Role
from ovoz.programmes.access import is_coordinator_of, memberships_of, one_or_404, partnership_role
from ovoz.publishing.models import Finding, Publication, PublishedVersion


def _team(user) -> set[int]:
    return {m.partnership_id for m in memberships_of(user)
            if m.partnership_id and Role(m.role).can_see_partnership_evidence()}


def _coordinated(user) -> set[int]:
    return {m.programme_id for m in memberships_of(user) if m.role == Role.COORDINATOR}


def findings_visible_to(user) -> QuerySet[Finding]:
    return Finding.objects.select_related("partnership__organisation", "theme").filter(
        Q(partnership_id__in=_team(user)) | Q(programme_id__in=_coordinated(user))
    )


def can_edit_in(user, programme_id: int, partnership) -> bool:
    if partnership is None:
        return is_coordinator_of(user, programme_id)
    role = partnership_role(user, partnership)
    return (role is not None and role.can_edit_evidence()) or is_coordinator_of(user, programme_id)


def get_finding_for_user(user, pk, *, write: bool = False) -> Finding:
    finding = one_or_404(findings_visible_to(user), pk)
    if write and not can_edit_in(user, finding.programme_id, finding.partnership):
        raise Http404
    return finding


def publications_visible_to(user) -> QuerySet[Publication]:
    return Publication.objects.select_related("partnership__organisation", "programme").filter(
        Q(partnership_id__in=_team(user)) | Q(programme_id__in=_coordinated(user))
    )


def get_publication_for_user(user, pk, *, write: bool = False) -> Publication:
    publication = one_or_404(publications_visible_to(user), pk)
    if write and not can_edit_in(user, publication.programme_id, publication.partnership):
        raise Http404
    return publication


def role_in(user, publication: Publication) -> Role | None:
    if is_coordinator_of(user, publication.programme_id):
        return Role.COORDINATOR
    if publication.partnership_id:
        return partnership_role(user, publication.partnership)
    return None


def published_versions() -> QuerySet[PublishedVersion]:
    """What the public page lists: the latest published version of every publication not withdrawn."""
    return PublishedVersion.objects.select_related("publication__partnership__organisation").filter(
        withdrawn_at__isnull=True, publication__status=Publication.Status.PUBLISHED,
    )
