"""Every change to the risk register, the incident log and the support contacts, each with its audit row.

Descriptions, mitigations and contacts are sensitive: the audit log keeps only fingerprints of them (the
fields are encrypted, which ``ovoz.audit.services.snapshot`` recognises).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, audited_update, diff, snapshot
from ovoz.programmes.models import Membership
from ovoz.safety.models import FollowUp, Risk, SafetyIncident, SupportContact

RISK_FIELDS = ["title", "category", "affects", "description", "likelihood", "impact", "mitigation", "owner",
               "status", "review_on"]
INCIDENT_FIELDS = ["occurred_on", "title", "category", "affects", "description", "status", "risk"]
CONTACT_FIELDS = ["kind", "name", "how_to_reach", "available", "note", "review_on"]


def _actor(actor):
    return actor if getattr(actor, "pk", None) else None


def _strip(values: dict) -> dict:
    return {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}


def _check_owner(partnership, owner) -> None:
    if owner is not None and not Membership.objects.filter(partnership=partnership, user=owner).exists():
        raise ValidationError(_("The person who follows a risk must be on the partnership's team."))


# --- risks ---------------------------------------------------------------------------------------------------


@transaction.atomic
def risk_create(*, actor, partnership, is_fictional: bool = False, **values) -> Risk:
    _check_owner(partnership, values.get("owner"))
    risk = Risk(partnership=partnership, created_by=_actor(actor), is_fictional=is_fictional, **_strip(values))
    risk.full_clean(exclude=["partnership", "owner", "created_by"])
    risk.save()
    audit_write(actor=actor, action="risk.create", obj=risk, partnership=partnership,
                changes=diff({}, snapshot(risk, RISK_FIELDS)))
    return risk


@transaction.atomic
def risk_update(*, actor, risk: Risk, **values) -> Risk:
    if "owner" in values:
        _check_owner(risk.partnership, values["owner"])
    return audited_update(actor=actor, instance=risk, fields=RISK_FIELDS, values=_strip(values),
                          action="risk.update", partnership=risk.partnership)


@transaction.atomic
def risk_review(*, actor, risk: Risk, reviewed_on: datetime.date, next_review_on: datetime.date | None,
                status: str | None = None) -> Risk:
    """Record that the team looked at the risk again, and when it looks next."""
    if next_review_on is not None and next_review_on <= reviewed_on:
        raise ValidationError(_("The next review must come after this one."))
    before = {"reviewed_on": str(risk.reviewed_on), "review_on": str(risk.review_on), "status": risk.status}
    risk.reviewed_on, risk.review_on = reviewed_on, next_review_on
    if status:
        risk.status = status
    risk.full_clean(exclude=["partnership", "owner", "created_by"])
    risk.save(update_fields=["reviewed_on", "review_on", "status"])
    after = {"reviewed_on": str(risk.reviewed_on), "review_on": str(risk.review_on), "status": risk.status}
    audit_write(actor=actor, action="risk.review", obj=risk, partnership=risk.partnership, changes=diff(before, after))
    return risk


@transaction.atomic
def risk_delete(*, actor, risk: Risk) -> None:
    audit_write(actor=actor, action="risk.delete", obj=risk, partnership=risk.partnership,
                changes={"title": {"old": risk.title, "new": None}})
    risk.delete()


# --- incidents and follow-up -----------------------------------------------------------------------------------


def _check_risk(partnership, risk) -> None:
    if risk is not None and risk.partnership_id != partnership.pk:
        raise ValidationError(_("The related risk must be in the same partnership's register."))


@transaction.atomic
def safety_incident_create(*, actor, partnership, is_fictional: bool = False, **values) -> SafetyIncident:
    _check_risk(partnership, values.get("risk"))
    incident = SafetyIncident(partnership=partnership, reported_by=_actor(actor), is_fictional=is_fictional,
                              **_strip(values))
    incident.full_clean(exclude=["partnership", "risk", "reported_by"])
    incident.save()
    audit_write(actor=actor, action="safety_incident.create", obj=incident, partnership=partnership,
                changes=diff({}, snapshot(incident, INCIDENT_FIELDS)))
    return incident


@transaction.atomic
def safety_incident_update(*, actor, incident: SafetyIncident, **values) -> SafetyIncident:
    if "risk" in values:
        _check_risk(incident.partnership, values["risk"])
    return audited_update(actor=actor, instance=incident, fields=INCIDENT_FIELDS, values=_strip(values),
                          action="safety_incident.update", partnership=incident.partnership)


@transaction.atomic
def safety_incident_delete(*, actor, incident: SafetyIncident) -> None:
    audit_write(actor=actor, action="safety_incident.delete", obj=incident, partnership=incident.partnership,
                changes={"title": {"old": incident.title, "new": None}})
    incident.delete()


@transaction.atomic
def follow_up_add(*, actor, incident: SafetyIncident, date: datetime.date, action: str,
                  next_step_on: datetime.date | None = None, status: str | None = None) -> FollowUp:
    if not action.strip():
        raise ValidationError(_("Write what was done."))
    if date < incident.occurred_on:
        raise ValidationError(_("A follow-up cannot come before the incident."))
    follow_up = FollowUp.objects.create(incident=incident, date=date, action=action.strip(),
                                        next_step_on=next_step_on, by=_actor(actor))
    changes = {"follow_up": {"old": None, "new": str(date)}}
    if status and status != incident.status:
        if status not in SafetyIncident.Status.values:
            raise ValidationError(_("Unknown status."))
        changes["status"] = {"old": incident.status, "new": status}
        incident.status = status
        incident.save(update_fields=["status"])
    audit_write(actor=actor, action="safety_incident.follow_up", obj=incident, partnership=incident.partnership,
                changes=changes)
    return follow_up


# --- support contacts ------------------------------------------------------------------------------------------


@transaction.atomic
def support_contact_create(*, actor, programme, partnership=None, is_fictional: bool = False,
                           **values) -> SupportContact:
    if partnership is not None and partnership.programme_id != programme.pk:
        raise ValidationError(_("The partnership must belong to the same programme."))
    contact = SupportContact(programme=programme, partnership=partnership, is_fictional=is_fictional,
                             **_strip(values))
    contact.full_clean(exclude=["programme", "partnership"])
    contact.save()
    audit_write(actor=actor, action="support_contact.create", obj=contact, programme=programme,
                partnership=partnership, changes=diff({}, snapshot(contact, CONTACT_FIELDS)),
                object_repr=contact.get_kind_display())
    return contact


@transaction.atomic
def support_contact_update(*, actor, contact: SupportContact, **values) -> SupportContact:
    return audited_update(actor=actor, instance=contact, fields=CONTACT_FIELDS, values=_strip(values),
                          action="support_contact.update", programme=contact.programme,
                          partnership=contact.partnership, object_repr=contact.get_kind_display())


@transaction.atomic
def support_contact_delete(*, actor, contact: SupportContact) -> None:
    audit_write(actor=actor, action="support_contact.delete", obj=contact, programme=contact.programme,
                partnership=contact.partnership, object_repr=contact.get_kind_display())
    contact.delete()
