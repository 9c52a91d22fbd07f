"""Grant pages: the programme's grants, one grant with its budget and tranches, the policy."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.accounts.security import reauth_redirect
from ovoz.grants import access
from ovoz.grants.forms import BudgetLineForm, GrantEditForm, GrantForm, PolicyForm, TrancheForm
from ovoz.grants.models import GrantKind, GrantPolicy, GrantStatus, ReportStatus
from ovoz.grants.money import grant_totals, quantize_totals, report_summary, with_totals
from ovoz.grants.services import (
    budget_line_add,
    budget_line_delete,
    budget_line_update,
    grant_create,
    grant_policy_set,
    grant_update,
    tranche_add,
    tranche_delete,
    tranche_update,
)
from ovoz.grants.services.grants import grants_outside_policy
from ovoz.grants.views.common import flash_refusal, form_errors, refused
from ovoz.web.pagination import paginate


@login_required
def grant_list_view(request, programme_id: int):
    """The coordinator sees every partnership's grants; a mentor or researcher her own partnership's."""
    programme = access.get_programme_with_grants_for_user(request.user, programme_id)
    partnerships = list(access.partnerships_with_grants_visible_to(request.user, programme))
    qs = with_totals(access.grants_visible_to(request.user).filter(partnership__programme=programme))
    filters = {
        "partnership": request.GET.get("partnership", ""),
        "kind": request.GET.get("kind", ""),
        "status": request.GET.get("status", ""),
        "q": request.GET.get("q", "").strip(),
    }
    if filters["partnership"].isdigit():
        qs = qs.filter(partnership_id=int(filters["partnership"]))
    if filters["kind"] in GrantKind.values:
        qs = qs.filter(kind=filters["kind"])
    if filters["status"] in GrantStatus.values:
        qs = qs.filter(status=filters["status"])
    if filters["q"]:
        qs = qs.filter(partnership__organisation__name__icontains=filters["q"])
    page = paginate(request, qs.order_by("partnership__organisation__name", "kind", "starts_on", "pk"))
    page.object_list = quantize_totals(page.object_list)
    is_coordinator = access.is_coordinator_of(request.user, programme.pk)
    query = "&".join(f"{k}={v}" for k, v in filters.items() if v)
    return render(
        request,
        "grants/grant_list.html",
        {
            "programme": programme,
            "page": page,
            "partnerships": partnerships,
            "writable_partnerships": [p for p in partnerships if access.can_write(request.user, p)],
            "filters": filters,
            "query": query,
            "kinds": GrantKind.choices,
            "statuses": GrantStatus.choices,
            "is_coordinator": is_coordinator,
            "policy": GrantPolicy.objects.filter(programme=programme).first() if is_coordinator else None,
        },
    )


@login_required
def grant_create_view(request, programme_id: int):
    programme = access.get_programme_for_money(request.user, programme_id)
    partnerships = list(access.partnerships_with_grants_visible_to(request.user, programme))
    policy = GrantPolicy.objects.filter(programme=programme).first()
    initial = {"partnership": request.GET.get("partnership", ""), "currency": policy.currency if policy else "USD"}
    form = GrantForm(request.POST or None, partnerships=partnerships, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            grant = grant_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, _("The grant is created. Add its budget lines and tranches."))
            return redirect("grants:detail", pk=grant.pk)
    return render(request, "grants/grant_form.html", {"programme": programme, "form": form, "policy": policy})


@login_required
def policy_view(request, programme_id: int):
    programme = access.get_programme_for_money(request.user, programme_id)
    policy = GrantPolicy.objects.filter(programme=programme).first()
    initial = {"currency": "USD"}
    if policy:
        initial = {f: getattr(policy, f) for f in ("currency", "research_cap", "advocacy_cap")}
    form = PolicyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            policy = grant_policy_set(actor=request.user, programme=programme, **form.cleaned_data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, _("The grant policy is saved."))
            outside = grants_outside_policy(policy)
            if outside:
                messages.warning(
                    request,
                    _("These grants were made before and are outside the new policy: %(grants)s.")
                    % {"grants": "; ".join(f"{g} ({g.amount} {g.currency})" for g in outside)},
                )
            return redirect("grants:policy", programme_id=programme.pk)
    return render(
        request,
        "grants/policy.html",
        {"programme": programme, "form": form, "policy": policy,
         "outside": grants_outside_policy(policy) if policy else []},
    )


@login_required
def grant_detail_view(request, pk: int):
    grant = access.get_grant_for_user(request.user, pk)
    partnership = grant.partnership
    totals = grant_totals(grant)
    reports = list(
        access.reports_visible_to(request.user).filter(grant=grant).order_by("period_start", "pk")
    )
    report_rows = [(r, report_summary(r)) for r in reports]
    can_manage = access.can_manage(request.user, partnership)
    can_write = access.can_write(request.user, partnership)
    proposal = getattr(grant, "proposal", None) if grant.kind == GrantKind.ADVOCACY else None
    return render(
        request,
        "grants/grant_detail.html",
        {
            "grant": grant,
            "totals": totals,
            "lines": list(grant.budget_lines.all()),
            "tranches": list(grant.tranches.all()),
            "report_rows": report_rows,
            "proposal": proposal,
            "can_manage": can_manage,
            "can_write": can_write,
            "line_form": BudgetLineForm() if can_manage else None,
            "tranche_form": TrancheForm() if can_manage else None,
            "ReportStatus": ReportStatus,
        },
    )


@login_required
def grant_edit_view(request, pk: int):
    grant = access.get_grant_for_user(request.user, pk, write=True)
    initial = {f: getattr(grant, f) for f in ("currency", "amount", "starts_on", "ends_on", "status", "reference")}
    form = GrantEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            grant_update(actor=request.user, grant=grant, **form.cleaned_data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, _("The grant is saved."))
            return redirect("grants:detail", pk=grant.pk)
    return render(request, "grants/grant_edit.html", {"grant": grant, "form": form})


# --- budget lines -----------------------------------------------------------------------------------------


@login_required
@require_POST
def line_add_view(request, pk: int):
    grant = access.get_grant_for_user(request.user, pk, write=True)
    form = BudgetLineForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
    else:
        try:
            budget_line_add(actor=request.user, grant=grant, **form.cleaned_data)
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The budget line is added."))
    return redirect("grants:detail", pk=grant.pk)


@login_required
def line_edit_view(request, pk: int):
    line = access.get_budget_line_for_user(request.user, pk, write=True)
    form = BudgetLineForm(
        request.POST or None,
        initial={"category": line.category, "description": line.description, "amount": line.amount},
    )
    if request.method == "POST" and form.is_valid():
        try:
            budget_line_update(actor=request.user, line=line, **form.cleaned_data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, _("The budget line is saved."))
            return redirect("grants:detail", pk=line.grant_id)
    return render(request, "grants/line_form.html", {"line": line, "grant": line.grant, "form": form})


@login_required
def line_delete_view(request, pk: int):
    line = access.get_budget_line_for_user(request.user, pk, write=True)
    if confirm := reauth_redirect(request):
        return confirm
    if request.method == "POST":
        try:
            budget_line_delete(actor=request.user, line=line)
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The budget line is removed."))
        return redirect("grants:detail", pk=line.grant_id)
    return render(
        request, "grants/confirm_delete.html",
        {"grant": line.grant, "what": line.label, "back": line.grant},
    )


# --- tranches -----------------------------------------------------------------------------------------------


@login_required
@require_POST
def tranche_add_view(request, pk: int):
    grant = access.get_grant_for_user(request.user, pk, write=True)
    form = TrancheForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
    else:
        try:
            tranche_add(actor=request.user, grant=grant, **form.cleaned_data)
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The tranche is added."))
    return redirect("grants:detail", pk=grant.pk)


@login_required
def tranche_edit_view(request, pk: int):
    tranche = access.get_tranche_for_user(request.user, pk, write=True)
    fields = ("planned_on", "planned_amount", "paid_on", "paid_amount", "note")
    form = TrancheForm(request.POST or None, initial={f: getattr(tranche, f) for f in fields})
    if request.method == "POST" and form.is_valid():
        try:
            tranche_update(actor=request.user, tranche=tranche, **form.cleaned_data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, _("The tranche is saved."))
            return redirect("grants:detail", pk=tranche.grant_id)
    return render(
        request, "grants/tranche_form.html",
        {"tranche": tranche, "grant": tranche.grant, "form": form, "totals": grant_totals(tranche.grant)},
    )


@login_required
def tranche_delete_view(request, pk: int):
    tranche = access.get_tranche_for_user(request.user, pk, write=True)
    if confirm := reauth_redirect(request):
        return confirm
    if request.method == "POST":
        tranche_delete(actor=request.user, tranche=tranche)
        messages.success(request, _("The tranche is removed."))
        return redirect("grants:detail", pk=tranche.grant_id)
    what = _("the tranche planned for %(date)s") % {"date": tranche.planned_on.isoformat()}
    return render(request, "grants/confirm_delete.html", {"grant": tranche.grant, "what": what, "back": tranche.grant})

