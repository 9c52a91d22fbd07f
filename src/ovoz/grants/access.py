"""Who may see and change grants, budget lines, tranches, financial reports and advocacy proposals.

* The programme's coordinator (and a site administrator) sees and manages all of them, and reviews
  reports and proposals.
* A partnership's mentor and researcher see their own partnership's grants, and write its financial
  reports and advocacy proposals.
* Co-researchers, viewers, other partnerships and outsiders see none of it: 404, exactly as if missing.

Every view and API endpoint fetches these objects through the functions here.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from ovoz.accounts.roles import Role
from ovoz.grants.models import (
    AdvocacyProposal,
    BudgetLine,
    FinancialReport,
    Grant,
    ReportAttachment,
    Tranche,
)
from ovoz.programmes.access import (
    get_programme_for_user,
    is_coordinator_of,
    memberships_of,
    one_or_404,
    partnership_role,
    partnerships_visible_to,
)
from ovoz.programmes.models import Partnership, Programme


def _is_team(role: Role | None) -> bool:
    """The partnership's own research team (mentor, researcher): they see its money."""
    return role is not None and role.can_see_partnership_evidence()


def _is_team_writer(role: Role | None) -> bool:
    """Those of the team who write its financial reports and advocacy proposals."""
    return role is not None and role.can_edit_evidence()


def _scope(user) -> tuple[set[int], set[int]] | None:
    """(coordinated programme ids, own team partnership ids); None for a site administrator (everything)."""
    if getattr(user, "is_superuser", False):
        return None
    mems = memberships_of(user)
    programmes = {m.programme_id for m in mems if m.partnership_id is None and m.role == Role.COORDINATOR}
    teams = {m.partnership_id for m in mems if m.partnership_id and _is_team(Role(m.role))}
    return programmes, teams


def _filter(qs: QuerySet, user, partnership_path: str) -> QuerySet:
    scope = _scope(user)
    if scope is None:
        return qs
    programmes, teams = scope
    return qs.filter(
        Q(**{f"{partnership_path}__programme_id__in": programmes}) | Q(**{f"{partnership_path}_id__in": teams})
    )


# --- who may do what, for one partnership ------------------------------------------------------------------


def can_manage(user, partnership: Partnership) -> bool:
    """Create and change grants, budget lines and tranches; review reports and proposals."""
    return is_coordinator_of(user, partnership.programme_id)


def can_write(user, partnership: Partnership) -> bool:
    """Draft and submit the partnership's financial reports and advocacy proposals."""
    return _is_team_writer(partnership_role(user, partnership))


def can_see(user, partnership: Partnership) -> bool:
    return can_manage(user, partnership) or _is_team(partnership_role(user, partnership))


# --- programmes ---------------------------------------------------------------------------------------------


def get_programme_for_money(user, programme_id) -> Programme:
    """A programme whose money the user manages (its coordinator)."""
    return get_programme_for_user(user, programme_id, write=True)


def get_programme_with_grants_for_user(user, programme_id) -> Programme:
    """A programme in which the user sees grants: its coordinator, or a mentor or researcher of one of its teams."""
    programme = get_programme_for_user(user, programme_id)
    if is_coordinator_of(user, programme.pk):
        return programme
    mems = memberships_of(user)
    if any(m.programme_id == programme.pk and m.partnership_id and _is_team(Role(m.role)) for m in mems):
        return programme
    raise Http404


def get_partnership_for_writing(user, partnership_id) -> Partnership:
    """A partnership for which the user writes reports and proposals (its mentor or researcher)."""
    partnership = one_or_404(partnerships_visible_to(user), partnership_id)
    if not can_write(user, partnership):
        raise Http404
    return partnership


def partnerships_with_grants_visible_to(user, programme: Programme) -> QuerySet[Partnership]:
    qs = partnerships_visible_to(user).filter(programme=programme)
    if is_coordinator_of(user, programme.pk):
        return qs
    _, teams = _scope(user)
    return qs.filter(pk__in=teams)


# --- grants, budget lines, tranches -------------------------------------------------------------------------


def grants_visible_to(user) -> QuerySet[Grant]:
    qs = Grant.objects.select_related("partnership__organisation", "partnership__programme")
    return _filter(qs, user, "partnership")


def get_grant_for_user(user, pk, *, write: bool = False) -> Grant:
    grant = one_or_404(grants_visible_to(user), pk)
    if write and not can_manage(user, grant.partnership):
        raise Http404
    return grant


def get_budget_line_for_user(user, pk, *, write: bool = False) -> BudgetLine:
    qs = _filter(BudgetLine.objects.select_related("grant__partnership__organisation"), user, "grant__partnership")
    line = one_or_404(qs, pk)
    if write and not can_manage(user, line.grant.partnership):
        raise Http404
    return line


def get_tranche_for_user(user, pk, *, write: bool = False) -> Tranche:
    qs = _filter(Tranche.objects.select_related("grant__partnership__organisation"), user, "grant__partnership")
    tranche = one_or_404(qs, pk)
    if write and not can_manage(user, tranche.grant.partnership):
        raise Http404
    return tranche


# --- financial reports and attachments -----------------------------------------------------------------------


def reports_visible_to(user) -> QuerySet[FinancialReport]:
    qs = FinancialReport.objects.select_related(
        "grant__partnership__organisation", "grant__partnership__programme", "created_by"
    )
    return _filter(qs, user, "grant__partnership")


def get_report_for_user(user, pk, *, write: bool = False) -> FinancialReport:
    """``write``: the partnership's mentor or researcher, who draft and submit it."""
    report = one_or_404(reports_visible_to(user), pk)
    if write and not can_write(user, report.grant.partnership):
        raise Http404
    return report


def get_report_for_review(user, pk) -> FinancialReport:
    """The programme's coordinator, who accepts a report or asks for changes."""
    report = one_or_404(reports_visible_to(user), pk)
    if not can_manage(user, report.grant.partnership):
        raise Http404
    return report


def get_attachment_for_user(user, pk, *, write: bool = False) -> ReportAttachment:
    qs = _filter(
        ReportAttachment.objects.select_related("report__grant__partnership__organisation"),
        user,
        "report__grant__partnership",
    )
    attachment = one_or_404(qs, pk)
    if write and not can_write(user, attachment.report.grant.partnership):
        raise Http404
    return attachment


# --- advocacy proposals ------------------------------------------------------------------------------------


def proposals_visible_to(user) -> QuerySet[AdvocacyProposal]:
    qs = AdvocacyProposal.objects.select_related(
        "partnership__organisation", "partnership__programme", "grant", "created_by"
    )
    return _filter(qs, user, "partnership")


def get_proposal_for_user(user, pk, *, write: bool = False) -> AdvocacyProposal:
    """``write``: the partnership's mentor or researcher, who draft and submit it."""
    proposal = one_or_404(proposals_visible_to(user), pk)
    if write and not can_write(user, proposal.partnership):
        raise Http404
    return proposal


def get_proposal_for_review(user, pk) -> AdvocacyProposal:
    proposal = one_or_404(proposals_visible_to(user), pk)
    if not can_manage(user, proposal.partnership):
        raise Http404
    return proposal
