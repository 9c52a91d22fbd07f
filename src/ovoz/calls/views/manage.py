"""The coordinator's pages: a programme's calls, one call, its criteria, reviewers and applications."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.accounts.roles import Role
from ovoz.audit.models import AuditEntry
from ovoz.audit.services import audit_write
from ovoz.calls import access, eligibility
from ovoz.calls.forms import CallForm, CriterionFormSet, ReviewerAddForm
from ovoz.calls.models import Call, Review
from ovoz.calls.services import (
    call_close,
    call_create,
    call_publish,
    call_reviewer_add,
    call_reviewer_remove,
    call_set_criteria,
    call_set_focus_areas,
    call_update,
)
from ovoz.programmes import access as programme_access
from ovoz.programmes.models import COUNTRIES
from ovoz.web.pagination import paginate


def _errors(request, exc: ValidationError) -> None:
    for m in exc.messages:
        messages.error(request, m)


@login_required
def call_list_view(request, programme_id: int):
    programme = programme_access.get_programme_for_user(request.user, programme_id, write=True)
    calls = (
        access.calls_visible_to(request.user)
        .filter(programme=programme)
        .annotate(
            n_applications=Count("applications", distinct=True),
            n_eligible=Count("applications", filter=Q(applications__eligible=True), distinct=True),
            n_selected=Count("applications", filter=Q(applications__selected=True), distinct=True),
        )
        .order_by("-opens_on", "pk")
    )
    return render(
        request, "calls/call_list.html", {"programme": programme, "page": paginate(request, calls, per_page=20)}
    )


@login_required
def call_create_view(request, programme_id: int):
    programme = programme_access.get_programme_for_user(request.user, programme_id, write=True)
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            call = call_create(
                actor=request.user,
                programme=programme,
                title=d["title"],
                description=d["description"],
                eligibility=d["eligibility"],
                opens_on=d["opens_on"],
                closes_on=d["closes_on"],
                places_min=d["places_min"],
                places_max=d["places_max"],
                focus_areas=form.focus_area_names(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The call is created as a draft. Add its selection criteria next."))
            return redirect("calls:criteria", pk=call.pk)
    return render(request, "calls/call_form.html", {"programme": programme, "form": form, "call": None})


@login_required
def call_detail_view(request, pk: int):
    call = access.get_call_for_user(request.user, pk, write=True)
    counts = call.applications.aggregate(
        total=Count("pk"),
        eligible=Count("pk", filter=Q(eligible=True)),
        selected=Count("pk", filter=Q(selected=True)),
    )
    reviewers = call.reviewer_links.select_related("user")
    return render(
        request,
        "calls/call_detail.html",
        {
            "call": call,
            "counts": counts,
            "focus_areas": call.focus_areas.all(),
            "criteria": call.criteria.all(),
            "reviewers": reviewers,
            "public_url": request.build_absolute_uri(f"/calls/{call.pk}/"),
            "tab": "detail",
        },
    )


@login_required
def call_edit_view(request, pk: int):
    call = access.get_call_for_user(request.user, pk, write=True)
    if call.is_announced:
        messages.error(request, _("The selection of this call is announced; it can no longer be changed."))
        return redirect("calls:detail", pk=call.pk)
    locked = call.applications.exists()
    initial = {
        "title": call.title,
        "description": call.description,
        "eligibility": call.eligibility,
        "focus_areas": "\n".join(f.name for f in call.focus_areas.all()),
        "opens_on": call.opens_on,
        "closes_on": call.closes_on,
        "places_min": call.places_min,
        "places_max": call.places_max,
    }
    form = CallForm(request.POST or None, initial=initial, focus_areas_locked=locked)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            with transaction.atomic():
                call_update(
                    actor=request.user,
                    call=call,
                    **{k: d[k] for k in ("title", "description", "eligibility", "opens_on", "closes_on",
                                         "places_min", "places_max")},
                )
                if not locked:
                    call_set_focus_areas(actor=request.user, call=call, names=form.focus_area_names())
        except ValidationError as exc:
            call.refresh_from_db()
            form.add_error(None, exc)
        else:
            messages.success(request, _("The call is saved."))
            return redirect("calls:detail", pk=call.pk)
    return render(request, "calls/call_form.html", {"programme": call.programme, "form": form, "call": call})


@login_required
def criteria_view(request, pk: int):
    call = access.get_call_for_user(request.user, pk, write=True)
    criteria = list(call.criteria.all())
    initial = [{"id": c.pk, "name": c.name, "description": c.description, "weight": c.weight} for c in criteria]
    formset = CriterionFormSet(request.POST or None, initial=initial, prefix="criteria")
    if request.method == "POST" and not call.is_announced and formset.is_valid():
        rows = [
            f.cleaned_data
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("name")
        ]
        try:
            call_set_criteria(actor=request.user, call=call, rows=rows)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("The criteria are saved."))
            return redirect("calls:criteria", pk=call.pk)
    total = sum(c.weight for c in criteria) or 1
    shares = [(c, round(100 * c.weight / total)) for c in criteria]
    return render(
        request, "calls/criteria.html", {"call": call, "formset": formset, "shares": shares, "tab": "criteria"}
    )


@login_required
@require_POST
def call_state_view(request, pk: int):
    """Publish, close or open again, from the buttons on the call's page."""
    call = access.get_call_for_user(request.user, pk, write=True)
    action = request.POST.get("action")
    try:
        if action == "publish":
            call_publish(actor=request.user, call=call)
            messages.success(request, _("The call is published: its public page and form are online."))
        elif action == "close":
            call_close(actor=request.user, call=call)
            messages.success(request, _("The call is closed: the form is offline. Reviews and selection go on."))
        else:
            messages.error(request, _("Choose what to do with the call."))
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("calls:detail", pk=call.pk)


def _coordinators(call: Call):
    User = get_user_model()
    return User.objects.filter(
        memberships__programme=call.programme, memberships__role=Role.COORDINATOR, is_active=True
    ).order_by("username")


@login_required
def reviewers_view(request, pk: int):
    call = access.get_call_for_user(request.user, pk, write=True)
    coordinators = list(_coordinators(call))
    form = ReviewerAddForm(request.POST or None, coordinators=coordinators)
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["coordinator"] or form.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username__iexact=username, is_active=True).first()
        if user is None:
            form.add_error("username", _("There is no active account with that username."))
        else:
            try:
                call_reviewer_add(actor=request.user, call=call, user=user)
            except ValidationError as exc:
                _errors(request, exc)
            else:
                messages.success(request, _("%(name)s reviews this call.") % {"name": user.display_name})
                return redirect("calls:reviewers", pk=call.pk)
    links = call.reviewer_links.select_related("user")
    progress = dict(
        Review.objects.filter(application__call=call, submitted_at__isnull=False)
        .values("reviewer_id")
        .annotate(n=Count("pk"))
        .values_list("reviewer_id", "n")
    )
    n_eligible = call.applications.filter(eligible=True).count()
    rows = [(link, progress.get(link.user_id, 0)) for link in links]
    return render(
        request,
        "calls/reviewers.html",
        {"call": call, "form": form, "rows": rows, "n_eligible": n_eligible, "tab": "reviewers"},
    )


@login_required
@require_POST
def reviewer_remove_view(request, pk: int, user_id: int):
    call = access.get_call_for_user(request.user, pk, write=True)
    link = call.reviewer_links.select_related("user").filter(user_id=user_id).first()
    if link is None:
        messages.error(request, _("That person does not review this call."))
    else:
        try:
            call_reviewer_remove(actor=request.user, call=call, user=link.user)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("%(name)s no longer reviews this call.") % {"name": link.user.display_name})
    return redirect("calls:reviewers", pk=call.pk)


ELIGIBILITY_FILTERS = {"eligible": True, "ineligible": False}


@login_required
def applications_view(request, pk: int):
    call = access.get_call_for_user(request.user, pk, write=True)
    qs = call.applications.select_related("call__programme").prefetch_related("focus_areas")
    status = request.GET.get("status", "")
    if status in ELIGIBILITY_FILTERS:
        qs = qs.filter(eligible=ELIGIBILITY_FILTERS[status])
    country = request.GET.get("country", "")
    if country in dict(COUNTRIES):
        qs = qs.filter(country=country)
    focus = request.GET.get("focus", "")
    focus_areas = list(call.focus_areas.all())
    if focus.isdigit() and int(focus) in {f.pk for f in focus_areas}:
        qs = qs.filter(focus_areas__pk=int(focus))
    rows = []
    q = request.GET.get("q", "").strip()
    for a in qs:
        # Names are encrypted in the database, so the search runs here, on the call's applications only.
        if q and q.casefold() not in a.organisation_name.casefold():
            continue
        results = eligibility.check(a, focus_area_count=len(a.focus_areas.all()))
        rows.append((a, [r for r in results if not r.passed]))
    query = "&".join(f"{k}={v}" for k, v in (("status", status), ("country", country), ("focus", focus), ("q", q)) if v)
    return render(
        request,
        "calls/applications.html",
        {
            "call": call,
            "page": paginate(request, rows, per_page=50),
            "status": status,
            "country": country,
            "focus": focus,
            "q": q,
            "query": query,
            "countries": COUNTRIES,
            "focus_areas": focus_areas,
            "tab": "applications",
        },
    )


@login_required
def application_detail_view(request, pk: int):
    application = access.get_application_for_user(request.user, pk)
    call = application.call
    reviews = (
        application.reviews.filter(submitted_at__isnull=False)
        .select_related("reviewer")
        .prefetch_related("scores__criterion")
    )
    audit_write(
        actor=request.user,
        action="read",
        obj=application,
        object_repr=f"application {application.pk} to call {call.pk}",
        programme=call.programme,
        kind=AuditEntry.Kind.READ,
        changes={"reason": "application detail"},
        ip_address=request.META.get("REMOTE_ADDR"),
    )
    return render(
        request,
        "calls/application_detail.html",
        {
            "call": call,
            "application": application,
            "results": eligibility.check(application),
            "focus_areas": application.focus_areas.all(),
            "reviews": reviews,
            "n_drafts": application.reviews.filter(submitted_at__isnull=True).count(),
            "invite_rows": [
                (user, role)
                for user, role in ((application.researcher_user, "researcher"), (application.mentor_user, "mentor"))
                if user is not None
            ],
            "tab": "applications",
        },
    )
