"""Signing in and out, the second factor at sign-in, and re-authentication."""

from django.contrib import messages
from django.contrib.auth import authenticate, logout
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from ovoz.accounts.forms import CodeForm, LoginForm, ReauthForm
from ovoz.accounts.security import (
    has_second_factor,
    mark_reauthenticated,
    requires_second_factor,
    verify_code,
)
from ovoz.audit.models import AuditEntry
from ovoz.audit.services import audit_write


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR")


def safe_next(request, default: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return default


def after_password(request, user):
    """Where a person goes once her password is accepted."""
    if has_second_factor(user):
        return redirect_with_next("accounts:verify", request)
    if requires_second_factor(user):
        messages.info(request, _("Your role gives access to testimonies, so your account needs a second factor."))
        return redirect("accounts:twofactor_setup")
    return redirect(safe_next(request))


def redirect_with_next(name: str, request):
    from django.urls import reverse

    target = safe_next(request, "")
    url = reverse(name)
    return redirect(url + (f"?next={target}" if target else ""))


def login_view(request):
    if request.user.is_authenticated and request.user.is_verified():
        return redirect(safe_next(request))
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            user = form.get_user()
            auth_login(request, user)
            audit_write(actor=user, action="auth.login", kind=AuditEntry.Kind.AUTH, ip_address=client_ip(request))
            return after_password(request, user)
        audit_write(
            actor=None,
            action="auth.login_failed",
            kind=AuditEntry.Kind.AUTH,
            object_repr=(request.POST.get("username") or "")[:150],
            ip_address=client_ip(request),
        )
    return render(request, "accounts/login.html", {"form": form, "next": safe_next(request, "")})


@login_required
def verify_view(request):
    """The second step of signing in: a code from the authenticator, or a recovery code."""
    if request.user.is_verified():
        return redirect(safe_next(request))
    if not has_second_factor(request.user):
        return redirect("accounts:twofactor_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = verify_code(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            audit_write(
                actor=request.user,
                action="auth.second_factor",
                kind=AuditEntry.Kind.AUTH,
                ip_address=client_ip(request),
                changes={"method": device.__class__.__name__.removesuffix("Device").lower()},
            )
            return redirect(safe_next(request))
        audit_write(
            actor=request.user,
            action="auth.second_factor_failed",
            kind=AuditEntry.Kind.AUTH,
            ip_address=client_ip(request),
        )
        form.add_error("code", _("That code is not right. Codes change every 30 seconds; try the newest one."))
    return render(request, "accounts/verify.html", {"form": form, "next": safe_next(request, "")})


@require_POST
def logout_view(request):
    if request.user.is_authenticated:
        audit_write(actor=request.user, action="auth.logout", kind=AuditEntry.Kind.AUTH, ip_address=client_ip(request))
    logout(request)
    messages.info(request, _("You have signed out."))
    return redirect("accounts:login")


@login_required
def reauth_view(request):
    """Confirm the password (and code) again before a dangerous act."""
    needs_code = has_second_factor(request.user)
    form = ReauthForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(request, username=request.user.get_username(), password=form.cleaned_data["password"])
        ok = user is not None and user.pk == request.user.pk
        if ok and needs_code:
            ok = verify_code(request.user, form.cleaned_data.get("code", "")) is not None
        if ok:
            mark_reauthenticated(request)
            audit_write(
                actor=request.user,
                action="auth.reauthenticate",
                kind=AuditEntry.Kind.AUTH,
                ip_address=client_ip(request),
            )
            return redirect(safe_next(request))
        form.add_error(None, _("That did not match. Type your password (and the current code) again."))
    return render(
        request,
        "accounts/reauth.html",
        {"form": form, "needs_code": needs_code, "next": safe_next(request, "")},
    )
