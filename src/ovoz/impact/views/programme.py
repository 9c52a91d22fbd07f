"""The programme's impact page and its reflection report."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ovoz.audit.models import AuditEntry
from ovoz.audit.services import audit_write
from ovoz.impact import access
from ovoz.impact.models import ChangeLevel
from ovoz.impact.report_data import evidence_of_change, gather
from ovoz.impact.report_render import FORMATS
from ovoz.impact.report_render import render as render_report
from ovoz.impact.views._common import impact_programme, writable_partnerships


@login_required
def programme_impact_view(request, programme_id: int):
    programme = impact_programme(request.user, programme_id)
    user = request.user
    stories = access.stories_visible_to(user).filter(partnership__programme=programme)
    by_level = dict(stories.order_by().values_list("level").annotate(n=Count("pk")))
    is_coordinator = access.can_make_report(user, programme.pk)
    return render(request, "impact/programme.html", {
        "programme": programme,
        "levels": [(label, by_level.get(value, 0)) for value, label in ChangeLevel.choices],
        "n_outcomes": access.outcomes_visible_to(user).filter(programme=programme).count(),
        "n_rounds": access.rounds_visible_to(user).filter(programme=programme).count(),
        "n_reflections": access.reflections_visible_to(user).filter(programme=programme).count(),
        "concerns": evidence_of_change(programme) if is_coordinator else None,
        "can_report": is_coordinator,
        "own": [p for p in writable_partnerships(user, programme) if access.can_record_stories(user, p)],
    })


@login_required
def report_view(request, programme_id: int):
    """The reflection report: ?format=html (the default, shown in the browser), pdf or docx (downloaded)."""
    programme = impact_programme(request.user, programme_id)
    if not access.can_make_report(request.user, programme.pk):
        raise Http404
    fmt = request.GET.get("format", "html")
    if fmt not in FORMATS:
        return HttpResponse(_("Choose html, pdf or docx."), status=400, content_type="text/plain; charset=utf-8")
    body = render_report(gather(programme), fmt)
    audit_write(actor=request.user, action="reflection_report.export", obj=programme, programme=programme,
                kind=AuditEntry.Kind.READ, changes={"format": {"old": None, "new": fmt}})
    content_type, extension = FORMATS[fmt]
    response = HttpResponse(body, content_type=content_type)
    if fmt != "html":
        response["Content-Disposition"] = f'attachment; filename="reflection-report-{programme.pk}.{extension}"'
    return response
