"""Advocacy proposal pages: the team drafts and submits; the coordinator approves or returns."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.deliverables.grants_work import deliverables_for
from ovoz.deliverables.models import DeliverableKind
from ovoz.grants import access
from ovoz.grants.forms import (
    CommentForm,
    ProposalForm,
    ProposalLineFormSet,
    ProposalReviewForm,
    ReviewForm,
    proposal_lines,
)
from ovoz.grants.models import GrantPolicy, ProposalStatus
from ovoz.grants.services import (
    proposal_approve,
    proposal_comment_add,
    proposal_create,
    proposal_return,
    proposal_submit,
    proposal_update,
)
from ovoz.grants.views.common import flash_refusal, form_errors, refused
from ovoz.web.pagination import paginate


@login_required
def proposal_list_view(request, programme_id: int):
    programme = access.get_programme_with_grants_for_user(request.user, programme_id)
    qs = (
        access.proposals_visible_to(request.user)
        .filter(partnership__programme=programme)
        .prefetch_related("budget_lines")
    )
    status = request.GET.get("status", "")
    if status in ProposalStatus.values:
        qs = qs.filter(status=status)
    page = paginate(request, qs.order_by("partnership__organisation__name", "starts_on", "pk"))
    partnerships = list(access.partnerships_with_grants_visible_to(request.user, programme))
    return render(
        request,
        "grants/proposal_list.html",
        {
            "programme": programme,
            "page": page,
            "status": status,
            "statuses": ProposalStatus.choices,
            "query": f"status={status}" if status else "",
            "writable_partnerships": [p for p in partnerships if access.can_write(request.user, p)],
            "is_coordinator": access.is_coordinator_of(request.user, programme.pk),
        },
    )


def _lines_initial(proposal) -> list[dict]:
    return [
        {"category": line.category, "description": line.description, "amount": line.amount}
        for line in proposal.budget_lines.all()
    ]


@login_required
def proposal_create_view(request, partnership_id: int):
    partnership = access.get_partnership_for_writing(request.user, partnership_id)
    policy = GrantPolicy.objects.filter(programme_id=partnership.programme_id).first()
    form = ProposalForm(request.POST or None, initial={"currency": policy.currency if policy else "USD"})
    formset = ProposalLineFormSet(request.POST or None, prefix="lines")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            proposal = proposal_create(
                actor=request.user, partnership=partnership, lines=proposal_lines(formset), **form.cleaned_data
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, _("The proposal is saved as a draft. Submit it when it is ready."))
            return redirect("grants:proposal_detail", pk=proposal.pk)
    return render(
        request, "grants/proposal_form.html",
        {"partnership": partnership, "form": form, "formset": formset, "policy": policy},
    )


@login_required
def proposal_detail_view(request, pk: int):
    proposal = access.get_proposal_for_user(request.user, pk)
    can_write = access.can_write(request.user, proposal.partnership)
    can_manage = access.can_manage(request.user, proposal.partnership)
    lines = list(proposal.budget_lines.all())
    return render(
        request,
        "grants/proposal_detail.html",
        {
            "deliverables": deliverables_for(request.user, proposal.partnership, DeliverableKind.ADVOCACY_PROPOSAL),
            "proposal": proposal,
            "lines": lines,
            "total": sum((line.amount for line in lines), 0),
            "comments": list(proposal.comments.select_related("author")),
            "can_write": can_write,
            "can_manage": can_manage,
            "editable": can_write and proposal.is_editable,
            "review_form": ProposalReviewForm() if can_manage and proposal.status == ProposalStatus.SUBMITTED else None,
            "comment_form": CommentForm() if can_write or can_manage else None,
        },
    )


@login_required
def proposal_edit_view(request, pk: int):
    proposal = access.get_proposal_for_user(request.user, pk, write=True)
    if not proposal.is_editable:
        messages.error(request, _("This proposal is submitted or approved: it cannot be changed now."))
        return redirect("grants:proposal_detail", pk=proposal.pk)
    fields = ("title", "summary", "objectives", "activities", "starts_on", "ends_on", "currency")
    form = ProposalForm(request.POST or None, initial={f: getattr(proposal, f) for f in fields})
    formset = ProposalLineFormSet(request.POST or None, prefix="lines", initial=_lines_initial(proposal))
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            proposal_update(actor=request.user, proposal=proposal, lines=proposal_lines(formset), **form.cleaned_data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, _("The proposal is saved."))
            return redirect("grants:proposal_detail", pk=proposal.pk)
    return render(
        request, "grants/proposal_form.html",
        {"proposal": proposal, "partnership": proposal.partnership, "form": form, "formset": formset},
    )


@login_required
@require_POST
def proposal_submit_view(request, pk: int):
    proposal = access.get_proposal_for_user(request.user, pk, write=True)
    try:
        proposal_submit(actor=request.user, proposal=proposal)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("The proposal is submitted to the coordinator."))
    return redirect("grants:proposal_detail", pk=proposal.pk)


@login_required
@require_POST
def proposal_review_view(request, pk: int):
    proposal = access.get_proposal_for_review(request.user, pk)
    form = ProposalReviewForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("grants:proposal_detail", pk=proposal.pk)
    d = form.cleaned_data
    try:
        with transaction.atomic():
            if d["decision"] == ReviewForm.ACCEPT:
                proposal = proposal_approve(actor=request.user, proposal=proposal, comment=d["comment"])
            else:
                proposal_return(actor=request.user, proposal=proposal, comment=d["comment"])
    except ValidationError as exc:
        flash_refusal(request, exc)
        return redirect("grants:proposal_detail", pk=proposal.pk)
    if proposal.grant_id:
        messages.success(request, _("The proposal is approved and its advocacy grant created. Plan its tranches."))
        return redirect("grants:detail", pk=proposal.grant_id)
    messages.success(request, _("The proposal is returned to the partnership with your comment."))
    return redirect("grants:proposal_detail", pk=proposal.pk)


@login_required
@require_POST
def proposal_comment_view(request, pk: int):
    proposal = access.get_proposal_for_user(request.user, pk)
    partnership = proposal.partnership
    if not (access.can_write(request.user, partnership) or access.can_manage(request.user, partnership)):
        raise Http404
    form = CommentForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
    else:
        try:
            proposal_comment_add(actor=request.user, proposal=proposal, body=form.cleaned_data["body"])
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("Your comment is added."))
    return redirect("grants:proposal_detail", pk=proposal.pk)

