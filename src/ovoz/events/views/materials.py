"""Training materials: files (kept encrypted, checked for size and type) or links."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ovoz.accounts.security import reauth_redirect
from ovoz.events import access
from ovoz.events.forms import MaterialForm
from ovoz.events.services import material_add, material_delete


@login_required
def materials_view(request, pk: int):
    event = access.get_event_for_user(request.user, pk, write=True)
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            material_add(actor=request.user, event=event, title=d["title"], file=d["file"], url=d["url"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The material is added."))
            return redirect("events:materials", pk=event.pk)
    return render(
        request,
        "events/materials.html",
        {"event": event, "form": form, "materials": event.materials.select_related("added_by")},
    )


@login_required
def material_download_view(request, pk: int):
    """Everyone who sees the event may download its files; links are followed from the event page."""
    material = access.get_material_for_user(request.user, pk)
    if material.is_link:
        raise Http404
    response = FileResponse(
        material.file.open("rb"),
        as_attachment=True,
        filename=material.original_name or material.title,
        content_type=material.content_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def material_delete_view(request, pk: int):
    material = access.get_material_for_user(request.user, pk, write=True)
    if confirm := reauth_redirect(request):
        return confirm
    if request.method == "POST":
        event_id = material.event_id
        material_delete(actor=request.user, material=material)
        messages.success(request, _("The material is deleted."))
        return redirect("events:materials", pk=event_id)
    return render(request, "events/material_delete.html", {"material": material, "event": material.event})
