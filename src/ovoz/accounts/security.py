"""Second factor and re-authentication rules.

Re-authentication ("sudo mode"): before dangerous acts (role changes, identity exports,
deletions) the person types her password (and a code, if she has a second factor) again;
the proof lasts ``OVOZ_REAUTH_MINUTES``.
"""

import time
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ovoz.accounts.roles import Role

REAUTH_SESSION_KEY = "ovoz_reauth_at"


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def requires_second_factor(user) -> bool:
    """Every role that can see evidence must use a second factor; so must site administrators."""
    if not getattr(settings, "OVOZ_REQUIRE_2FA", True):
        return False
    if user.is_superuser:
        return True
    from ovoz.programmes.access import roles_of

    return any(Role(r).requires_second_factor() for r in roles_of(user))


def verify_code(user, code: str):
    """Return the device that accepts ``code`` (a TOTP code or a recovery code), or None."""
    code = (code or "").strip().replace(" ", "").replace("-", "")
    if not code:
        return None
    for device in devices_for_user(user, confirmed=True):
        if isinstance(device, (TOTPDevice, StaticDevice)) and device.verify_token(code):
            return device
    return None


def mark_reauthenticated(request) -> None:
    request.session[REAUTH_SESSION_KEY] = int(time.time())


def is_recently_authenticated(request) -> bool:
    at = request.session.get(REAUTH_SESSION_KEY)
    if not at:
        return False
    return time.time() - at < settings.OVOZ_REAUTH_MINUTES * 60


def reauth_redirect(request):
    """A redirect to confirm the password, coming back here afterwards; None if recently confirmed.

    Views that fetch a protected object call this *after* the access check, so that a forbidden
    object still answers 404 rather than revealing itself through the confirmation page.
    """
    if is_recently_authenticated(request):
        return None
    target = request.get_full_path() if request.method == "GET" else request.META.get("HTTP_REFERER", "/")
    return redirect(reverse("accounts:reauth") + "?" + urlencode({"next": target}))


def require_reauth(view):
    """Decorator form of ``reauth_redirect`` for views that touch only the person's own account."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return reauth_redirect(request) or view(request, *args, **kwargs)

    return wrapper
