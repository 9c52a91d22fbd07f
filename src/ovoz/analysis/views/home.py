"""The analysis home: the sources one may code or read, with links to every analysis tool."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render

from ovoz.accounts.roles import Role
from ovoz.analysis.access import analysable_sources_visible_to, codes_visible_to
from ovoz.analysis.models import Coding
from ovoz.evidence.models import Source
from ovoz.evidence.views.sources import query_without_page
from ovoz.programmes.access import memberships_of
from ovoz.programmes.models import Partnership
from ovoz.web.pagination import paginate

LONG_TEXTS = ("transcript", "translation_en", "notes", "stakeholders_present", "outcomes")


@login_required
def index(request):
    user = request.user
    sources = analysable_sources_visible_to(user).defer(*LONG_TEXTS)
    q = (request.GET.get("q") or "").strip()
    kind = request.GET.get("kind") or ""
    partnership = request.GET.get("partnership") or ""
    if q:
        sources = sources.filter(title__icontains=q)
    if kind in Source.Kind.values:
        sources = sources.filter(kind=kind)
    if partnership.isdigit():
        sources = sources.filter(partnership_id=int(partnership))
    page = paginate(request, sources.order_by("-date", "title"), per_page=25)
    counts = dict(
        Coding.objects.filter(source_id__in=[s.pk for s in page], double_coding__isnull=True)
        .values_list("source_id").annotate(n=Count("pk")).values_list("source_id", "n")
    )
    for source in page:
        source.coding_count = counts.get(source.pk, 0)
    partnerships = list(
        Partnership.objects.filter(pk__in=sources.order_by().values("partnership_id"))
        .values_list("pk", "organisation__name").order_by("organisation__name")
    )
    programmes = {m.programme_id for m in memberships_of(user)}
    # The codebook and memos open for coordinators and partnership teams (programme_for_analysis); a community
    # co-researcher works only in the sessions she is invited to, so her page links to those alone.
    analysed = {m.programme_id for m in memberships_of(user)
                if m.role == Role.COORDINATOR or (m.partnership_id and Role(m.role).can_see_partnership_evidence())}
    return render(request, "analysis/index.html", {
        "page": page,
        "q": q,
        "kind": kind,
        "kinds": Source.Kind.choices,
        "partnerships": partnerships,
        "partnership": partnership,
        "query": query_without_page(request),
        "codes_count": codes_visible_to(user, include_retired=False).filter(
            Q(programme_id__in=programmes)).count(),
        "programme_ids": sorted(analysed),
        "analyst": bool(analysed),
    })
