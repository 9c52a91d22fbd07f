"""The report of one event, printable: attendance by partnership, outputs met, evaluation, materials."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ovoz.events import access
from ovoz.events.chart import before_after_chart
from ovoz.events.results import attendance_by_partnership, evaluation_summary


@login_required
def report_view(request, pk: int):
    event = access.get_event_for_user(request.user, pk)
    is_manager = access.can_manage_event(request.user, event)
    groups, total = attendance_by_partnership(event)
    summary = evaluation_summary(event)
    return render(
        request,
        "events/report.html",
        {
            "event": event,
            "is_manager": is_manager,
            # Names of the people who came only for the coordinator; the teams see counts.
            "show_names": is_manager,
            "groups": groups,
            "total": total,
            "outputs": event.outputs.all(),
            "summary": summary,
            "chart": before_after_chart(summary.topics),
            "materials": event.materials.all(),
            "agenda": event.agenda.all(),
        },
    )
