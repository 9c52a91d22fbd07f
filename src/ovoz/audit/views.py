from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from ovoz.audit.access import audit_entries_visible_to, can_browse_audit
from ovoz.audit.forms import AuditFilterForm
from ovoz.web.pagination import paginate


@login_required
def audit_list_view(request):
    """Read-only: there is no way to change or delete an audit row from the interface."""
    if not can_browse_audit(request.user):
        raise Http404
    form = AuditFilterForm(request.GET or None)
    qs = audit_entries_visible_to(request.user).select_related("programme", "partnership__organisation")
    if request.GET:
        qs = form.apply(qs)
    page = paginate(request, qs, per_page=50)
    template = "audit/_rows.html" if request.htmx else "audit/list.html"
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, template, {"form": form, "page": page, "query": query.urlencode()})
