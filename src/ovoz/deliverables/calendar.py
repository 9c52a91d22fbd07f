"""This app's entries in a person's calendar feed: her deadlines.

* Team members (researcher, mentor, co-researcher): each deliverable of their partnerships.
* Coordinators: each deliverable of their programmes once, at the programme's due date, with how many
  partnerships have delivered; plus a separate entry for each partnership given another due date.
"""

import datetime
from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext as _

from ovoz.accounts.roles import Role
from ovoz.deliverables.models import Deliverable, DeliverableState, DeliverableTemplate
from ovoz.programmes.access import coordinated_programme_ids, memberships_of
from ovoz.web.calendar import CalendarEntry

DAY = datetime.timedelta(days=1)


def _deliverable_entry(d: Deliverable) -> CalendarEntry:
    return CalendarEntry(
        uid=f"deliverable-{d.pk}@ovoz",
        title=_("Due: %(title)s (%(organisation)s)") % {"title": d.template.title,
                                                       "organisation": d.partnership.organisation.name},
        start=d.due_on,
        end=d.due_on + DAY,
        description=_("State: %(state)s") % {"state": d.get_state_display()},
        url=reverse("deliverables:partnership", kwargs={"pk": d.partnership_id}),
    )


def _template_entry(t: DeliverableTemplate, states: dict[str, int], total: int) -> CalendarEntry:
    accepted = states.get(DeliverableState.ACCEPTED, 0)
    done = states.get(DeliverableState.SUBMITTED, 0) + accepted
    return CalendarEntry(
        uid=f"deliverable-template-{t.pk}@ovoz",
        title=_("Due: %(title)s") % {"title": t.title},
        start=t.due_on,
        end=t.due_on + DAY,
        description=_(
            "%(done)s of %(total)s partnerships have submitted it, %(accepted)s accepted. Programme: %(programme)s"
        )
        % {"done": done, "total": total, "accepted": accepted, "programme": t.programme},
        url=reverse("deliverables:programme_dashboard", kwargs={"programme_id": t.programme_id}),
    )


def entries_for_user(user) -> list[CalendarEntry]:
    if not getattr(user, "is_active", False):
        return []
    coordinated = coordinated_programme_ids(user)
    team = {m.partnership_id for m in memberships_of(user) if m.partnership_id and Role(m.role).can_see_team()}
    entries = []
    if team:
        qs = (
            Deliverable.objects.filter(partnership_id__in=team)
            .exclude(partnership__programme_id__in=coordinated)
            .select_related("template", "partnership__organisation")
        )
        entries += [_deliverable_entry(d) for d in qs]
    if coordinated:
        deliverables = Deliverable.objects.filter(partnership__programme_id__in=coordinated).select_related(
            "template", "partnership__organisation"
        )
        by_template: dict[int, list[Deliverable]] = defaultdict(list)
        for d in deliverables:
            by_template[d.template_id].append(d)
        for t in DeliverableTemplate.objects.filter(programme_id__in=coordinated).select_related("programme"):
            mine = by_template.get(t.pk, [])
            states: dict[str, int] = defaultdict(int)
            for d in mine:
                states[d.state] += 1
            entries.append(_template_entry(t, states, len(mine)))
            entries += [_deliverable_entry(d) for d in mine if d.due_on != t.due_on]
    return entries
