"""Advocacy plans: the plan by level (objectives, asks, activities, outcomes), its budget and the proposal it
feeds, and the forms of each part."""

import copy
from collections import defaultdict
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, Sum
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ovoz.advocacy import access
from ovoz.advocacy.forms import ActivityForm, AskForm, ObjectiveForm, PlanForm
from ovoz.advocacy.models import Activity, Ask, Level, Objective, StepStatus
from ovoz.advocacy.services.plans import (
    activity_add,
    activity_delete,
    activity_update,
    ask_add,
    ask_delete,
    ask_update,
    objective_add,
    objective_delete,
    objective_update,
    plan_create,
    plan_delete,
    plan_feed_proposal,
    plan_total,
    plan_update,
    proposal_lines,
)
from ovoz.advocacy.views.common import (
    PER_PAGE,
    confirm_delete,
    filter_by_scope,
    form_page,
    label,
    pick_scope,
    query_without_page,
    scope_or_404,
)
from ovoz.web.pagination import paginate


def _proposals(user, partnership):
    from ovoz.grants.access import proposals_visible_to

    if partnership is None:
        return proposals_visible_to(user).none()
    return proposals_visible_to(user).filter(partnership=partnership)


def _actors(user, plan):
    return access.actors_visible_to(user).filter(programme_id=plan.programme_id).filter(
        Q(partnership_id=plan.partnership_id) | Q(partnership__isnull=True))


def _findings(user, plan):
    from ovoz.publishing.access import findings_visible_to

    return findings_visible_to(user).filter(programme_id=plan.programme_id).filter(
        Q(partnership_id=plan.partnership_id) | Q(partnership__isnull=True))


@login_required
def plan_list_view(request):
    qs, ctx = filter_by_scope(request, access.plans_visible_to(request.user))
    q = request.GET.get("q", "").strip()
    level = request.GET.get("level", "")
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(summary__icontains=q))
    if level in Level.values:
        qs = qs.filter(pk__in=Objective.objects.filter(level=level).values("plan_id"))
    else:
        level = ""
    qs = qs.annotate(n_activities=Count("activities", distinct=True), total=Sum("activities__budget")).order_by(
        "-starts_on", "title", "pk")
    page = paginate(request, qs, per_page=PER_PAGE)
    return render(request, "advocacy/plan_list.html", {**ctx, "page": page, "q": q, "level": level,
                                                       "levels": Level.choices, "query": query_without_page(request)})


@login_required
def plan_create_view(request):
    if not request.GET.get("scope"):
        return pick_scope(request, title=_("New advocacy plan"), url_name="advocacy:plan_create")
    programme, partnership = scope_or_404(request.user, request.GET["scope"], write=True)

    def save(data):
        plan = plan_create(actor=request.user, programme=programme, partnership=partnership, **data)
        return reverse("advocacy:plan_detail", args=[plan.pk])

    form = PlanForm(request.POST or None, proposals=_proposals(request.user, partnership),
                    initial={"currency": "USD", "starts_on": programme.starts_on, "ends_on": programme.ends_on})
    return form_page(request, form=form, title=_("New advocacy plan"), back=reverse("advocacy:plan_list"),
                     save=save, heading_note=label(programme, partnership))


@login_required
def plan_detail_view(request, pk: int):
    plan = access.get_plan_for_user(request.user, pk)
    objectives = list(plan.objectives.all())
    asks = list(plan.asks.select_related("objective").prefetch_related("targets", "findings"))
    activities = list(plan.activities.select_related("objective").prefetch_related("targets"))
    levels = []
    for value, name in Level.choices:
        level_activities = [a for a in activities if a.level == value]
        levels.append({
            "value": value, "label": name,
            "objectives": [o for o in objectives if o.level == value],
            "asks": [a for a in asks if a.objective and a.objective.level == value],
            "activities": level_activities,
            "total": sum((a.budget for a in level_activities), Decimal("0.00")),
        })
    by_category = defaultdict(Decimal)
    for a in activities:
        by_category[a.budget_category] += a.budget
    from ovoz.grants.models import BudgetCategory

    categories = dict(BudgetCategory.choices)
    proposal_total = None
    if plan.proposal_id:
        from ovoz.grants.services.proposals import proposal_total as grants_total

        proposal_total = grants_total(plan.proposal)
    return render(request, "advocacy/plan_detail.html", {
        "plan": plan, "levels": levels, "can_edit": access.can_edit(request.user, plan),
        "loose_asks": [a for a in asks if a.objective is None],
        "total": sum((a.budget for a in activities), Decimal("0.00")),
        "by_category": [(categories.get(k, k), v) for k, v in sorted(by_category.items())],
        "proposal_total": proposal_total, "done": StepStatus.DONE,
        "campaigns": plan.campaigns.all(),
    })


@login_required
def plan_edit_view(request, pk: int):
    plan = access.get_plan_for_user(request.user, pk, write=True)
    back = reverse("advocacy:plan_detail", args=[plan.pk])

    def save(data):
        plan_update(actor=request.user, plan=plan, **data)
        return back

    form = PlanForm(request.POST or None, instance=copy.copy(plan), proposals=_proposals(request.user,
                                                                                         plan.partnership))
    return form_page(request, form=form, title=_("Edit the advocacy plan"), back=back, save=save,
                     delete_url=reverse("advocacy:plan_delete", args=[plan.pk]))


@login_required
def plan_delete_view(request, pk: int):
    plan = access.get_plan_for_user(request.user, pk, write=True)
    return confirm_delete(
        request, obj=plan, what=_("advocacy plan"), back=reverse("advocacy:plan_detail", args=[plan.pk]),
        delete=lambda: plan_delete(actor=request.user, plan=plan), done_url=reverse("advocacy:plan_list"),
        consequences=_("Its objectives, asks and %(n)s activities are deleted with it.")
        % {"n": plan.activities.count()},
    )


@login_required
def plan_feed_view(request, pk: int):
    """Confirm, then write the plan's budget into its advocacy proposal (replacing the proposal's lines)."""
    plan = access.get_plan_for_user(request.user, pk, write=True)
    back = reverse("advocacy:plan_detail", args=[plan.pk])
    if request.method == "POST":
        try:
            plan_feed_proposal(actor=request.user, plan=plan)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The proposal's budget now follows this plan."))
        return redirect(back)
    from ovoz.grants.models import BudgetCategory

    categories = dict(BudgetCategory.choices)
    current = list(plan.proposal.budget_lines.all()) if plan.proposal_id else []
    return render(request, "advocacy/plan_feed.html", {
        "plan": plan, "back": back, "current": current, "total": plan_total(plan),
        "lines": [(categories.get(c, c), d, a) for c, d, a in proposal_lines(plan)],
    })


def _part_page(request, *, plan, form, title, save, delete_url=""):
    back = reverse("advocacy:plan_detail", args=[plan.pk])

    def go(data):
        save(data)
        return back

    return form_page(request, form=form, title=title, back=back, save=go, heading_note=plan.title,
                     delete_url=delete_url)


@login_required
def objective_create_view(request, pk: int):
    plan = access.get_plan_for_user(request.user, pk, write=True)
    initial = {"level": request.GET.get("level")} if request.GET.get("level") in Level.values else None
    return _part_page(request, plan=plan, form=ObjectiveForm(request.POST or None, initial=initial),
                      title=_("Add an objective"),
                      save=lambda data: objective_add(actor=request.user, plan=plan, **data))


@login_required
def objective_edit_view(request, pk: int):
    objective = access.get_child_for_user(request.user, Objective, pk, "plan", write=True)
    return _part_page(request, plan=objective.plan, title=_("Edit an objective"),
                      form=ObjectiveForm(request.POST or None, instance=copy.copy(objective)),
                      save=lambda data: objective_update(actor=request.user, objective=objective, **data),
                      delete_url=reverse("advocacy:objective_delete", args=[objective.pk]))


@login_required
def objective_delete_view(request, pk: int):
    objective = access.get_child_for_user(request.user, Objective, pk, "plan", write=True)
    back = reverse("advocacy:plan_detail", args=[objective.plan_id])
    return confirm_delete(request, obj=objective, what=_("objective"), back=back, done_url=back,
                          delete=lambda: objective_delete(actor=request.user, objective=objective),
                          consequences=_("Its asks and activities stay in the plan, without an objective."))


@login_required
def ask_create_view(request, pk: int):
    plan = access.get_plan_for_user(request.user, pk, write=True)
    form = AskForm(request.POST or None, plan=plan, actors=_actors(request.user, plan),
                   findings=_findings(request.user, plan))
    return _part_page(request, plan=plan, form=form, title=_("Add an ask"),
                      save=lambda data: ask_add(actor=request.user, plan=plan, **data))


@login_required
def ask_edit_view(request, pk: int):
    ask = access.get_child_for_user(request.user, Ask, pk, "plan", write=True)
    plan = ask.plan
    form = AskForm(request.POST or None, instance=copy.copy(ask), plan=plan, actors=_actors(request.user, plan),
                   findings=_findings(request.user, plan))
    return _part_page(request, plan=plan, form=form, title=_("Edit an ask"),
                      save=lambda data: ask_update(actor=request.user, ask=ask, **data),
                      delete_url=reverse("advocacy:ask_delete", args=[ask.pk]))


@login_required
def ask_delete_view(request, pk: int):
    ask = access.get_child_for_user(request.user, Ask, pk, "plan", write=True)
    back = reverse("advocacy:plan_detail", args=[ask.plan_id])
    return confirm_delete(request, obj=ask, what=_("ask"), back=back, done_url=back,
                          delete=lambda: ask_delete(actor=request.user, ask=ask))


@login_required
def activity_create_view(request, pk: int):
    plan = access.get_plan_for_user(request.user, pk, write=True)
    initial = {"level": request.GET.get("level")} if request.GET.get("level") in Level.values else {}
    initial.update(budget_category="advocacy", starts_on=plan.starts_on, ends_on=plan.starts_on)
    form = ActivityForm(request.POST or None, plan=plan, actors=_actors(request.user, plan), initial=initial)
    return _part_page(request, plan=plan, form=form, title=_("Add an activity"),
                      save=lambda data: activity_add(actor=request.user, plan=plan, **data))


@login_required
def activity_edit_view(request, pk: int):
    activity = access.get_child_for_user(request.user, Activity, pk, "plan", write=True)
    plan = activity.plan
    form = ActivityForm(request.POST or None, instance=copy.copy(activity), plan=plan,
                        actors=_actors(request.user, plan))
    return _part_page(request, plan=plan, form=form, title=_("Edit an activity"),
                      save=lambda data: activity_update(actor=request.user, activity=activity, **data),
                      delete_url=reverse("advocacy:activity_delete", args=[activity.pk]))


@login_required
def activity_delete_view(request, pk: int):
    activity = access.get_child_for_user(request.user, Activity, pk, "plan", write=True)
    back = reverse("advocacy:plan_detail", args=[activity.plan_id])
    return confirm_delete(request, obj=activity, what=_("activity"), back=back, done_url=back,
                          delete=lambda: activity_delete(actor=request.user, activity=activity))
