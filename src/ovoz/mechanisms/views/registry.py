"""The registry: instruments with ratifications per country, bodies and mandates, and editing ratifications."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.mechanisms import access
from ovoz.mechanisms.forms import RatificationForm
from ovoz.mechanisms.models import COUNTRIES, Mechanism, Ratification
from ovoz.mechanisms.services import ratification_update
from ovoz.mechanisms.views.common import member_or_404


def _matrix(instruments):
    rows = []
    for inst in instruments:
        by_country = {r.country: r for r in inst.ratifications.all()}
        rows.append({"instrument": inst, "cells": [by_country.get(code) for code, _label in COUNTRIES]})
    return rows


@login_required
def index_view(request):
    user = request.user
    member_or_404(user)
    instruments = access.instruments_visible_to(user).prefetch_related(
        Prefetch("ratifications", queryset=Ratification.objects.order_by("country")), "bodies")
    mechanisms = access.mechanisms_visible_to(user)
    upcoming = access.reviews_visible_to(user).filter(review_on__gte=timezone.localdate())[:6]
    return render(request, "mechanisms/index.html", {
        "rows": _matrix(instruments), "countries": COUNTRIES, "mechanisms": mechanisms,
        "kinds": Mechanism.Kind.choices, "upcoming": upcoming, "can_edit": access.can_edit_registry(user),
        "programmes": _programmes(user),
    })


def _programmes(user):
    from ovoz.programmes.access import programmes_visible_to

    programmes = [p for p in programmes_visible_to(user) if access.can_see_programme_recommendations(user, p.pk)]
    for p in programmes:  # the pack draws on evidence: coordinators and research teams only
        p.can_build_pack = access.can_build_pack(user, p)
    return programmes


@login_required
def instrument_detail_view(request, pk: int):
    user = request.user
    instrument = access.get_instrument_for_user(user, pk)
    mappings = access.mappings_visible_to(user).filter(article__instrument=instrument)
    articles = instrument.articles.select_related("right_term").prefetch_related(
        Prefetch("mappings", queryset=mappings.order_by("pk"), to_attr="visible_mappings"))
    return render(request, "mechanisms/instrument_detail.html", {
        "instrument": instrument, "articles": articles, "bodies": instrument.bodies.all(),
        "ratifications": instrument.ratifications.select_related("updated_by").order_by("country"),
        "protocols": instrument.protocols.all(), "can_edit": access.can_edit_registry(user),
    })


@login_required
def mechanism_detail_view(request, pk: int):
    user = request.user
    mechanism = access.get_mechanism_for_user(user, pk)
    return render(request, "mechanisms/mechanism_detail.html", {
        "mechanism": mechanism, "instruments": mechanism.instruments.prefetch_related("ratifications"),
        "reviews": access.reviews_visible_to(user).filter(mechanism=mechanism),
        "can_edit": access.can_edit_registry(user),
    })


@login_required
def ratification_edit_view(request, pk: int):
    ratification = access.get_ratification_for_user(request.user, pk, write=True)
    form = RatificationForm(request.POST or None, instance=copy.copy(ratification))
    if request.method == "POST" and form.is_valid():
        try:
            ratification_update(actor=request.user, ratification=ratification, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The ratification is saved with its source and date."))
            return redirect("mechanisms:instrument", pk=ratification.instrument_id)
    return render(request, "mechanisms/ratification_form.html", {"form": form, "ratification": ratification})
