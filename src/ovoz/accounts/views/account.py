"""A person's own account: profile, language, second factor, API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_static.models import StaticToken

from ovoz.accounts.forms import ProfileForm, TokenForm
from ovoz.accounts.models import ApiToken
from ovoz.accounts.security import has_second_factor, require_reauth
from ovoz.accounts.services import api_token_create, api_token_revoke, user_update


@login_required
def security_view(request):
    user = request.user
    profile = ProfileForm(
        request.POST or None,
        initial={"full_name": user.full_name, "email": user.email, "language": user.language},
    )
    if request.method == "POST" and profile.is_valid():
        user_update(actor=user, user=user, **profile.cleaned_data)
        messages.success(request, _("Your details are saved."))
        response = redirect("accounts:security")
        if profile.cleaned_data["language"]:
            from django.conf import settings

            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, profile.cleaned_data["language"])
        return response
    return render(
        request,
        "accounts/security.html",
        {
            "profile": profile,
            "has_second_factor": has_second_factor(user),
            "recovery_left": StaticToken.objects.filter(device__user=user).count(),
            "tokens": ApiToken.objects.filter(user=user),
            "token_form": TokenForm(),
        },
    )


@login_required
@require_reauth
def token_create_view(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, secret = api_token_create(actor=request.user, user=request.user, name=form.cleaned_data["name"])
        return render(request, "accounts/token_created.html", {"token": token, "secret": secret})
    return render(request, "accounts/token_form.html", {"form": form})


@login_required
@require_POST
def token_revoke_view(request, pk: int):
    token = ApiToken.objects.filter(user=request.user, pk=pk).first()
    if token is None:
        raise Http404
    api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("The token %(name)s no longer works.") % {"name": token.name})
    return redirect("accounts:security")
