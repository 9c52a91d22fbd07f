"""Recommendations tracking: the tracker by addressee, theme, mechanism and status, one recommendation with its
status history, and the forms. The history only grows: there is a form to add an entry and none to change one."""

import copy
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.advocacy.models import Activity
from ovoz.audit.services import audit_write
from ovoz.mechanisms import access, export
from ovoz.mechanisms.forms import RecommendationForm, StatusForm
from ovoz.mechanisms.models import Recommendation, Status
from ovoz.mechanisms.services import (
    recommendation_create,
    recommendation_delete,
    recommendation_status_record,
    recommendation_update,
)
from ovoz.mechanisms.views.common import clean_choice
from ovoz.programmes.access import get_programme_for_user, is_coordinator_of
from ovoz.publishing.access import findings_visible_to
from ovoz.web.pagination import paginate

GROUPS = {"addressee": "addressee", "theme": "theme", "mechanism": "mechanism__short_name", "status": "status"}


def _programme(request, programme_id):
    programme = get_programme_for_user(request.user, programme_id)
    if not access.can_see_programme_recommendations(request.user, programme.pk):
        raise Http404
    return programme


def _filtered(request, programme):
    base = access.recommendations_visible_to(request.user).filter(programme=programme)
    mechanisms = {str(m["mechanism_id"]): m["mechanism__short_name"]
                  for m in base.exclude(mechanism=None).values("mechanism_id", "mechanism__short_name")}
    addressees = sorted(set(base.values_list("addressee", flat=True)))
    themes = sorted(set(base.exclude(theme="").values_list("theme", flat=True)))
    filters = {
        "q": request.GET.get("q", "").strip()[:100],
        "addressee": clean_choice(request.GET.get("addressee", ""), set(addressees)),
        "theme": clean_choice(request.GET.get("theme", ""), set(themes)),
        "mechanism": clean_choice(request.GET.get("mechanism", ""), set(mechanisms)),
        "status": clean_choice(request.GET.get("status", ""), set(Status.values)),
        "origin": clean_choice(request.GET.get("origin", ""), set(Recommendation.Origin.values)),
        "by": clean_choice(request.GET.get("by", ""), set(GROUPS)),
    }
    qs = base
    if filters["q"]:
        qs = qs.filter(Q(text__icontains=filters["q"]) | Q(reference__icontains=filters["q"])
                       | Q(addressee__icontains=filters["q"]))
    for name in ("addressee", "theme", "status", "origin"):
        if filters[name]:
            qs = qs.filter(**{name: filters[name]})
    if filters["mechanism"]:
        qs = qs.filter(mechanism_id=int(filters["mechanism"]))
    choices = {"addressees": addressees, "themes": themes, "mechanisms": sorted(mechanisms.items(),
                                                                                 key=lambda kv: kv[1])}
    return qs, filters, choices


@login_required
def tracker_view(request, programme_id: int):
    programme = _programme(request, programme_id)
    qs, filters, choices = _filtered(request, programme)
    groups = []
    if filters["by"]:
        key = GROUPS[filters["by"]]
        counts = qs.values(key, "status").annotate(n=Count("pk")).order_by(key, "status")
        table: dict = {}
        for row in counts:
            label = row[key] or "—"
            if filters["by"] == "status":
                label = Status(row[key]).label
            table.setdefault(label, dict.fromkeys(Status.values, 0))[row["status"]] = row["n"]
        groups = [{"label": label, "cells": [cells[s] for s in Status.values], "total": sum(cells.values())}
                  for label, cells in table.items()]
    page = paginate(request, qs.order_by("addressee", "pk"), per_page=30)
    query = urlencode({k: v for k, v in filters.items() if v})
    return render(request, "mechanisms/tracker.html", {
        "programme": programme, "page": page, "filters": filters, "query": query, **choices,
        "statuses": Status.choices, "origins": Recommendation.Origin.choices, "groups": groups,
        "group_choices": [("addressee", _("Addressee")), ("theme", _("Theme")), ("mechanism", _("Mechanism")),
                          ("status", _("Status"))],
        "can_add": access.manageable_partnerships(request.user, programme).exists()
        or is_coordinator_of(request.user, programme.pk),
        "export_query": urlencode({k: v for k, v in filters.items() if v and k != "by"}),
    })


@login_required
def tracker_export_view(request, programme_id: int, fmt: str):
    programme = _programme(request, programme_id)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    qs, filters, _choices = _filtered(request, programme)
    qs = qs.prefetch_related("articles__instrument", "history").order_by("addressee", "pk")
    table = export.rows(qs)
    audit_write(actor=request.user, action="recommendation.export", programme=programme,
                changes={"format": fmt, "rows": len(table) - 1, "filters": {k: v for k, v in filters.items() if v}})
    if fmt == "csv":
        data, content_type = export.to_csv(table), "text/csv; charset=utf-8"
    else:
        data = export.to_xlsx(table)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="recommendations-{timezone.localdate()}.{fmt}"'
    return response


def _form(request, programme, instance=None):
    user = request.user
    partnerships = access.manageable_partnerships(user, programme)
    findings = findings_visible_to(user).filter(programme=programme)
    activities = Activity.objects.filter(plan__programme=programme).select_related("plan")
    if not is_coordinator_of(user, programme.pk):
        ids = list(partnerships.values_list("pk", flat=True))
        activities = activities.filter(plan__partnership_id__in=ids)
    return RecommendationForm(request.POST or None, instance=instance, partnerships=partnerships, findings=findings,
                              activities=activities, allow_programme=is_coordinator_of(user, programme.pk))


def _values(form) -> dict:
    data = dict(form.cleaned_data)
    data.pop("partnership", None)
    return data


@login_required
def recommendation_create_view(request, programme_id: int):
    programme = _programme(request, programme_id)
    if not (is_coordinator_of(request.user, programme.pk)
            or access.manageable_partnerships(request.user, programme).exists()):
        raise Http404
    form = _form(request, programme)
    if request.method == "POST" and form.is_valid():
        partnership = form.cleaned_data.get("partnership")
        if not access.can_manage_recommendations(request.user, programme.pk, partnership):
            raise Http404
        try:
            rec = recommendation_create(actor=request.user, programme=programme, partnership=partnership,
                                        **_values(form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The recommendation is added to the tracker."))
            return redirect("mechanisms:recommendation", pk=rec.pk)
    return render(request, "mechanisms/recommendation_form.html", {"form": form, "programme": programme,
                                                                    "recommendation": None})


@login_required
def recommendation_detail_view(request, pk: int):
    rec = access.get_recommendation_for_user(request.user, pk)
    can_edit = access.can_manage_recommendations(request.user, rec.programme_id, rec.partnership)
    return render(request, "mechanisms/recommendation_detail.html", {
        "rec": rec, "history": rec.history.select_related("recorded_by").order_by("observed_on", "pk"),
        "articles": rec.articles.select_related("instrument"),
        "findings": findings_visible_to(request.user).filter(pk__in=rec.findings.values("pk")),
        "activities": rec.activities.select_related("plan"), "can_edit": can_edit,
        "status_form": StatusForm(initial={"observed_on": timezone.localdate()}) if can_edit else None,
    })


@login_required
def recommendation_edit_view(request, pk: int):
    rec = access.get_recommendation_for_user(request.user, pk, write=True)
    form = _form(request, rec.programme, instance=copy.copy(rec))
    form.fields.pop("partnership")
    if request.method == "POST" and form.is_valid():
        try:
            recommendation_update(actor=request.user, recommendation=rec, **_values(form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The recommendation is saved."))
            return redirect("mechanisms:recommendation", pk=rec.pk)
    return render(request, "mechanisms/recommendation_form.html", {"form": form, "programme": rec.programme,
                                                                    "recommendation": rec})


@login_required
def recommendation_delete_view(request, pk: int):
    rec = access.get_recommendation_for_user(request.user, pk, write=True)
    error = ""
    if request.method == "POST":
        try:
            recommendation_delete(actor=request.user, recommendation=rec)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("The recommendation is deleted."))
            return redirect("mechanisms:tracker", programme_id=rec.programme_id)
    return render(request, "mechanisms/confirm.html", {
        "title": _("Delete this recommendation?"), "object": rec,
        "cancel_href": reverse("mechanisms:recommendation", kwargs={"pk": rec.pk}), "error": error,
        "blocked": rec.history.exists(),
        "explain": _("Only a recommendation whose status was never recorded can be deleted."),
    })


@login_required
def recommendation_status_view(request, pk: int):
    rec = access.get_recommendation_for_user(request.user, pk, write=True)
    form = StatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            recommendation_status_record(actor=request.user, recommendation=rec, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The change is recorded in the status history."))
            return redirect("mechanisms:recommendation", pk=rec.pk)
    return render(request, "mechanisms/status_form.html", {"form": form, "rec": rec})
