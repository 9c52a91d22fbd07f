"""Critical pathways: ordered steps towards an impact objective."""

import copy

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.advocacy import access
from ovoz.advocacy.forms import PathwayForm, StepForm
from ovoz.advocacy.models import PathwayStep, StepStatus
from ovoz.advocacy.services.power import (
    pathway_create,
    pathway_delete,
    pathway_update,
    step_add,
    step_delete,
    step_update,
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


@login_required
def pathway_list_view(request):
    qs, ctx = filter_by_scope(request, access.pathways_visible_to(request.user))
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(objective__icontains=q))
    qs = qs.annotate(n_steps=Count("steps"), n_done=Count("steps", filter=Q(steps__status=StepStatus.DONE))).order_by(
        "programme__title", "partnership__organisation__name", "title", "pk")
    page = paginate(request, qs, per_page=PER_PAGE)
    return render(request, "advocacy/pathway_list.html",
                  {**ctx, "page": page, "q": q, "query": query_without_page(request)})


@login_required
def pathway_create_view(request):
    if not request.GET.get("scope"):
        return pick_scope(request, title=_("New critical pathway"), url_name="advocacy:pathway_create")
    programme, partnership = scope_or_404(request.user, request.GET["scope"], write=True)

    def save(data):
        pathway = pathway_create(actor=request.user, programme=programme, partnership=partnership, **data)
        return reverse("advocacy:pathway_detail", args=[pathway.pk])

    return form_page(request, form=PathwayForm(request.POST or None), title=_("New critical pathway"),
                     back=reverse("advocacy:pathway_list"), save=save, heading_note=label(programme, partnership))


@login_required
def pathway_detail_view(request, pk: int):
    pathway = access.get_pathway_for_user(request.user, pk)
    return render(request, "advocacy/pathway_detail.html", {
        "pathway": pathway, "steps": pathway.steps.all(), "can_edit": access.can_edit(request.user, pathway),
        "today": timezone.localdate(), "done": StepStatus.DONE, "dropped": StepStatus.DROPPED,
    })


@login_required
def pathway_edit_view(request, pk: int):
    pathway = access.get_pathway_for_user(request.user, pk, write=True)
    back = reverse("advocacy:pathway_detail", args=[pathway.pk])

    def save(data):
        pathway_update(actor=request.user, pathway=pathway, **data)
        return back

    return form_page(request, form=PathwayForm(request.POST or None, instance=copy.copy(pathway)),
                     title=_("Edit the critical pathway"), back=back, save=save,
                     delete_url=reverse("advocacy:pathway_delete", args=[pathway.pk]))


@login_required
def pathway_delete_view(request, pk: int):
    pathway = access.get_pathway_for_user(request.user, pk, write=True)
    return confirm_delete(
        request, obj=pathway, what=_("critical pathway"), back=reverse("advocacy:pathway_detail", args=[pathway.pk]),
        delete=lambda: pathway_delete(actor=request.user, pathway=pathway),
        done_url=reverse("advocacy:pathway_list"),
        consequences=_("Its %(n)s steps are deleted with it.") % {"n": pathway.steps.count()},
    )


@login_required
def step_create_view(request, pk: int):
    pathway = access.get_pathway_for_user(request.user, pk, write=True)
    back = reverse("advocacy:pathway_detail", args=[pathway.pk])

    def save(data):
        step_add(actor=request.user, pathway=pathway, **data)
        return back

    return form_page(request, form=StepForm(request.POST or None), title=_("Add a step"), back=back, save=save,
                     heading_note=pathway.title)


@login_required
def step_edit_view(request, pk: int):
    step = access.get_child_for_user(request.user, PathwayStep, pk, "pathway", write=True)
    back = reverse("advocacy:pathway_detail", args=[step.pathway_id])

    def save(data):
        step_update(actor=request.user, step=step, **data)
        return back

    return form_page(request, form=StepForm(request.POST or None, instance=copy.copy(step)), title=_("Edit a step"),
                     back=back, save=save, heading_note=step.pathway.title,
                     delete_url=reverse("advocacy:step_delete", args=[step.pk]))


@login_required
def step_delete_view(request, pk: int):
    step = access.get_child_for_user(request.user, PathwayStep, pk, "pathway", write=True)
    back = reverse("advocacy:pathway_detail", args=[step.pathway_id])
    return confirm_delete(request, obj=step, what=_("step"), back=back, done_url=back,
                          delete=lambda: step_delete(actor=request.user, step=step))
