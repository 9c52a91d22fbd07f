"""The shadow-report pack: choose a country and a mechanism, see what the evidence gives per article after the
disclosure gate, and download the draft as DOCX or PDF."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ovoz.mechanisms import access
from ovoz.mechanisms.forms import PackForm
from ovoz.mechanisms.models import COUNTRIES
from ovoz.mechanisms.pack import build_pack, pack_render
from ovoz.programmes.access import get_programme_for_user
from ovoz.publishing.render import FORMATS

TEXT = "text/plain; charset=utf-8"


def _setup(request, programme_id):
    programme = get_programme_for_user(request.user, programme_id)
    partnerships = access.pack_partnerships(request.user, programme)
    if not partnerships.exists():
        raise Http404
    present = set(partnerships.values_list("country", flat=True))
    countries = [(c, label) for c, label in COUNTRIES if c in present]
    form = PackForm(request.GET or None, countries=countries)
    form.fields["mechanism"].queryset = access.mechanisms_visible_to(request.user)
    return programme, partnerships, form


def _build(request, programme, partnerships, form):
    data = form.cleaned_data
    return build_pack(user=request.user, programme=programme, country=data["country"], mechanism=data["mechanism"],
                      partnerships=partnerships.filter(country=data["country"]), language=data["language"])


@login_required
def pack_view(request, programme_id: int):
    programme, partnerships, form = _setup(request, programme_id)
    pack, error = None, ""
    if request.GET and form.is_valid():
        try:
            pack = _build(request, programme, partnerships, form)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    return render(request, "mechanisms/pack.html", {
        "programme": programme, "form": form, "pack": pack, "error": error,
        "query": urlencode({k: v for k, v in request.GET.items() if k in ("country", "mechanism", "language")}),
    })


@login_required
def pack_download_view(request, programme_id: int, fmt: str):
    programme, partnerships, form = _setup(request, programme_id)
    if fmt not in ("docx", "pdf"):
        raise Http404
    if not form.is_valid():
        return HttpResponse(_("Choose a country and a mechanism."), status=400, content_type=TEXT)
    pack = _build(request, programme, partnerships, form)
    try:
        data = pack_render(actor=request.user, programme=programme, pack=pack, fmt=fmt,
                           country=form.cleaned_data["country"], mechanism=form.cleaned_data["mechanism"])
    except ValidationError as exc:
        return HttpResponse(" ".join(exc.messages), status=409, content_type=TEXT)
    # The file name stays in ASCII (slugify drops Cyrillic letters; a header value should be ASCII).
    name = slugify(f"shadow report {form.cleaned_data['mechanism'].short_name} {form.cleaned_data['country']}")
    response = HttpResponse(data, content_type=FORMATS[fmt][0])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
