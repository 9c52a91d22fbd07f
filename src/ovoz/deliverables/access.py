"""Who may see deliverables, their contents, the timeline and the templates.

* The list of a partnership's deliverables (titles, due dates, states) is visible to its whole team
  (co-researchers included) and to the programme's coordinators.
* What was submitted (versions, files, reviews) is visible to the partnership's research team
  (researcher and mentor) and to the programme's coordinators, who review it.
* The programme dashboard, the templates and the timeline editor are for coordinators; the timeline
  itself (phases and milestones) is shown to everyone on a team of the programme.
* Viewers and outsiders see none of it. Missing and forbidden both raise ``Http404``.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from ovoz.accounts.roles import Role
from ovoz.deliverables.models import Deliverable, DeliverableTemplate, DeliverableVersion, TimelineItem
from ovoz.programmes.access import (
    coordinated_programme_ids,
    get_partnership_for_user,
    get_programme_for_user,
    is_coordinator_of,
    memberships_of,
    one_or_404,
    partnership_role,
)
from ovoz.programmes.models import Partnership, Programme


def _team_partnership_ids(user, *, content: bool) -> set[int]:
    ids = set()
    for m in memberships_of(user):
        if m.partnership_id is None:
            continue
        role = Role(m.role)
        allowed = role.can_see_partnership_evidence() if content else role.can_see_team()
        if allowed:
            ids.add(m.partnership_id)
    return ids


def _scope(user, qs: QuerySet, *, content: bool, programme_path: str, partnership_path: str) -> QuerySet:
    if getattr(user, "is_superuser", False):
        return qs
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    return qs.filter(
        Q(**{f"{programme_path}__in": coordinated_programme_ids(user)})
        | Q(**{f"{partnership_path}__in": _team_partnership_ids(user, content=content)})
    )


def deliverables_visible_to(user) -> QuerySet[Deliverable]:
    """Deliverables whose title, due date and state she may see."""
    qs = Deliverable.objects.select_related("template", "partnership__organisation", "partnership__programme")
    return _scope(
        user, qs, content=False, programme_path="partnership__programme_id", partnership_path="partnership_id"
    )


def deliverable_contents_visible_to(user) -> QuerySet[Deliverable]:
    """Deliverables whose versions and reviews she may read."""
    qs = Deliverable.objects.select_related("template", "partnership__organisation", "partnership__programme")
    return _scope(
        user, qs, content=True, programme_path="partnership__programme_id", partnership_path="partnership_id"
    )


def get_deliverable_for_user(user, pk) -> Deliverable:
    """One deliverable with what was submitted: the research team and coordinators only."""
    return one_or_404(deliverable_contents_visible_to(user), pk)


def versions_visible_to(user) -> QuerySet[DeliverableVersion]:
    qs = DeliverableVersion.objects.select_related("deliverable__partnership")
    return _scope(
        user,
        qs,
        content=True,
        programme_path="deliverable__partnership__programme_id",
        partnership_path="deliverable__partnership_id",
    )


def get_version_for_user(user, pk) -> DeliverableVersion:
    return one_or_404(versions_visible_to(user), pk)


def can_see_deliverables_of(user, partnership: Partnership) -> bool:
    if is_coordinator_of(user, partnership.programme_id):
        return True
    role = partnership_role(user, partnership)
    return role is not None and role.can_see_team()


def can_read_contents_of(user, partnership: Partnership) -> bool:
    if is_coordinator_of(user, partnership.programme_id):
        return True
    role = partnership_role(user, partnership)
    return role is not None and role.can_see_partnership_evidence()


def get_partnership_deliverables_for_user(user, pk) -> Partnership:
    """A partnership whose deliverables list she may see (404 for viewers and other partnerships)."""
    partnership = get_partnership_for_user(user, pk)
    if not can_see_deliverables_of(user, partnership):
        raise Http404
    return partnership


def get_programme_to_manage(user, pk) -> Programme:
    """A programme whose dashboard, timeline and templates she manages: its coordinators only."""
    return get_programme_for_user(user, pk, write=True)


def timeline_items_visible_to(user) -> QuerySet[TimelineItem]:
    qs = TimelineItem.objects.select_related("programme")
    if getattr(user, "is_superuser", False):
        return qs
    # Coordinators and the partnerships' teams; viewers see published work only.
    ids = {m.programme_id for m in memberships_of(user) if Role(m.role).can_see_shared_evidence()}
    return qs.filter(programme_id__in=ids)


def get_timeline_item_for_user(user, pk, *, write: bool = False) -> TimelineItem:
    item = one_or_404(timeline_items_visible_to(user), pk)
    if write and not is_coordinator_of(user, item.programme_id):
        raise Http404
    return item


def templates_managed_by(user) -> QuerySet[DeliverableTemplate]:
    qs = DeliverableTemplate.objects.select_related("programme")
    if getattr(user, "is_superuser", False):
        return qs
    return qs.filter(programme_id__in=coordinated_programme_ids(user))


def get_template_for_user(user, pk) -> DeliverableTemplate:
    """A template she may change: coordinators of its programme only."""
    return one_or_404(templates_managed_by(user), pk)
