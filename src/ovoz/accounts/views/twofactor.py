"""Enrolling an authenticator app (QR code) and recovery codes."""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ovoz.accounts.forms import CodeForm
from ovoz.accounts.security import has_second_factor, require_reauth
from ovoz.accounts.views.auth import client_ip, safe_next
from ovoz.audit.models import AuditEntry
from ovoz.audit.services import audit_write

RECOVERY_CODES = 10


def _pending_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def _secret_b32(device: TOTPDevice) -> str:
    import base64

    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def recovery_codes_create(*, actor, user) -> list[str]:
    """Replace the person's recovery codes; each works once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    audit_write(actor=actor, action="auth.recovery_codes", kind=AuditEntry.Kind.AUTH, object_repr=user.username)
    return codes


@transaction.atomic
def second_factor_confirm(*, actor, device: TOTPDevice) -> list[str]:
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    audit_write(
        actor=actor,
        action="auth.second_factor_enrol",
        kind=AuditEntry.Kind.AUTH,
        object_repr=device.user.username,
    )
    return recovery_codes_create(actor=actor, user=device.user)


@login_required
def setup_view(request):
    user = request.user
    if has_second_factor(user) and not request.user.is_verified():
        return redirect("accounts:verify")
    if has_second_factor(user):
        messages.info(request, _("Your account already has a second factor."))
        return redirect("accounts:security")
    device = _pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"].replace(" ", "")
        if device.verify_token(code):
            codes = second_factor_confirm(actor=user, device=device)
            otp_login(request, device)
            audit_write(
                actor=user,
                action="auth.second_factor",
                kind=AuditEntry.Kind.AUTH,
                ip_address=client_ip(request),
                changes={"method": "totp"},
            )
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": safe_next(request)})
        form.add_error("code", _("That code is not right. Check the time on your phone and try the newest code."))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#1b1b1b", light="#ffffff")
    return render(
        request,
        "accounts/twofactor_setup.html",
        {"form": form, "qr_svg": qr_svg, "secret": _secret_b32(device)},
    )


@login_required
@require_reauth
@require_POST
def recovery_codes_view(request):
    if not has_second_factor(request.user):
        return redirect("accounts:twofactor_setup")
    codes = recovery_codes_create(actor=request.user, user=request.user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": "/account/"})
