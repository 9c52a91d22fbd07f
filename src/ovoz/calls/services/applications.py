"""Applications: receiving one, checking eligibility again, linking existing accounts."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, audited_update, diff, snapshot
from ovoz.calls import eligibility
from ovoz.calls.models import (
    Application,
    Call,
    organisation_key,
)
from ovoz.calls.services.common import APPLICATION_FIELDS, application_repr, fresh, refuse_if_announced


def refresh_eligibility(call: Call, actor=None) -> int:
    """Check every application again (the call's dates changed); returns how many changed."""
    changed = 0
    for application in call.applications.prefetch_related("focus_areas"):
        application.call = call
        now_eligible = eligibility.is_eligible(
            eligibility.check(application, focus_area_count=len(application.focus_areas.all()))
        )
        if now_eligible != application.eligible:
            audited_update(
                actor=actor, instance=application, fields=APPLICATION_FIELDS, values={"eligible": now_eligible},
                action="application.eligibility", clean=False, programme=call.programme,
                object_repr=application_repr(application),
            )
            changed += 1
    return changed


# --- applications --------------------------------------------------------------------------------------


@transaction.atomic
def application_submit(
    *,
    actor,
    call: Call,
    organisation_name: str,
    country: str,
    women_led: bool,
    migrant_led: bool,
    experience: str,
    focus_areas,
    contact_email: str,
    researcher_name: str,
    researcher_email: str,
    researcher_birth_date: datetime.date,
    researcher_from_community: bool,
    researcher_english: str,
    mentor_name: str,
    mentor_email: str,
    mentor_from_community: bool,
    mentor_english: str,
    consent: bool,
    language: str = "en",
    submitted_at: datetime.datetime | None = None,
    is_fictional: bool = False,
) -> Application:
    """Receive an application (from the public form: ``actor`` is None) and check its eligibility."""
    if fresh(call).state != Call.State.PUBLISHED:
        raise ValidationError(_("This call does not take applications."))
    if not consent:
        raise ValidationError(_("The application can only be received with consent to process its data."))
    organisation_name = " ".join(organisation_name.split())
    if not organisation_name:
        raise ValidationError(_("The organisation's name is required."))
    key = organisation_key(organisation_name)
    if Application.objects.filter(call=call, organisation_key=key).exists():
        raise ValidationError(_("This call has already received an application from this organisation."))
    areas = list(focus_areas)
    if any(a.call_id != call.pk for a in areas):
        raise ValidationError(_("Choose focus areas of this call."))
    submitted_at = submitted_at or timezone.now()
    application = Application(
        call=call,
        organisation_name=organisation_name,
        organisation_key=key,
        country=country,
        women_led=women_led,
        migrant_led=migrant_led,
        experience=experience.strip(),
        contact_email=contact_email.strip(),
        researcher_name=" ".join(researcher_name.split()),
        researcher_email=researcher_email.strip(),
        researcher_birth_date=researcher_birth_date.isoformat(),
        researcher_from_community=researcher_from_community,
        researcher_english=researcher_english,
        mentor_name=" ".join(mentor_name.split()),
        mentor_email=mentor_email.strip(),
        mentor_from_community=mentor_from_community,
        mentor_english=mentor_english,
        consent_at=submitted_at,
        language=(language or "en")[:8],
        submitted_at=submitted_at,
        is_fictional=is_fictional,
    )
    application.full_clean(exclude=["organisation_key", "focus_areas"])
    application.eligible = eligibility.is_eligible(eligibility.check(application, focus_area_count=len(areas)))
    application.save()
    application.focus_areas.set(areas)
    changes = diff({}, snapshot(application, APPLICATION_FIELDS))
    changes["focus_areas"] = {"old": None, "new": [a.name for a in areas]}
    audit_write(
        actor=actor, action="application.submit", obj=application, programme=call.programme, changes=changes,
        object_repr=application_repr(application),
    )
    return application


@transaction.atomic
def application_link_accounts(*, actor, application: Application, researcher=None, mentor=None) -> Application:
    """Say that the proposed researcher or mentor already has an account: the announcement uses it
    instead of creating one."""
    refuse_if_announced(application.call)
    values = {}
    if researcher is not None:
        values["researcher_user"] = researcher
    if mentor is not None:
        values["mentor_user"] = mentor
    return audited_update(
        actor=actor, instance=application, fields=["researcher_user", "mentor_user"], values=values,
        action="application.link_accounts", clean=False, programme=application.call.programme,
        object_repr=application_repr(application),
    )
