"""A partnership's safety page, its risk register and its incident log."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.safety import access
from ovoz.safety.forms import FollowUpForm, IncidentForm, ReviewForm, RiskForm
from ovoz.safety.lock import active_lock
from ovoz.safety.models import Risk, RiskCategory, SafetyIncident
from ovoz.safety.services import (
    follow_up_add,
    risk_create,
    risk_delete,
    risk_review,
    risk_update,
    safety_incident_create,
    safety_incident_delete,
    safety_incident_update,
)
from ovoz.web.pagination import paginate

PER_PAGE = 25


def _choice(value: str, choices) -> str:
    return value if value in choices else ""


@login_required
def partnership_safety_view(request, pk: int):
    """The risk register (filtered, paged), the latest incidents, the contacts and the emergency lock."""
    partnership = access.get_safety_partnership_for_user(request.user, pk)
    filters = {
        "status": _choice(request.GET.get("status", ""), Risk.Status.values),
        "category": _choice(request.GET.get("category", ""), RiskCategory.values),
        "due": "1" if request.GET.get("due") else "",
    }
    today = timezone.localdate()
    risks = access.risks_visible_to(request.user).filter(partnership=partnership)
    if filters["status"]:
        risks = risks.filter(status=filters["status"])
    if filters["category"]:
        risks = risks.filter(category=filters["category"])
    if filters["due"]:
        risks = risks.exclude(status=Risk.Status.CLOSED).filter(review_on__lte=today)
    incidents = access.incidents_visible_to(request.user).filter(partnership=partnership)
    contacts = access.contacts_visible_to(request.user).filter(programme=partnership.programme)
    return render(request, "safety/partnership.html", {
        "partnership": partnership,
        "page": paginate(request, risks, per_page=PER_PAGE),
        "filters": filters,
        "query": urlencode({k: v for k, v in filters.items() if v}),
        "statuses": Risk.Status.choices,
        "categories": RiskCategory.choices,
        "today": today,
        "incidents": incidents[:5],
        "n_open_incidents": incidents.exclude(status=SafetyIncident.Status.CLOSED).count(),
        "contacts": [c for c in contacts if c.partnership_id in (None, partnership.pk)],
        "lock": active_lock(partnership),
        "can_lock": access.can_lock(request.user, partnership),
    })


@login_required
def risk_create_view(request, pk: int):
    partnership = access.get_safety_partnership_for_user(request.user, pk)
    form = RiskForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            risk = risk_create(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The risk is in the register."))
            return redirect("safety:risk_detail", pk=risk.pk)
    return render(request, "safety/form.html", {"form": form, "partnership": partnership,
                                                "title": _("New risk"), "back": partnership_url(partnership)})


def partnership_url(partnership) -> str:
    from django.urls import reverse

    return reverse("safety:partnership", args=[partnership.pk])


@login_required
def risk_detail_view(request, pk: int):
    risk = access.get_risk_for_user(request.user, pk)
    form = ReviewForm(initial={"reviewed_on": timezone.localdate(), "status": risk.status})
    return render(request, "safety/risk_detail.html", {
        "risk": risk, "partnership": risk.partnership, "review_form": form,
        "incidents": risk.incidents.all(), "due": risk.review_is_due(),
    })


@login_required
def risk_edit_view(request, pk: int):
    risk = access.get_risk_for_user(request.user, pk)
    form = RiskForm(request.POST or None, instance=risk, partnership=risk.partnership)
    if request.method == "POST" and form.is_valid():
        try:
            risk_update(actor=request.user, risk=Risk.objects.get(pk=risk.pk), **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The risk is saved."))
            return redirect("safety:risk_detail", pk=risk.pk)
    return render(request, "safety/form.html", {"form": form, "partnership": risk.partnership,
                                                "title": _("Edit risk"), "back": partnership_url(risk.partnership)})


@login_required
@require_POST
def risk_review_view(request, pk: int):
    risk = access.get_risk_for_user(request.user, pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            risk_review(actor=request.user, risk=risk, reviewed_on=form.cleaned_data["reviewed_on"],
                        next_review_on=form.cleaned_data["next_review_on"], status=form.cleaned_data["status"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The review is recorded."))
    else:
        messages.error(request, _("Give the date of the review."))
    return redirect("safety:risk_detail", pk=risk.pk)


@login_required
def risk_delete_view(request, pk: int):
    risk = access.get_risk_for_user(request.user, pk)
    if request.method == "POST":
        partnership = risk.partnership
        risk_delete(actor=request.user, risk=risk)
        messages.success(request, _("The risk is deleted."))
        return redirect("safety:partnership", pk=partnership.pk)
    return render(request, "safety/confirm.html", {
        "title": _("Delete this risk?"), "name": risk.title, "partnership": risk.partnership,
        "text": _("Its description, mitigation and review dates are deleted; incidents linked to it are kept."),
    })


# --- incidents --------------------------------------------------------------------------------------------------


@login_required
def incident_list_view(request, pk: int):
    partnership = access.get_safety_partnership_for_user(request.user, pk)
    filters = {"status": _choice(request.GET.get("status", ""), SafetyIncident.Status.values),
               "category": _choice(request.GET.get("category", ""), RiskCategory.values)}
    qs = access.incidents_visible_to(request.user).filter(partnership=partnership)
    if filters["status"]:
        qs = qs.filter(status=filters["status"])
    if filters["category"]:
        qs = qs.filter(category=filters["category"])
    return render(request, "safety/incident_list.html", {
        "partnership": partnership, "page": paginate(request, qs, per_page=PER_PAGE), "filters": filters,
        "query": urlencode({k: v for k, v in filters.items() if v}),
        "statuses": SafetyIncident.Status.choices, "categories": RiskCategory.choices,
    })


@login_required
def incident_create_view(request, pk: int):
    partnership = access.get_safety_partnership_for_user(request.user, pk)
    form = IncidentForm(request.POST or None, partnership=partnership,
                        initial={"occurred_on": timezone.localdate(), "risk": request.GET.get("risk")})
    if request.method == "POST" and form.is_valid():
        try:
            incident = safety_incident_create(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The incident is logged."))
            return redirect("safety:incident_detail", pk=incident.pk)
    return render(request, "safety/form.html", {"form": form, "partnership": partnership,
                                                "title": _("Log an incident"), "back": partnership_url(partnership)})


@login_required
def incident_detail_view(request, pk: int):
    incident = access.get_incident_for_user(request.user, pk)
    form = FollowUpForm(initial={"date": timezone.localdate(), "status": incident.status})
    return render(request, "safety/incident_detail.html", {
        "incident": incident, "partnership": incident.partnership, "follow_ups": access.follow_ups_of(incident),
        "form": form,
    })


@login_required
def incident_edit_view(request, pk: int):
    incident = access.get_incident_for_user(request.user, pk)
    form = IncidentForm(request.POST or None, instance=incident, partnership=incident.partnership)
    if request.method == "POST" and form.is_valid():
        try:
            safety_incident_update(actor=request.user, incident=SafetyIncident.objects.get(pk=incident.pk),
                                   **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The incident is saved."))
            return redirect("safety:incident_detail", pk=incident.pk)
    return render(request, "safety/form.html", {"form": form, "partnership": incident.partnership,
                                                "title": _("Edit incident"),
                                                "back": partnership_url(incident.partnership)})


@login_required
@require_POST
def follow_up_view(request, pk: int):
    incident = access.get_incident_for_user(request.user, pk)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            follow_up_add(actor=request.user, incident=incident, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The follow-up is recorded."))
    else:
        messages.error(request, _("Give the date and what was done."))
    return redirect("safety:incident_detail", pk=incident.pk)


@login_required
def incident_delete_view(request, pk: int):
    incident = access.get_incident_for_user(request.user, pk)
    if request.method == "POST":
        partnership = incident.partnership
        safety_incident_delete(actor=request.user, incident=incident)
        messages.success(request, _("The incident is deleted."))
        return redirect("safety:incident_list", pk=partnership.pk)
    return render(request, "safety/confirm.html", {
        "title": _("Delete this incident?"), "name": incident.title, "partnership": incident.partnership,
        "text": _("Its description and every follow-up are deleted. This cannot be undone."),
    })
