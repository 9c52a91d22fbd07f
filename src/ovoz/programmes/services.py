"""Every change to programmes, partnerships and memberships, each with its audit row."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ovoz.accounts.models import Organisation, User
from ovoz.accounts.roles import Role
from ovoz.audit.services import audit_write, audited_update, diff, snapshot
from ovoz.programmes.access import forget_memberships
from ovoz.programmes.models import Membership, Partnership, Programme

PROGRAMME_FIELDS = ["title", "short_title", "lead_organisation", "focus", "starts_on", "ends_on"]
PARTNERSHIP_FIELDS = ["programme", "organisation", "country", "research_topic", "briefer_title"]


@transaction.atomic
def programme_create(
    *,
    actor,
    title: str,
    lead_organisation: Organisation,
    starts_on: datetime.date,
    ends_on: datetime.date,
    short_title: str = "",
    focus: str = "",
    is_fictional: bool = False,
) -> Programme:
    if ends_on < starts_on:
        raise ValidationError(_("A programme cannot end before it starts."))
    programme = Programme.objects.create(
        title=title.strip(),
        short_title=short_title.strip(),
        lead_organisation=lead_organisation,
        starts_on=starts_on,
        ends_on=ends_on,
        focus=focus,
        is_fictional=is_fictional,
    )
    audit_write(
        actor=actor,
        action="programme.create",
        obj=programme,
        programme=programme,
        changes=diff({}, snapshot(programme, PROGRAMME_FIELDS)),
    )
    return programme


@transaction.atomic
def programme_update(*, actor, programme: Programme, **values) -> Programme:
    starts_on = values.get("starts_on", programme.starts_on)
    if values.get("ends_on", programme.ends_on) < starts_on:
        raise ValidationError(_("A programme cannot end before it starts."))
    return audited_update(
        actor=actor, instance=programme, fields=PROGRAMME_FIELDS, values=values, action="programme.update",
        programme=programme,
    )


@transaction.atomic
def partnership_create(
    *,
    actor,
    programme: Programme,
    organisation: Organisation,
    country: str,
    research_topic: str = "",
    briefer_title: str = "",
) -> Partnership:
    if Partnership.objects.filter(programme=programme, organisation=organisation).exists():
        raise ValidationError(
            _("%(organisation)s is already a partner in this programme.") % {"organisation": organisation.name}
        )
    partnership = Partnership(
        programme=programme,
        organisation=organisation,
        country=country,
        research_topic=research_topic,
        briefer_title=briefer_title,
    )
    partnership.full_clean()
    partnership.save()
    audit_write(
        actor=actor,
        action="partnership.create",
        obj=partnership,
        partnership=partnership,
        changes=diff({}, snapshot(partnership, PARTNERSHIP_FIELDS)),
    )
    # A new partnership starts with the programme's deliverables (called here, not by a signal).
    from ovoz.deliverables.services import deliverables_create_for_partnership

    deliverables_create_for_partnership(actor=actor, partnership=partnership)
    return partnership


@transaction.atomic
def partnership_update(*, actor, partnership: Partnership, **values) -> Partnership:
    return audited_update(
        actor=actor, instance=partnership, fields=PARTNERSHIP_FIELDS, values=values, action="partnership.update",
        partnership=partnership,
    )


def _check_scope(role: Role, programme: Programme, partnership: Partnership | None) -> None:
    if role.needs_partnership() and partnership is None:
        raise ValidationError(_("A %(role)s belongs to a partnership; choose one.") % {"role": role.label})
    if role.is_programme_wide() and partnership is not None:
        raise ValidationError(
            _("A %(role)s belongs to the whole programme, not to a partnership.") % {"role": role.label}
        )
    if partnership is not None and partnership.programme_id != programme.pk:
        raise ValidationError(_("That partnership is not in this programme."))


@transaction.atomic
def membership_grant(
    *, actor, user: User, programme: Programme, role: Role | str, partnership: Partnership | None = None
) -> Membership:
    """Give a person a role; if she already has a role in the same place, change it."""
    role = Role(role)
    _check_scope(role, programme, partnership)
    existing = Membership.objects.filter(user=user, programme=programme, partnership=partnership).first()
    if existing is not None:
        old_role = existing.role
        if old_role == role:
            return existing
        existing.role = role
        existing.save(update_fields=["role"])
        membership = existing
        changes = {"role": {"old": old_role, "new": role.value}}
        action = "membership.change_role"
    else:
        membership = Membership.objects.create(user=user, programme=programme, partnership=partnership, role=role)
        changes = {"role": {"old": None, "new": role.value}, "user": {"old": None, "new": user.username}}
        action = "membership.grant"
    audit_write(
        actor=actor,
        action=action,
        obj=membership,
        object_repr=f"{user.username} – {partnership or programme}",
        programme=programme,
        partnership=partnership,
        changes=changes,
    )
    forget_memberships(user)
    return membership


@transaction.atomic
def membership_revoke(*, actor, membership: Membership) -> None:
    audit_write(
        actor=actor,
        action="membership.revoke",
        obj=membership,
        object_repr=f"{membership.user.username} – {membership.partnership or membership.programme}",
        programme=membership.programme,
        partnership=membership.partnership,
        changes={"role": {"old": membership.role, "new": None}},
    )
    user = membership.user
    membership.delete()
    forget_memberships(user)
