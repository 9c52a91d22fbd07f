from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from ovoz.accounts.security import has_second_factor, requires_second_factor

# Paths a signed-in person may reach before finishing her second factor.
_OPEN_PREFIXES = ("/auth/", "/i18n/", "/static/", "/api/", "/public/", "/health")


class SecondFactorMiddleware:
    """Someone whose role requires a second factor must enrol, then verify at every sign-in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(_OPEN_PREFIXES)
            and not user.is_verified()
            and requires_second_factor(user)
        ):
            if has_second_factor(user):
                return redirect(reverse("accounts:verify") + "?next=" + request.path)
            return redirect(reverse("accounts:twofactor_setup"))
        return self.get_response(request)


class UserLanguageMiddleware:
    """A signed-in person's chosen language wins over the browser's, unless she switches."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language and not request.COOKIES.get("django_language"):
            # override() restores the previous language afterwards, so it cannot leak into the next request.
            with translation.override(user.language):
                request.LANGUAGE_CODE = user.language
                return self.get_response(request)
        return self.get_response(request)
