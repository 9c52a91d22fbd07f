"""Theories of Change: list, diagram page (click a box to edit it), A3 print page, SVG download, forms."""

import copy

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ovoz.advocacy import access
from ovoz.advocacy.forms import NodeForm, TocForm
from ovoz.advocacy.models import ChangeNode
from ovoz.advocacy.services.toc import node_add, node_delete, node_update, toc_create, toc_delete, toc_update
from ovoz.advocacy.svg import toc as toc_svg
from ovoz.advocacy.views.common import (
    PER_PAGE,
    confirm_delete,
    filter_by_scope,
    form_page,
    pick_scope,
    query_without_page,
    scope_or_404,
)
from ovoz.web.pagination import paginate


@login_required
def toc_list_view(request):
    qs, ctx = filter_by_scope(request, access.tocs_visible_to(request.user))
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(goal__icontains=q))
    qs = qs.annotate(n_nodes=Count("nodes")).order_by("programme__title", "partnership__organisation__name", "title")
    page = paginate(request, qs, per_page=PER_PAGE)
    return render(request, "advocacy/toc_list.html",
                  {**ctx, "page": page, "q": q, "query": query_without_page(request)})


@login_required
def toc_create_view(request):
    if not request.GET.get("scope"):
        return pick_scope(request, title=_("New Theory of Change"), url_name="advocacy:toc_create")
    programme, partnership = scope_or_404(request.user, request.GET["scope"], write=True)

    def save(data):
        toc = toc_create(actor=request.user, programme=programme, partnership=partnership, **data)
        return reverse("advocacy:toc_detail", args=[toc.pk])

    return form_page(request, form=TocForm(request.POST or None), title=_("New Theory of Change"),
                     back=reverse("advocacy:toc_list"), save=save,
                     heading_note=str(partnership.organisation if partnership else programme))


def _nodes(toc) -> list[ChangeNode]:
    return list(toc.nodes.all())


@login_required
def toc_detail_view(request, pk: int):
    toc = access.get_toc_for_user(request.user, pk)
    can_edit = access.can_edit(request.user, toc)
    nodes = _nodes(toc)
    link = (lambda n: reverse("advocacy:node_edit", args=[n.pk])) if can_edit else None
    svg = toc_svg.render(toc, nodes, link=link)
    codes = toc_svg.codes_for(nodes)
    rows = sorted(nodes, key=lambda n: (list(ChangeNode.Kind.values).index(n.kind), n.position, n.pk))
    return render(request, "advocacy/toc_detail.html", {
        "toc": toc, "svg": svg, "can_edit": can_edit,
        "rows": [(n, codes[n.pk], codes.get(n.leads_to_id, "")) for n in rows],
        "form": NodeForm(toc=toc) if can_edit else None,
    })


@login_required
def toc_svg_view(request, pk: int):
    toc = access.get_toc_for_user(request.user, pk)
    response = HttpResponse(toc_svg.render(toc, _nodes(toc), print_size=True), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="theory-of-change-{toc.pk}.svg"'
    return response


@login_required
def toc_print_view(request, pk: int):
    toc = access.get_toc_for_user(request.user, pk)
    return render(request, "advocacy/toc_print.html",
                  {"toc": toc, "svg": toc_svg.render(toc, _nodes(toc), print_size=True)})


@login_required
def toc_edit_view(request, pk: int):
    toc = access.get_toc_for_user(request.user, pk, write=True)

    def save(data):
        toc_update(actor=request.user, toc=toc, **data)
        return reverse("advocacy:toc_detail", args=[toc.pk])

    return form_page(request, form=TocForm(request.POST or None, instance=copy.copy(toc)),
                     title=_("Edit the Theory of Change"), back=reverse("advocacy:toc_detail", args=[toc.pk]),
                     save=save)


@login_required
def toc_delete_view(request, pk: int):
    toc = access.get_toc_for_user(request.user, pk, write=True)
    return confirm_delete(
        request, obj=toc, what=_("Theory of Change"), back=reverse("advocacy:toc_detail", args=[toc.pk]),
        delete=lambda: toc_delete(actor=request.user, toc=toc), done_url=reverse("advocacy:toc_list"),
        consequences=_("Its %(n)s elements are deleted with it.") % {"n": toc.nodes.count()},
    )


@login_required
def node_create_view(request, pk: int):
    toc = access.get_toc_for_user(request.user, pk, write=True)
    back = reverse("advocacy:toc_detail", args=[toc.pk])

    def save(data):
        node_add(actor=request.user, toc=toc, **data)
        return back

    initial = {"kind": request.GET.get("kind")} if request.GET.get("kind") in ChangeNode.Kind.values else None
    return form_page(request, form=NodeForm(request.POST or None, toc=toc, initial=initial),
                     title=_("Add an element"), back=back, save=save, heading_note=toc.title)


@login_required
def node_edit_view(request, pk: int):
    node = access.get_child_for_user(request.user, ChangeNode, pk, "toc", write=True)
    back = reverse("advocacy:toc_detail", args=[node.toc_id])

    def save(data):
        node_update(actor=request.user, node=node, **data)
        return back

    return form_page(request, form=NodeForm(request.POST or None, toc=node.toc, instance=copy.copy(node)),
                     title=_("Edit an element"), back=back, save=save, heading_note=node.toc.title,
                     delete_url=reverse("advocacy:node_delete", args=[node.pk]))


@login_required
def node_delete_view(request, pk: int):
    node = access.get_child_for_user(request.user, ChangeNode, pk, "toc", write=True)
    back = reverse("advocacy:toc_detail", args=[node.toc_id])
    return confirm_delete(request, obj=node, what=_("element"), back=back, done_url=back,
                          delete=lambda: node_delete(actor=request.user, node=node),
                          consequences=_("Elements that led to it will lead straight to the goal."))
