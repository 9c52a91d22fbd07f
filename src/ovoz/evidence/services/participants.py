"""Registering participants. Identity is optional and encrypted; the code is what everyone else sees."""

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, audited_update, diff, snapshot
from ovoz.evidence.models import Participant

FIELDS = [
    "name", "contacts", "migrant_status", "age_band", "region_of_origin", "destination", "work_sector",
    "household_role", "attributes",
]


def _code_prefix(partnership) -> str:
    org = partnership.organisation
    short = org.short_name or "".join(w[0] for w in re.findall(r"[^\W\d_]+", org.name))[:4]
    return f"{partnership.country}-{short.upper() or 'P'}"


def next_code(partnership) -> str:
    """The next free pseudonym code of a partnership, e.g. ``KG-RP-007``: it says nothing about her."""
    prefix = _code_prefix(partnership)
    numbers = [
        int(m.group(1))
        for code in Participant.objects.filter(partnership=partnership, code__startswith=prefix + "-")
        .values_list("code", flat=True)
        if (m := re.fullmatch(re.escape(prefix) + r"-(\d+)", code))
    ]
    return f"{prefix}-{max(numbers, default=0) + 1:03d}"


def participant_create(
    *, actor, partnership, is_fictional: bool = False, external_id: str = "", **values
) -> Participant:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"Unknown participant fields: {sorted(unknown)}")
    for _attempt in range(5):
        try:
            with transaction.atomic():
                participant = Participant(
                    partnership=partnership, code=next_code(partnership), created_by=actor if getattr(actor, "pk", None)
                    else None, is_fictional=is_fictional, external_id=external_id, **values,
                )
                participant.full_clean(exclude=["created_by"])
                participant.save()
                audit_write(
                    actor=actor, action="participant.create", obj=participant, partnership=partnership,
                    changes=diff({}, snapshot(participant, FIELDS)),
                )
                return participant
        except IntegrityError:
            continue  # another researcher took the same code at the same moment: take the next one
    raise ValidationError(_("Could not give the participant a code; try again."))


@transaction.atomic
def participant_update(*, actor, participant: Participant, **values) -> Participant:
    return audited_update(
        actor=actor, instance=participant, fields=FIELDS, values=values, action="participant.update",
        partnership=participant.partnership,
    )
