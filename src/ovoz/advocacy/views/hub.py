"""The advocacy home: each partnership (and the programme's own) with what it has planned, and what comes next."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone

from ovoz.advocacy import access
from ovoz.advocacy.views.common import label, token


def _counts(qs) -> dict[tuple[int, int | None], int]:
    rows = qs.order_by().values("programme_id", "partnership_id").annotate(n=Count("pk"))
    return {(r["programme_id"], r["partnership_id"]): r["n"] for r in rows}


@login_required
def index_view(request):
    user = request.user
    counts = {
        "tocs": _counts(access.tocs_visible_to(user)),
        "actors": _counts(access.actors_visible_to(user)),
        "pathways": _counts(access.pathways_visible_to(user)),
        "plans": _counts(access.plans_visible_to(user)),
        "campaigns": _counts(access.campaigns_visible_to(user)),
    }
    writable = {token(*s) for s in access.scopes_for(user, write=True)}
    rows = []
    for programme, partnership in access.scopes_for(user):
        key = (programme.pk, partnership.pk if partnership else None)
        rows.append({"token": token(programme, partnership), "label": label(programme, partnership),
                     "can_edit": token(programme, partnership) in writable,
                     **{name: c.get(key, 0) for name, c in counts.items()}})
    today = timezone.localdate()
    upcoming = access.moments_visible_to(user).filter(ends_on__gte=today).order_by("starts_on", "pk")[:8]
    return render(request, "advocacy/index.html", {"rows": rows, "upcoming": upcoming})
