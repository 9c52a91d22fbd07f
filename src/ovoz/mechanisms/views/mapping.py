"""Rights mapping: violation types and codes linked to articles, so evidence can be arranged by article."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ovoz.analysis.access import can_edit_code, codes_visible_to
from ovoz.evidence.models import Term
from ovoz.mechanisms import access
from ovoz.mechanisms.forms import MappingForm
from ovoz.mechanisms.services import mapping_add, mapping_delete
from ovoz.mechanisms.views.common import member_or_404


def _editable_codes(user):
    visible = codes_visible_to(user, include_retired=False).select_related("programme", "partnership")
    ids = [c.pk for c in visible if can_edit_code(user, c)]
    return visible.filter(pk__in=ids).order_by("programme_id", "name_en")


@login_required
def mapping_view(request):
    user = request.user
    member_or_404(user)
    can_terms = access.can_edit_registry(user)
    terms = Term.objects.filter(vocabulary="violation", is_active=True) if can_terms else Term.objects.none()
    codes = _editable_codes(user)
    form = MappingForm(request.POST or None, terms=terms, codes=codes)
    if request.method == "POST" and form.is_valid():
        try:
            mapping_add(actor=user, article=form.cleaned_data["article"], term=form.cleaned_data["term"],
                        code=form.cleaned_data["code"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The link is saved."))
            return redirect("mechanisms:mapping")
    mappings = access.mappings_visible_to(user).order_by("pk")
    articles = list(access.articles_visible_to(user).prefetch_related(
        Prefetch("mappings", queryset=mappings, to_attr="visible_mappings")))
    for article in articles:  # the remove link only where she may remove the link
        for m in article.visible_mappings:
            m.removable = access.can_change_mapping(user, m)
    return render(request, "mechanisms/mapping.html", {
        "articles": articles, "form": form, "can_add": can_terms or codes.exists(),
    })


@login_required
def mapping_delete_view(request, pk: int):
    mapping = access.get_mapping_for_user(request.user, pk, write=True)
    if request.method == "POST":
        mapping_delete(actor=request.user, mapping=mapping)
        messages.success(request, _("The link is removed."))
        return redirect("mechanisms:mapping")
    return render(request, "mechanisms/confirm.html", {
        "title": _("Remove this link?"), "object": mapping, "cancel_href": reverse("mechanisms:mapping"),
        "explain": _("Evidence of this kind will no longer be arranged under this article."),
    })
