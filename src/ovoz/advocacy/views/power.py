"""The power map (grid, placing actors by click, drag or form) and the actors' forms."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.advocacy import access
from ovoz.advocacy.forms import ActorForm, PlaceForm
from ovoz.advocacy.models import Actor
from ovoz.advocacy.services.power import actor_create, actor_delete, actor_place, actor_update
from ovoz.advocacy.svg import powermap
from ovoz.advocacy.views.common import (
    PER_PAGE,
    confirm_delete,
    filter_by_scope,
    form_page,
    label,
    pick_scope,
    query_without_page,
    scope_or_404,
    token,
)
from ovoz.web.pagination import paginate


def _map_url(actor: Actor) -> str:
    return reverse("advocacy:power_map") + "?scope=" + token(actor.programme, actor.partnership)


def _filtered(request):
    qs, ctx = filter_by_scope(request, access.actors_visible_to(request.user))
    q = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(notes__icontains=q))
    if kind in Actor.Kind.values:
        qs = qs.filter(kind=kind)
    else:
        kind = ""
    return qs, ctx, q, kind


def _one_scope(request):
    """The chosen scope's actors (404 for a scope she may not see); the first she may see when none is chosen."""
    qs, ctx, q, kind = _filtered(request)
    if request.GET.get("scope") and not ctx["scope"]:
        raise Http404
    if not ctx["scope"] and ctx["scope_choices"]:
        request.GET = request.GET.copy()
        request.GET["scope"] = ctx["scope_choices"][0][0]
        qs, ctx, q, kind = _filtered(request)
    if not ctx["scope"]:
        qs = qs.none()
    return qs, ctx, q, kind


@login_required
def power_map_view(request):
    """One scope's grid and the table of its actors."""
    qs, ctx, q, kind = _one_scope(request)
    actors = list(qs)
    can_edit = bool(ctx["create_scope"])
    svg = powermap.render(
        actors, title=dict(ctx["scope_choices"]).get(ctx["scope"], ""),
        place_url=(lambda a: reverse("advocacy:actor_place", args=[a.pk])) if can_edit else None,
        link=lambda a: reverse("advocacy:actor_edit", args=[a.pk]) if can_edit else None,
    )
    page = paginate(request, actors, per_page=PER_PAGE)
    return render(request, "advocacy/power_map.html", {
        **ctx, "svg": svg, "page": page, "q": q, "kind": kind, "kinds": Actor.Kind.choices,
        "query": query_without_page(request), "can_edit": can_edit, "place_form": PlaceForm(),
        "stances": Actor.Stance.choices, "influences": range(6), "next": request.get_full_path(),
    })


@login_required
def power_map_svg_view(request):
    qs, ctx, _q, _kind = _one_scope(request)
    if not ctx["scope"]:
        raise Http404
    svg = powermap.render(list(qs), title=dict(ctx["scope_choices"])[ctx["scope"]])
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Disposition"] = 'attachment; filename="power-map.svg"'
    return response


@login_required
def actor_create_view(request):
    if not request.GET.get("scope"):
        return pick_scope(request, title=_("New actor"), url_name="advocacy:actor_create")
    programme, partnership = scope_or_404(request.user, request.GET["scope"], write=True)
    back = reverse("advocacy:power_map") + "?scope=" + request.GET["scope"]

    def save(data):
        actor_create(actor=request.user, programme=programme, partnership=partnership, **data)
        return back

    initial = {"influence": 3, "stance": 0, "country": partnership.country if partnership else ""}
    return form_page(request, form=ActorForm(request.POST or None, initial=initial), title=_("New actor"),
                     back=back, save=save, heading_note=label(programme, partnership))


@login_required
def actor_edit_view(request, pk: int):
    target = access.get_actor_for_user(request.user, pk, write=True)

    def save(data):
        actor_update(actor=request.user, target=target, **data)
        return _map_url(target)

    return form_page(request, form=ActorForm(request.POST or None, instance=copy.copy(target)),
                     title=_("Edit an actor"), back=_map_url(target), save=save,
                     heading_note=label(target.programme, target.partnership),
                     delete_url=reverse("advocacy:actor_delete", args=[target.pk]))


@login_required
@require_POST
def actor_place_view(request, pk: int):
    """Put an actor in a cell: the grid's script posts here, and so do the forms beside the table."""
    target = access.get_actor_for_user(request.user, pk, write=True)
    form = PlaceForm(request.POST)
    if form.is_valid():
        try:
            actor_place(actor=request.user, target=target, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("%(name)s is placed: influence %(i)s, %(stance)s.") % {
                "name": target.name, "i": target.influence, "stance": target.get_stance_display().lower()})
    else:
        messages.error(request, _("Choose an influence from 0 to 5 and a stance."))
    nxt = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        nxt = _map_url(target)
    return redirect(nxt)


@login_required
def actor_delete_view(request, pk: int):
    target = access.get_actor_for_user(request.user, pk, write=True)
    return confirm_delete(
        request, obj=target, what=_("actor"), back=_map_url(target), done_url=_map_url(target),
        delete=lambda: actor_delete(actor=request.user, target=target),
        consequences=_("It is taken off the power map and from the asks and activities that target it."),
    )
