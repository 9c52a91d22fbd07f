"""The public side of a call: the list of open calls, a call's page, the application form, and the
invitation link that lets a selected researcher or mentor choose her password. No account needed."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from ovoz.accounts.services import user_set_password
from ovoz.calls import access, eligibility
from ovoz.calls.forms import MAX_APPLICATION_BYTES, ApplicationForm, SetPasswordForm
from ovoz.calls.services import application_submit
from ovoz.web.pagination import paginate

SUBMITTED_KEY = "calls_submitted"
INVITATION_KEY = "calls_invitation_token"
# After the first visit the token leaves the address bar (so it is not kept in history or logs).
INTERNAL_TOKEN = "set-password"


@require_safe
def public_list_view(request):
    calls = access.public_calls().filter(closes_on__gte=timezone.localdate()).order_by("closes_on", "pk")
    return render(request, "calls/public_list.html", {"page": paginate(request, calls, per_page=20)})


@require_safe
def public_detail_view(request, pk: int):
    call = access.get_public_call(pk)
    return render(
        request,
        "calls/public_detail.html",
        {
            "call": call,
            "focus_areas": call.focus_areas.all(),
            "criteria": call.criteria.all(),
            "today": timezone.localdate(),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def apply_view(request, pk: int):
    call = access.get_open_call(pk)
    if request.method == "POST":
        try:
            too_big = int(request.META.get("CONTENT_LENGTH") or 0) > MAX_APPLICATION_BYTES
        except ValueError:
            too_big = True
        if too_big:
            return HttpResponse(_("The application is too large."), status=413, content_type="text/plain")
        form = ApplicationForm(request.POST, call=call)
        if form.is_spam:
            # Said as if received, so an automated sender learns nothing.
            return redirect("calls:applied", pk=call.pk)
        if form.is_valid():
            d = form.cleaned_data
            try:
                application = application_submit(
                    actor=None,
                    call=call,
                    **{k: v for k, v in d.items() if k != "website"},
                    language=translation.get_language() or "en",
                )
            except (ValidationError, IntegrityError) as exc:
                messages_ = exc.messages if isinstance(exc, ValidationError) else [
                    _("This call has already received an application from this organisation.")
                ]
                for m in messages_:
                    form.add_error(None, m)
            else:
                request.session[SUBMITTED_KEY] = {str(call.pk): application.pk}
                return redirect("calls:applied", pk=call.pk)
    else:
        form = ApplicationForm(call=call)
    return render(request, "calls/apply.html", {"call": call, "form": form})


@require_safe
def applied_view(request, pk: int):
    """Thanks, and what the automatic check found, shown once to whoever just applied."""
    call = access.get_public_call(pk)
    submitted = request.session.get(SUBMITTED_KEY) or {}
    results = None
    application_pk = submitted.get(str(call.pk))
    if application_pk:
        application = call.applications.filter(pk=application_pk).select_related("call__programme").first()
        if application is not None:
            results = eligibility.check(application)
    return render(request, "calls/applied.html", {"call": call, "results": results})


def _invited_user(uidb64: str):
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        return get_user_model().objects.get(pk=pk, is_active=True)
    except (TypeError, ValueError, OverflowError, get_user_model().DoesNotExist):
        return None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def invitation_view(request, uidb64: str, token: str):
    """Choose a password from the invitation e-mail; the link works once (Django's token generator)."""
    user = _invited_user(uidb64)
    if user is not None and token != INTERNAL_TOKEN:
        if default_token_generator.check_token(user, token):
            request.session[INVITATION_KEY] = token
            return redirect("calls:invitation", uidb64=uidb64, token=INTERNAL_TOKEN)
        user = None
    if user is not None:
        session_token = request.session.get(INVITATION_KEY, "")
        if not default_token_generator.check_token(user, session_token):
            user = None
    if user is None:
        return render(request, "calls/invitation_invalid.html", status=200)
    form = SetPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user_set_password(actor=user, user=user, password=form.cleaned_data["password1"])
        except ValidationError as exc:
            for m in exc.messages:
                form.add_error("password1", m)
        else:
            request.session.pop(INVITATION_KEY, None)
            messages.success(request, _("Your password is set. Sign in with your username %(username)s.")
                             % {"username": user.username})
            return redirect("accounts:login")
    return render(request, "calls/invitation.html", {"form": form, "invited": user})
