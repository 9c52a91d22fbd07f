"""Writes to recommendations and their status history. The history is append-only: there is a service to add
an entry and none to change or remove one."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, diff, snapshot
from ovoz.evidence.services.sources import seal
from ovoz.mechanisms.models import Recommendation, Status, StatusChange

FIELDS = ["origin", "source_title", "reference", "mechanism", "country", "issued_on", "text", "addressee",
          "addressee_kind", "theme", "sdg_targets", "upr_response", "recommending_state"]
LINKS = ["articles", "findings", "activities"]


def _clean(values: dict, programme, partnership) -> None:
    if not (values.get("text") or "").strip():
        raise ValidationError(_("Write the recommendation."))
    if not (values.get("addressee") or "").strip():
        raise ValidationError(_("Say to whom it is addressed."))
    if values.get("origin") not in Recommendation.Origin.values:
        raise ValidationError(_("Say where the recommendation comes from."))
    if values.get("upr_response") and values.get("origin") != Recommendation.Origin.UPR:
        raise ValidationError(_("Only UPR recommendations are supported or noted."))
    if values.get("recommending_state") and values.get("origin") != Recommendation.Origin.UPR:
        raise ValidationError(_("Only UPR recommendations have a recommending state."))
    if partnership is not None and partnership.programme_id != programme.pk:
        raise ValidationError(_("That partnership is not in this programme."))
    for finding in values.get("findings") or []:
        if finding.programme_id != programme.pk:
            raise ValidationError(_("A linked finding belongs to another programme."))
    for activity in values.get("activities") or []:
        if activity.plan.programme_id != programme.pk:
            raise ValidationError(_("A linked activity belongs to another programme."))


def _audited(rec: Recommendation) -> dict:
    out = snapshot(rec, [f for f in FIELDS if f != "text"])
    out["text"] = seal(rec.text) if rec.partnership_id else rec.text[:300]
    return out


def _set_links(rec: Recommendation, values: dict) -> dict:
    changed = {}
    for name in LINKS:
        if name in values and values[name] is not None:
            getattr(rec, name).set(values[name])
            changed[name] = sorted(o.pk for o in values[name])
    return changed


@transaction.atomic
def recommendation_create(*, actor, programme, partnership=None, is_fictional: bool = False,
                          **values) -> Recommendation:
    _clean(values, programme, partnership)
    rec = Recommendation.objects.create(
        programme=programme, partnership=partnership, is_fictional=is_fictional,
        created_by=actor if getattr(actor, "pk", None) else None,
        **{k: (v.strip() if isinstance(v, str) else v) for k, v in values.items() if k in FIELDS})
    links = _set_links(rec, values)
    audit_write(actor=actor, action="recommendation.create", obj=rec, programme=programme, partnership=partnership,
                changes={**_audited(rec), **links})
    return rec


@transaction.atomic
def recommendation_update(*, actor, recommendation: Recommendation, **values) -> Recommendation:
    merged = {**{f: getattr(recommendation, f) for f in FIELDS}, **values}
    _clean(merged, recommendation.programme, recommendation.partnership)
    old = _audited(recommendation)
    for name in FIELDS:
        if name in values:
            value = values[name]
            setattr(recommendation, name, value.strip() if isinstance(value, str) else value)
    recommendation.save()
    links = _set_links(recommendation, values)
    audit_write(actor=actor, action="recommendation.update", obj=recommendation,
                programme=recommendation.programme, partnership=recommendation.partnership,
                changes={**diff(old, _audited(recommendation)), **links})
    return recommendation


@transaction.atomic
def recommendation_delete(*, actor, recommendation: Recommendation) -> None:
    """Only a recommendation whose status was never recorded: a history is monitoring record and stays."""
    if recommendation.history.exists():
        raise ValidationError(_("This recommendation has a status history, which is kept: it cannot be deleted."))
    audit_write(actor=actor, action="recommendation.delete", obj=recommendation, programme=recommendation.programme,
                partnership=recommendation.partnership, changes=_audited(recommendation))
    recommendation.delete()


@transaction.atomic
def recommendation_status_record(*, actor, recommendation: Recommendation, status: str, observed_on: datetime.date,
                                 evidence: str, evidence_url: str = "") -> StatusChange:
    """Append one entry to the history and make it the current status (if it is the latest observation)."""
    if status not in Status.values:
        raise ValidationError(_("Unknown status."))
    if not (evidence or "").strip():
        raise ValidationError(_("Say what shows the change: the evidence is kept with it."))
    if observed_on is None:
        raise ValidationError(_("Say when the change was observed."))
    if observed_on > datetime.date.today():
        raise ValidationError(_("A change cannot be observed in the future."))
    rec = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    latest = rec.history.order_by("-observed_on", "-pk").first()
    previous = latest.status if latest else Status.NOT_STARTED
    if latest is not None and observed_on < latest.observed_on:
        raise ValidationError(_("The history already has a later observation (%(date)s): record changes in order.")
                              % {"date": latest.observed_on})
    if status == previous:
        raise ValidationError(_("The status is already “%(status)s”.") % {"status": Status(status).label})
    entry = StatusChange.objects.create(
        recommendation=rec, status=status, previous_status=previous, observed_on=observed_on,
        evidence=evidence.strip(), evidence_url=evidence_url or "",
        recorded_by=actor if getattr(actor, "pk", None) else None)
    Recommendation.objects.filter(pk=rec.pk).update(status=status, status_on=observed_on)
    recommendation.status, recommendation.status_on = status, observed_on
    audit_write(actor=actor, action="recommendation.status", obj=rec, programme=rec.programme,
                partnership=rec.partnership,
                changes={"status": {"old": previous, "new": status}, "observed_on": str(observed_on),
                         "evidence": seal(entry.evidence), "entry": entry.pk})
    return entry
