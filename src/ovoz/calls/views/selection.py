"""The coordinator's ranking, selection and announcement of a call."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.accounts.roles import Role
from ovoz.accounts.security import reauth_redirect
from ovoz.calls import access, ranking
from ovoz.calls.models import Call
from ovoz.calls.services import call_announce, call_select, invitation_resend
from ovoz.web.pagination import paginate


def _site_url(request) -> str:
    return request.build_absolute_uri("/")


@login_required
def ranking_view(request, pk: int):
    call = access.get_call_for_user(request.user, pk, write=True)
    eligible_only = request.GET.get("eligible", "1") == "1"
    sort = request.GET.get("sort", "score")
    criterion_id = None
    if sort.startswith("criterion-") and sort[10:].isdigit():
        criterion_id = int(sort[10:])
    elif sort not in ranking.SORTS:
        sort = "score"
    rows, criteria = ranking.rank(call, eligible_only=eligible_only, sort=sort, criterion_id=criterion_id)
    query = f"eligible={'1' if eligible_only else '0'}&sort={sort}"
    return render(
        request,
        "calls/ranking.html",
        {
            "call": call,
            "page": paginate(request, rows, per_page=50),
            "criteria": criteria,
            "eligible_only": eligible_only,
            "sort": sort,
            "criterion_id": criterion_id,
            "query": query,
            "n_selected": sum(1 for r in rows if r.application.selected),
            "tab": "ranking",
        },
    )


@login_required
def selection_view(request, pk: int):
    call = access.get_call_for_user(request.user, pk, write=True)
    rows, _criteria = ranking.rank(call, eligible_only=True)
    can_select = call.state == Call.State.CLOSED
    if request.method == "POST":
        if not can_select:
            messages.error(request, _("Close the call before selecting partners."))
            return redirect("calls:selection", pk=call.pk)
        wanted = {int(v) for v in request.POST.getlist("application") if v.isdigit()}
        chosen = [r.application for r in rows if r.application.pk in wanted]
        try:
            if len(chosen) != len(wanted):
                raise ValidationError(_("Only eligible applications of this call can be selected."))
            call_select(actor=request.user, call=call, applications=chosen)
        except ValidationError as exc:
            for m in exc.messages:
                messages.error(request, m)
        else:
            if len(chosen) < call.places_min:
                messages.warning(
                    request,
                    _("%(n)d selected: fewer than the %(min)d places the call offers at least.")
                    % {"n": len(chosen), "min": call.places_min},
                )
            else:
                messages.success(request, _("%(n)d organisations selected.") % {"n": len(chosen)})
            return redirect("calls:selection", pk=call.pk)
    n_selected = sum(1 for r in rows if r.application.selected)
    return render(
        request,
        "calls/selection.html",
        {
            "call": call,
            "rows": rows,
            "can_select": can_select,
            "n_selected": n_selected,
            "too_few": n_selected < call.places_min,
            "tab": "selection",
        },
    )


@login_required
def announce_view(request, pk: int):
    """The announcement: a confirmation page, the password again, then one atomic service."""
    call = access.get_call_for_user(request.user, pk, write=True)
    if confirm := reauth_redirect(request):
        return confirm
    if request.method == "POST":
        try:
            selected = call_announce(actor=request.user, call=call, site_url=_site_url(request))
        except ValidationError as exc:
            for m in exc.messages:
                messages.error(request, m)
            return redirect("calls:announce", pk=call.pk)
        messages.success(
            request,
            _("The selection is announced: %(n)d partnerships, their researchers and mentors invited, every "
              "applicant told.") % {"n": len(selected)},
        )
        return redirect("calls:detail", pk=call.pk)
    applications = list(call.applications.all())
    selected = [a for a in applications if a.selected]
    return render(
        request,
        "calls/announce.html",
        {
            "call": call,
            "selected": selected,
            "n_applications": len(applications),
            "n_others": len(applications) - len(selected),
            "too_few": len(selected) < call.places_min,
            "can_announce": call.state == Call.State.CLOSED and bool(selected),
            "tab": "selection",
        },
    )


@login_required
@require_POST
def invitation_resend_view(request, pk: int):
    application = access.get_application_for_user(request.user, pk)
    role = request.POST.get("role")
    if role not in (Role.RESEARCHER, Role.MENTOR):
        messages.error(request, _("Choose whom to invite again."))
    else:
        try:
            user = invitation_resend(actor=request.user, application=application, role=role,
                                     site_url=_site_url(request))
        except ValidationError as exc:
            for m in exc.messages:
                messages.error(request, m)
        else:
            messages.success(request, _("A new invitation is sent to %(email)s.") % {"email": user.email})
    return redirect("calls:application", pk=application.pk)
