"""The coordinator's money overview of a programme."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ovoz.grants import access
from ovoz.grants.models import GrantPolicy
from ovoz.grants.overview import money_overview


@login_required
def money_view(request, programme_id: int):
    programme = access.get_programme_for_money(request.user, programme_id)
    return render(
        request,
        "grants/money.html",
        {
            "programme": programme,
            "overview": money_overview(programme),
            "policy": GrantPolicy.objects.filter(programme=programme).first(),
        },
    )
