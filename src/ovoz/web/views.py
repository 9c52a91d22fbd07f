"""The home dashboard: what each role needs to see first."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import render

from ovoz.accounts.roles import Role
from ovoz.accounts.security import has_second_factor
from ovoz.audit.access import audit_entries_visible_to
from ovoz.programmes.access import memberships_of, partnerships_visible_to, programmes_visible_to
from ovoz.programmes.models import Membership


@login_required
def dashboard_view(request):
    user = request.user
    mems = memberships_of(user)
    coordinated = [m.programme_id for m in mems if m.role == Role.COORDINATOR]
    team_partnership_ids = [m.partnership_id for m in mems if m.partnership_id]
    context = {
        "memberships": mems,
        "has_second_factor": has_second_factor(user),
        "programmes": programmes_visible_to(user).annotate(n_partnerships=Count("partnerships")),
    }
    if coordinated or user.is_superuser:
        partnerships = partnerships_visible_to(user)
        if not user.is_superuser:
            partnerships = partnerships.filter(programme_id__in=coordinated)
        context["coordinated_partnerships"] = (
            partnerships.annotate(
                n_members=Count("memberships", distinct=True),
                n_researchers=Count("memberships", filter=Q(memberships__role=Role.RESEARCHER), distinct=True),
            )
        )
        context["recent_audit"] = audit_entries_visible_to(user)[:10]
        # People whose role needs a second factor but who have not set one up yet.
        context["without_second_factor"] = (
            Membership.objects.filter(programme_id__in=coordinated)
            .exclude(role=Role.VIEWER)
            .exclude(user__totpdevice__confirmed=True)
            .select_related("user", "partnership__organisation")
            .order_by("user__username")
        )
    if team_partnership_ids:
        context["team_partnerships"] = (
            partnerships_visible_to(user).filter(pk__in=team_partnership_ids).prefetch_related("memberships__user")
        )
    context["roles"] = sorted({m.get_role_display() for m in mems})
    context["is_co_researcher"] = any(m.role == Role.CO_RESEARCHER for m in mems)
    context["is_viewer"] = any(m.role == Role.VIEWER for m in mems)
    return render(request, "web/dashboard.html", context)


def health_view(request):
    """For a load balancer or a supervisor: answers without touching evidence."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
