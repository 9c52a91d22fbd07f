"""Recording consent and its withdrawal. The participant's ``consent_*`` columns always mirror the latest record."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write
from ovoz.evidence.models import ConsentRecord, ConsentScope, Participant

ALL_SCOPES = [s.value for s in ConsentScope]


def current_scopes(participant: Participant) -> list[str]:
    return [s for s in ALL_SCOPES if participant.allows(s)]


def _mirror(participant: Participant, scopes: list[str], withdrawn_on: datetime.date | None) -> None:
    for scope in ALL_SCOPES:
        setattr(participant, ConsentScope.field(scope), scope in scopes)
    participant.withdrawn_at = withdrawn_on
    participant.save(update_fields=[ConsentScope.field(s) for s in ALL_SCOPES] + ["withdrawn_at"])


def _check_date(date: datetime.date) -> None:
    if date > timezone.localdate():
        raise ValidationError(_("A consent cannot be dated in the future."))


@transaction.atomic
def consent_record(
    *, actor, participant: Participant, date: datetime.date, method: str, language: str, scopes: list[str],
    form=None, note: str = "",
) -> ConsentRecord:
    """Record consent as given (or changed) on ``date`` with exactly ``scopes``."""
    unknown = set(scopes) - set(ALL_SCOPES)
    if unknown:
        raise ValidationError(_("Unknown consent scope: %(scope)s") % {"scope": ", ".join(sorted(unknown))})
    if method not in ConsentRecord.Method.values:
        raise ValidationError(_("Choose whether the consent was oral or written."))
    if method == ConsentRecord.Method.WRITTEN and form is None and not participant.consents.exists():
        raise ValidationError(_("Attach the signed form of a written consent."))
    _check_date(date)
    kind = ConsentRecord.Kind.CHANGED if participant.consents.exists() else ConsentRecord.Kind.GIVEN
    record = ConsentRecord.objects.create(
        participant=participant, kind=kind, date=date, method=method, language=language,
        scopes=sorted(set(scopes)), note=note, recorded_by=actor if getattr(actor, "pk", None) else None,
        **({"form": form} if form is not None else {}),
    )
    before = current_scopes(participant)
    _mirror(participant, sorted(set(scopes)), None)
    audit_write(
        actor=actor, action="consent.record", obj=participant, partnership=participant.partnership,
        changes={"scopes": {"old": before, "new": sorted(set(scopes))}, "date": {"old": None, "new": str(date)}},
    )
    removed = sorted(set(before) - set(scopes))
    if removed:
        _flag_publications(actor, participant, removed, date)
    return record


def _flag_publications(actor, participant, scopes, date) -> None:
    """What was already published with her material is flagged to its owners (no signal: an explicit call)."""
    from ovoz.publishing.services.flags import versions_flag_for_participant

    versions_flag_for_participant(actor=actor, participant=participant, scopes=scopes, date=date)


@transaction.atomic
def consent_withdraw(
    *, actor, participant: Participant, date: datetime.date, scopes: list[str] | None = None, note: str = "",
    method: str = ConsentRecord.Method.ORAL, language: str = "",
) -> ConsentRecord:
    """Withdraw some scopes, or everything when ``scopes`` is None. Nothing new will use what is withdrawn."""
    _check_date(date)
    before = current_scopes(participant)
    if scopes is None:
        remaining, kind, withdrawn_on = [], ConsentRecord.Kind.WITHDRAWN, date
    else:
        unknown = set(scopes) - set(ALL_SCOPES)
        if unknown or not scopes:
            raise ValidationError(_("Choose which parts of the consent are withdrawn."))
        remaining = [s for s in before if s not in scopes]
        kind, withdrawn_on = ConsentRecord.Kind.WITHDRAWN_SCOPE, None
    record = ConsentRecord.objects.create(
        participant=participant, kind=kind, date=date, method=method, language=language or "",
        scopes=remaining, note=note, recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    _mirror(participant, remaining, withdrawn_on)
    audit_write(
        actor=actor, action="consent.withdraw", obj=participant, partnership=participant.partnership,
        changes={"scopes": {"old": before, "new": remaining}, "date": {"old": None, "new": str(date)}},
    )
    _flag_publications(actor, participant, scopes, date)
    return record
