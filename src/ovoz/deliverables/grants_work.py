"""Deliverables written in the grants app: a financial report or an advocacy proposal is filled in line by line
there (budget lines, actual spending, the coordinator's review); its deliverable page lists them so that the
team and the reviewers find them from the timeline. Read through the grants app's access functions, so a
person sees only the reports and proposals she may see there."""

from django.urls import reverse

from ovoz.deliverables.models import DeliverableKind
from ovoz.grants import access as grants_access


def grants_work(user, deliverable) -> dict | None:
    """``{"items": [(label, status, url)], "start_url": url or None, "kind": ...}`` for the two kinds, else None."""
    kind = deliverable.template.kind
    partnership = deliverable.partnership
    if kind == DeliverableKind.FINANCIAL_REPORT:
        reports = (grants_access.reports_visible_to(user).filter(grant__partnership=partnership)
                   .order_by("period_start", "pk"))
        items = [(f"{r.get_template_display()} · {r.period_start:%Y-%m-%d} – {r.period_end:%Y-%m-%d}",
                  r.get_status_display(), reverse("grants:report_detail", args=[r.pk])) for r in reports]
        grant = grants_access.grants_visible_to(user).filter(partnership=partnership).order_by("pk").first()
        start = (reverse("grants:report_create", args=[grant.pk])
                 if grant is not None and grants_access.can_write(user, partnership) else None)
        return {"kind": kind, "items": items, "start_url": start}
    if kind == DeliverableKind.ADVOCACY_PROPOSAL:
        proposals = grants_access.proposals_visible_to(user).filter(partnership=partnership).order_by("pk")
        items = [(p.title, p.get_status_display(), reverse("grants:proposal_detail", args=[p.pk])) for p in proposals]
        start = (reverse("grants:proposal_create", args=[partnership.pk])
                 if grants_access.can_write(user, partnership) else None)
        return {"kind": kind, "items": items, "start_url": start}
    return None


def deliverables_for(user, partnership, kind: str) -> list[tuple[str, object, str, str]]:
    """The other way: on a financial report or an advocacy proposal, the partnership's deliverables of that
    kind with their due dates and states, as ``(title, due_on, state label, url)``."""
    from ovoz.deliverables.access import deliverables_visible_to

    rows = (deliverables_visible_to(user).filter(partnership=partnership, template__kind=kind)
            .select_related("template").order_by("due_on", "pk"))
    return [(d.template.title, d.due_on, d.get_state_display(), reverse("deliverables:detail", args=[d.pk]))
            for d in rows]
