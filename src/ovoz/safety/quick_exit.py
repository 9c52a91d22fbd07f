"""The quick exit: end the session and leave for a neutral page that says nothing about Ovoz."""

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ovoz.audit.models import AuditEntry
from ovoz.audit.services import audit_write
from ovoz.env import env_str

DEFAULT_EXIT_URL = "https://www.bbc.com/weather"


def exit_url() -> str:
    """Where the quick exit goes: OVOZ_QUICK_EXIT_URL, or a weather forecast."""
    url = env_str("OVOZ_QUICK_EXIT_URL") or getattr(settings, "OVOZ_QUICK_EXIT_URL", "") or DEFAULT_EXIT_URL
    return url if url.startswith(("https://", "http://")) else DEFAULT_EXIT_URL


# Exempt from CSRF: the only thing a forged request could do is sign her out, and a stale token must never
# stop her leaving. POST only, so that a prefetching browser does not sign anyone out.
@csrf_exempt
@require_POST
def quick_exit_view(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        audit_write(actor=user, action="auth.quick_exit", kind=AuditEntry.Kind.AUTH)
    logout(request)  # flushes the session and rotates the CSRF token
    response = HttpResponse(status=303)
    response["Location"] = exit_url()
    # Forget this site in the browser (cache, cookies, storage) and tell the next page nothing about it.
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store"
    return response
