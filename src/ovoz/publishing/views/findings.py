"""Findings: the list (with strength), the regional comparison, one finding with its evidence, and editing."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.analysis.access import codes_visible_to, codings_visible_to
from ovoz.evidence.access import incidents_visible_to
from ovoz.evidence.views.sources import query_without_page
from ovoz.programmes.access import is_coordinator_of
from ovoz.publishing.access import can_edit_in, findings_visible_to, get_finding_for_user
from ovoz.publishing.forms import FindingForm
from ovoz.publishing.models import Finding, FindingLink
from ovoz.publishing.services.findings import (
    finding_create,
    finding_delete,
    finding_link_add,
    finding_link_remove,
    finding_update,
)
from ovoz.publishing.strength import strengths
from ovoz.publishing.views.common import own_partnerships, partnership_to_write, programme_for_publishing
from ovoz.web.pagination import paginate
from ovoz.web.params import int_or_none


@login_required
def finding_list(request, programme_id):
    user = request.user
    programme = programme_for_publishing(user, programme_id)
    qs = findings_visible_to(user).filter(programme=programme).annotate(n_links=Count("links"))
    q = (request.GET.get("q") or "").strip()
    partnership = int_or_none(request.GET.get("partnership"))
    status = request.GET.get("status") or ""
    if q:
        qs = qs.filter(Q(statement__icontains=q) | Q(statement_local__icontains=q))
    if partnership:
        qs = qs.filter(partnership_id=partnership)
    if request.GET.get("partnership") == "regional":
        qs = qs.filter(partnership__isnull=True)
    if status in Finding.Status.values:
        qs = qs.filter(status=status)
    page = paginate(request, qs.order_by("partnership__organisation__name", "-updated_at"), per_page=25)
    found = strengths(list(page))
    for finding in page:
        finding.strength = found[finding.pk]
    return render(request, "publishing/finding_list.html", {
        "programme": programme, "page": page, "q": q, "status": status, "statuses": Finding.Status.choices,
        "partnership": request.GET.get("partnership") or "", "partnerships": own_partnerships(user, programme),
        "query": query_without_page(request), "is_coordinator": is_coordinator_of(user, programme.pk),
    })


@login_required
def finding_compare(request, programme_id):
    """The regional view: findings side by side per theme and partnership (coordinators)."""
    user = request.user
    programme = programme_for_publishing(user, programme_id)
    if not is_coordinator_of(user, programme.pk):
        raise Http404
    findings = list(findings_visible_to(user).filter(programme=programme).select_related("theme"))
    found = strengths(findings)
    partnerships = list(own_partnerships(user, programme))
    rows = defaultdict(lambda: defaultdict(list))
    for f in findings:
        f.strength = found[f.pk]
        rows[f.theme.name() if f.theme_id else _("No theme")][f.partnership_id].append(f)
    table = [(theme, [cells.get(p.pk, []) for p in partnerships], cells.get(None, []))
             for theme, cells in sorted(rows.items())]
    return render(request, "publishing/finding_compare.html", {
        "programme": programme, "partnerships": partnerships, "table": table,
    })


@login_required
def finding_create_view(request, programme_id):
    user = request.user
    programme = programme_for_publishing(user, programme_id)
    partnership = partnership_to_write(user, programme, int_or_none(request.GET.get("partnership")))
    codes = codes_visible_to(user, include_retired=False).filter(programme=programme)
    form = FindingForm(request.POST or None, codes=codes)
    if request.method == "POST" and form.is_valid():
        try:
            finding = finding_create(actor=user, programme=programme, partnership=partnership, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Finding saved. Now link the evidence behind it."))
            return redirect("publishing:finding_detail", finding.pk)
    return render(request, "publishing/finding_form.html", {"form": form, "programme": programme,
                                                            "partnership": partnership})


@login_required
def finding_edit_view(request, pk):
    user = request.user
    finding = get_finding_for_user(user, pk, write=True)
    codes = codes_visible_to(user, include_retired=False).filter(programme=finding.programme)
    form = FindingForm(request.POST or None, instance=finding, codes=codes)
    if request.method == "POST" and form.is_valid():
        finding.refresh_from_db()
        finding_update(actor=user, finding=finding, **form.cleaned_data)
        messages.success(request, _("Finding saved."))
        return redirect("publishing:finding_detail", finding.pk)
    return render(request, "publishing/finding_form.html", {"form": form, "finding": finding,
                                                            "programme": finding.programme})


@login_required
def finding_delete_view(request, pk):
    finding = get_finding_for_user(request.user, pk, write=True)
    if request.method == "POST":
        programme_id = finding.programme_id
        finding_delete(actor=request.user, finding=finding)
        messages.success(request, _("Finding deleted."))
        return redirect("publishing:finding_list", programme_id)
    return render(request, "publishing/confirm.html", {
        "title": _("Delete this finding?"), "object": finding,
        "explanation": _("Its links to evidence go with it; the evidence itself stays."),
        "cancel": reverse("publishing:finding_detail", args=[finding.pk]),
    })


def _candidate_codings(user, finding, code_id):
    qs = codings_visible_to(user).filter(source__partnership__programme=finding.programme)
    if finding.partnership_id:
        qs = qs.filter(source__partnership_id=finding.partnership_id)
    if code_id:
        qs = qs.filter(code_id=code_id)
    return qs.select_related("source", "code").order_by("source__title", "start")


@login_required
def finding_detail(request, pk):
    user = request.user
    finding = get_finding_for_user(user, pk)
    links = list(finding.links.select_related("coding__source", "coding__code", "incident"))
    code_id = int_or_none(request.GET.get("code"))
    editable = can_edit_in(user, finding.programme_id, finding.partnership)
    candidates = paginate(request, _candidate_codings(user, finding, code_id), per_page=10) if editable else None
    if candidates is not None:
        transcripts = {}
        for coding in candidates:
            transcripts.setdefault(coding.source_id, coding.source.transcript)
            coding.snippet = coding.text(transcripts[coding.source_id])[:300]
    for link in links:
        if link.coding_id:
            link.snippet = link.coding.text()[:300]
    incidents = incidents_visible_to(user).filter(partnership__programme=finding.programme)
    if finding.partnership_id:
        incidents = incidents.filter(partnership_id=finding.partnership_id)
    return render(request, "publishing/finding_detail.html", {
        "finding": finding, "links": links, "strength": strengths([finding])[finding.pk], "editable": editable,
        "candidates": candidates, "code_id": code_id,
        "codes": codes_visible_to(user, include_retired=False).filter(programme=finding.programme),
        "incidents": incidents.order_by("-date")[:50], "query": f"code={code_id}" if code_id else "",
    })


@login_required
@require_POST
def finding_link_view(request, pk):
    user = request.user
    finding = get_finding_for_user(user, pk, write=True)
    try:
        if request.POST.get("coding"):
            coding = _candidate_codings(user, finding, None).filter(pk=int_or_none(request.POST["coding"])).first()
            if coding is None:
                raise Http404
            finding_link_add(actor=user, finding=finding, coding=coding, note=request.POST.get("note", ""))
        elif request.POST.get("incident"):
            incident = incidents_visible_to(user).filter(pk=int_or_none(request.POST["incident"])).first()
            if incident is None:
                raise Http404
            finding_link_add(actor=user, finding=finding, incident=incident, note=request.POST.get("note", ""))
        else:
            raise ValidationError(_("Choose a coded segment or an incident."))
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    else:
        messages.success(request, _("Evidence linked."))
    return redirect("publishing:finding_detail", finding.pk)


@login_required
@require_POST
def finding_unlink_view(request, pk):
    user = request.user
    link = FindingLink.objects.select_related("finding").filter(pk=pk).first()
    if link is None:
        raise Http404
    get_finding_for_user(user, link.finding_id, write=True)
    finding_link_remove(actor=user, link=link)
    messages.success(request, _("Evidence removed from the finding."))
    return redirect("publishing:finding_detail", link.finding_id)
