"""Announcing a call's selection: partnerships, accounts, roles, invitations and decisions, all at once.

Everything happens in one transaction, e-mails last: if any step fails (an e-mail server that
refuses, a name clash), nothing is announced and the coordinator can try again.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ovoz.accounts.models import Organisation
from ovoz.accounts.roles import Role
from ovoz.accounts.services import organisation_create, user_create
from ovoz.audit.services import audit_write
from ovoz.calls import mail
from ovoz.calls.models import Application, Call
from ovoz.programmes.models import Partnership
from ovoz.programmes.services import membership_grant, partnership_create

User = get_user_model()


def _username(role: Role, organisation: Organisation) -> str:
    base = slugify(organisation.short_name or organisation.name)[:40].strip("-") or f"org{organisation.pk}"
    stem = f"{role.value}.{base}"
    name, n = stem, 1
    while User.objects.filter(username__iexact=name).exists():
        n += 1
        name = f"{stem}-{n}"
    return name


def _organisation(actor, application: Application) -> Organisation:
    existing = Organisation.objects.filter(name__iexact=application.organisation_name).first()
    if existing is not None:
        return existing
    return organisation_create(
        actor=actor,
        name=application.organisation_name,
        kind=Organisation.Kind.PARTNER,
        country=application.country,
        women_led=application.women_led,
        migrant_led=application.migrant_led,
    )


def _partnership(actor, programme, organisation: Organisation, country: str) -> Partnership:
    existing = Partnership.objects.filter(programme=programme, organisation=organisation).first()
    return existing or partnership_create(
        actor=actor, programme=programme, organisation=organisation, country=country
    )


def _person(actor, application: Application, role: Role, organisation: Organisation):
    """The account of the proposed researcher or mentor: the one linked already, or a new one."""
    linked = application.researcher_user if role == Role.RESEARCHER else application.mentor_user
    if linked is not None:
        return linked, False
    if role == Role.RESEARCHER:
        full_name, email = application.researcher_name, application.researcher_email
    else:
        full_name, email = application.mentor_name, application.mentor_email
    user = user_create(
        actor=actor,
        username=_username(role, organisation),
        password=None,
        email=email,
        full_name=full_name,
        organisation=organisation,
        language=application.language,
        is_fictional=application.is_fictional,
    )
    return user, True


@transaction.atomic
def announce(*, actor, call: Call, site_url: str, notify: bool = True, now=None) -> list[Application]:
    call = Call.objects.select_for_update().select_related("programme__lead_organisation").get(pk=call.pk)
    if call.state == Call.State.ANNOUNCED:
        raise ValidationError(_("This call's selection is already announced."))
    if call.state != Call.State.CLOSED:
        raise ValidationError(_("Close the call before announcing its selection."))
    applications = list(call.applications.select_related("researcher_user", "mentor_user"))
    selected = [a for a in applications if a.selected]
    if not selected:
        raise ValidationError(_("Select at least one organisation before announcing."))
    if len(selected) > call.places_max:
        raise ValidationError(_("More organisations are selected than the call has places."))
    if any(not a.eligible for a in selected):
        raise ValidationError(_("Only eligible applications can be selected."))
    programme = call.programme
    now = now or timezone.now()
    invitations = []
    for application in selected:
        organisation = _organisation(actor, application)
        partnership = _partnership(actor, programme, organisation, application.country)
        people = {}
        for role in (Role.RESEARCHER, Role.MENTOR):
            user, created = _person(actor, application, role, organisation)
            membership_grant(actor=actor, user=user, programme=programme, role=role, partnership=partnership)
            people[role] = user
            if created:
                invitations.append((user, role, application))
        application.partnership = partnership
        application.researcher_user = people[Role.RESEARCHER]
        application.mentor_user = people[Role.MENTOR]
        application.save(update_fields=["partnership", "researcher_user", "mentor_user"])
        audit_write(
            actor=actor,
            action="application.accept",
            obj=application,
            object_repr=f"application {application.pk} to call {call.pk}",
            partnership=partnership,
            changes={"partnership": {"old": None, "new": str(partnership.pk)}},
        )
    call.state = Call.State.ANNOUNCED
    call.announced_at = now
    call.save(update_fields=["state", "announced_at"])
    audit_write(
        actor=actor,
        action="call.announce",
        obj=call,
        programme=programme,
        changes={
            "state": {"old": Call.State.CLOSED, "new": Call.State.ANNOUNCED},
            "selected": {"old": None, "new": [a.pk for a in selected]},
            "notified": {"old": None, "new": notify},
        },
    )
    if notify:
        for user, role, application in invitations:
            mail.send_invitation(user=user, role=role, application=application, site_url=site_url)
            audit_write(
                actor=actor, action="call.invitation_send", obj=user, object_repr=user.username,
                partnership=application.partnership, changes={"role": {"old": None, "new": role.value}},
            )
        for application in applications:
            application.call = call
            mail.send_decision(application)
            application.decision_sent_at = timezone.now()
            application.save(update_fields=["decision_sent_at"])
            audit_write(
                actor=actor, action="call.decision_send", obj=application, programme=programme,
                object_repr=f"application {application.pk} to call {call.pk}",
                changes={"selected": {"old": None, "new": application.selected}},
            )
    return selected


@transaction.atomic
def resend_invitation(*, actor, application: Application, role: Role, site_url: str):
    """A new link for a selected researcher or mentor who has not chosen her password yet."""
    user = application.researcher_user if role == Role.RESEARCHER else application.mentor_user
    if user is None or application.call.state != Call.State.ANNOUNCED:
        raise ValidationError(_("There is no account to invite yet."))
    if user.has_usable_password():
        raise ValidationError(_("%(name)s has already chosen her password.") % {"name": user.display_name})
    mail.send_invitation(user=user, role=role, application=application, site_url=site_url)
    audit_write(
        actor=actor, action="call.invitation_send", obj=user, object_repr=user.username,
        partnership=application.partnership, changes={"role": {"old": None, "new": role.value}},
    )
    return user
