"""The e-mails of a call: the decision to each applicant and the invitation to each new account.

Each is written in the language the applicant used on the call's page, and sent through Django's
e-mail backend (the console unless OVOZ_EMAIL_BACKEND says otherwise).
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from ovoz.accounts.roles import Role


def invitation_link(user, site_url: str) -> str:
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("calls:invitation", kwargs={"uidb64": uidb64, "token": default_token_generator.make_token(user)})
    return site_url.rstrip("/") + path


def invitation_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


def _language(application) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return application.language if application.language in codes else settings.LANGUAGE_CODE


def send_decision(application) -> None:
    call = application.call
    programme = call.programme
    values = {
        "organisation": application.organisation_name,
        "call": call.title,
        "programme": str(programme),
        "lead": programme.lead_organisation.name,
    }
    with translation.override(_language(application)):
        if application.selected:
            subject = _("Your application to %(call)s: selected") % values
            body = _(
                "Dear colleagues of %(organisation)s,\n\n"
                "Thank you for applying to the call “%(call)s”. We are glad to tell you that your "
                "organisation is selected as a partner of the programme “%(programme)s”.\n\n"
                "The young woman researcher and the mentor you proposed will each receive an invitation to "
                "Ovoz, where the programme is run, with a link to choose a password.\n\n"
                "In solidarity,\n%(lead)s"
            ) % values
        else:
            subject = _("Your application to %(call)s") % values
            body = _(
                "Dear colleagues of %(organisation)s,\n\n"
                "Thank you for applying to the call “%(call)s” and for the work your application "
                "describes. After a careful review we are not able to offer your organisation a place in "
                "“%(programme)s” this time.\n\n"
                "We hope to stay in touch and to work together in the future.\n\n"
                "In solidarity,\n%(lead)s"
            ) % values
    send_mail(subject, body, None, [application.contact_email], fail_silently=False)


def send_invitation(*, user, role: Role, application, site_url: str) -> None:
    programme = application.call.programme
    with translation.override(_language(application)):
        values = {
            "name": user.display_name,
            "organisation": application.organisation_name,
            "programme": str(programme),
            "username": user.username,
            "link": invitation_link(user, site_url),
            "days": invitation_days(),
            "lead": programme.lead_organisation.name,
        }
        if role == Role.RESEARCHER:
            intro = _("%(organisation)s is a partner of “%(programme)s”, with you as its young woman "
                      "researcher.") % values
        else:
            intro = _("%(organisation)s is a partner of “%(programme)s”, with you as its mentor.") % values
        subject = _("Your invitation to Ovoz: %(programme)s") % values
        body = (
            _("Hello %(name)s,") % values
            + "\n\n"
            + intro
            + "\n\n"
            + _(
                "An account is ready for you in Ovoz, where the programme is run. Your username is "
                "%(username)s. Choose your password with this link; it works once, within %(days)d days:"
            ) % values
            + "\n\n"
            + values["link"]
            + "\n\n"
            + _("When you sign in, Ovoz will help you set up a second factor on your phone.")
            + "\n\n"
            + _("In solidarity,\n%(lead)s") % values
        )
    send_mail(subject, body, None, [user.email], fail_silently=False)
