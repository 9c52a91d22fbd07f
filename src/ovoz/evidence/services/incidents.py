"""Recording documented violations (after the HURIDOCS events standard) and their labour claims.

An incident is written whole: its own fields, its acts (with victims), interventions, links to sources,
rights affected and labour claim, in one transaction with one audit row. The employer's name is encrypted in
the database and logged only as a fingerprint; narratives and responses are logged sealed.
"""

import datetime
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, diff, snapshot
from ovoz.evidence.models import (
    Act,
    DatePrecision,
    Incident,
    IncidentSource,
    Intervention,
    LabourClaim,
    Participant,
    Term,
)
from ovoz.evidence.services.sources import _reindex, _unindex, check_sharing, sealed_snapshot
from ovoz.search.index import unindex_object

FIELDS = [
    "title", "narrative", "date", "date_precision", "end_date", "country", "region", "city", "status",
    "shared_with_programme",
]
ACT_FIELDS = ["act_type", "perpetrator_type", "perpetrator_description", "note"]
INTERVENTION_FIELDS = ["intervention_type", "date", "by_whom", "response", "outcome", "status"]
LINK_FIELDS = ["source", "connection", "reliability"]
LABOUR_FIELDS = [
    "employer_type", "employer_name", "contract", "wages_owed", "currency", "wages_period", "hours_per_week",
    "documents_confiscated", "documents_confiscated_by", "recovered_amount",
]
TEXT_LABOUR = {"employer_type", "employer_name", "contract", "currency", "wages_period", "documents_confiscated_by"}
KEEP = object()  # "leave as it is", for the labour claim and the employer's name


def terms_for(vocabulary: str, programme) -> QuerySet[Term]:
    """The terms of a vocabulary in use in a programme: the shared ones and the programme's own."""
    return Term.objects.filter(vocabulary=vocabulary, is_active=True).filter(
        Q(programme__isnull=True) | Q(programme=programme)
    )


def describe_when(incident) -> str:
    """'12 March 2023', 'March 2023', '2023' or 'about 12 March 2023', with '– end' when it lasted."""
    def one(day: datetime.date) -> str:
        if incident.date_precision == DatePrecision.MONTH:
            return formats.date_format(day, "YEAR_MONTH_FORMAT")
        if incident.date_precision == DatePrecision.YEAR:
            return str(day.year)
        return formats.date_format(day, "DATE_FORMAT")

    if incident.date is None:
        return ""
    text = one(incident.date)
    if incident.end_date:
        text = f"{text} – {one(incident.end_date)}"
    if incident.date_precision == DatePrecision.APPROXIMATE:
        text = _("about %(date)s") % {"date": text}
    return text


# --- checks -----------------------------------------------------------------------------------------------


def _check_term(term, vocabulary: str, programme, label: str) -> None:
    if term is None:
        return
    if term.vocabulary != vocabulary or term.programme_id not in (None, programme.pk):
        raise ValidationError(_("Choose %(what)s from the list.") % {"what": label})


def _round_to_precision(day, precision):
    if day is None:
        return None
    if precision == DatePrecision.MONTH:
        return day.replace(day=1)
    if precision == DatePrecision.YEAR:
        return day.replace(month=1, day=1)
    return day


def _clean_incident(incident: Incident) -> None:
    programme = incident.partnership.programme
    incident.date = _round_to_precision(incident.date, incident.date_precision)
    incident.end_date = _round_to_precision(incident.end_date, incident.date_precision)
    if incident.date and incident.date > timezone.localdate():
        raise ValidationError(_("An incident cannot be dated in the future."))
    if incident.end_date and not incident.date:
        raise ValidationError(_("Give the date it started as well as the date it ended."))
    if incident.date and incident.end_date and incident.end_date < incident.date:
        raise ValidationError(_("The end date is before the start date."))
    incident.country = (incident.country or "").upper()
    if incident.region_id:
        _check_term(incident.region, "region", programme, _("the region"))
        if incident.country and incident.region.country and incident.region.country != incident.country:
            raise ValidationError(_("The region is not in the country chosen."))
        if not incident.country:
            incident.country = incident.region.country
    incident.narrative = (incident.narrative or "").replace("\r\n", "\n").replace("\r", "\n")
    incident.full_clean(exclude=["created_by", "partnership", "region"])


def _clean_acts(incident, acts: list[dict]) -> None:
    programme = incident.partnership.programme
    for act in acts:
        if act.get("act_type") is None:
            raise ValidationError(_("Every act needs its type."))
        _check_term(act["act_type"], "violation", programme, _("the type of act"))
        _check_term(act.get("perpetrator_type"), "perpetrator", programme, _("the type of perpetrator"))
        others = [p.code for p in act.get("victims", []) if p.partnership_id != incident.partnership_id]
        if others:
            raise ValidationError(_("Only this partnership's participants can be victims here: %(codes)s.")
                                  % {"codes": ", ".join(others)})


def _clean_interventions(incident, interventions: list[dict]) -> None:
    for item in interventions:
        if item.get("intervention_type") is None:
            raise ValidationError(_("Every intervention needs its type."))
        _check_term(item["intervention_type"], "intervention", incident.partnership.programme,
                    _("the type of intervention"))
        if item.get("status", Intervention.Status.ONGOING) not in Intervention.Status.values:
            raise ValidationError(_("Choose the intervention's status from the list."))


def _clean_links(incident, links: list[dict]) -> None:
    seen = set()
    for link in links:
        source = link.get("source")
        if source is None or source.partnership_id != incident.partnership_id:
            raise ValidationError(_("Link only sources of this partnership."))
        if source.pk in seen:
            raise ValidationError(_("The source “%(title)s” is linked twice.") % {"title": source.title})
        seen.add(source.pk)
        if link.get("connection") not in IncidentSource.Connection.values:
            raise ValidationError(_("Say how the source “%(title)s” knows what happened.") % {"title": source.title})
        if link.get("reliability", IncidentSource.Reliability.UNKNOWN) not in IncidentSource.Reliability.values:
            raise ValidationError(_("Choose the source's reliability from the list."))


def _clean_labour(values: dict) -> dict:
    values = dict(values)
    currency = (values.get("currency") or "").strip().upper()
    amounts = [values.get("wages_owed"), values.get("recovered_amount")]
    for amount in amounts:
        if amount is not None and Decimal(amount) < 0:
            raise ValidationError(_("Amounts cannot be negative."))
    if any(a is not None for a in amounts) and not re.fullmatch(r"[A-Z]{3}", currency):
        raise ValidationError(_("Give the currency of the amounts as a three-letter code, e.g. KGS, TJS, UZS, RUB."))
    if currency and not re.fullmatch(r"[A-Z]{3}", currency):
        raise ValidationError(_("The currency is a three-letter code, e.g. KGS, TJS, UZS, RUB."))
    values["currency"] = currency
    hours = values.get("hours_per_week")
    if hours is not None and not 0 <= hours <= 168:
        raise ValidationError(_("A week has 168 hours: give the hours worked per week between 0 and 168."))
    if not values.get("documents_confiscated"):
        values["documents_confiscated_by"] = ""
    return values


def _labour_is_empty(values: dict) -> bool:
    return not any(values.get(name) not in (None, "", False) for name in LABOUR_FIELDS if name != "employer_name") \
        and values.get("employer_name") in (None, "", KEEP)


# --- children -------------------------------------------------------------------------------------------------


def _sync(manager, model, rows: list[dict], fields: list[str], parent: dict, after_save=None) -> None:
    """Make the rows under ``manager`` match ``rows``: update those with an id, add the others, delete the rest."""
    existing = {obj.pk: obj for obj in manager.all()}
    wanted = {int(row["id"]) for row in rows if row.get("id")}
    if wanted - set(existing):
        raise ValidationError(_("A row of this incident was changed elsewhere; reload the page."))
    for pk, obj in existing.items():
        if pk not in wanted:
            obj.delete()
    for row in rows:
        obj = existing[int(row["id"])] if row.get("id") else model(**parent)
        for name in fields:
            if name in row:
                setattr(obj, name, row[name])
        obj.full_clean(exclude=list(parent))
        obj.save()
        if after_save:
            after_save(obj, row)


def _summary(incident: Incident) -> dict:
    acts = [
        f"{a.act_type.code}:{','.join(sorted(v.code for v in a.victims.all()))}"
        for a in incident.acts.select_related("act_type").prefetch_related("victims")
    ]
    interventions = [
        f"{i.intervention_type.code}:{i.status}:{i.date or ''}"
        for i in incident.interventions.select_related("intervention_type")
    ]
    links = [f"{li.source_id}:{li.connection}:{li.reliability}" for li in incident.source_links.order_by("source_id")]
    rights = sorted(incident.rights.values_list("code", flat=True))
    claim = LabourClaim.objects.filter(incident=incident).first()
    out = {"acts": acts, "interventions": interventions, "sources": links, "rights": rights}
    out["labour_claim"] = snapshot(claim, LABOUR_FIELDS) if claim else None
    return out


def _write_children(incident, *, rights, acts, interventions, links, labour) -> None:
    if rights is not None:
        rights = list(rights)
        for term in rights:
            _check_term(term, "right", incident.partnership.programme, _("the rights affected"))
        incident.rights.set(rights)
    if acts is not None:
        _clean_acts(incident, acts)
        _sync(incident.acts, Act, acts, ACT_FIELDS, {"incident": incident},
              after_save=lambda act, row: act.victims.set(row.get("victims", [])))
    if interventions is not None:
        _clean_interventions(incident, interventions)
        _sync(incident.interventions, Intervention, interventions, INTERVENTION_FIELDS, {"incident": incident})
    if links is not None:
        _clean_links(incident, links)
        wanted = {link["source"].pk: link for link in links}
        incident.source_links.exclude(source_id__in=wanted).delete()
        for source_id, link in wanted.items():
            IncidentSource.objects.update_or_create(
                incident=incident, source_id=source_id,
                defaults={"connection": link["connection"],
                          "reliability": link.get("reliability") or IncidentSource.Reliability.UNKNOWN},
            )
    if labour is not KEEP:
        claim = LabourClaim.objects.filter(incident=incident).first()
        if labour is None or _labour_is_empty(labour):
            if claim is not None:
                claim.delete()
        else:
            values = _clean_labour(labour)
            claim = claim or LabourClaim(incident=incident)
            for name in LABOUR_FIELDS:
                value = values.get(name, KEEP)
                if value is KEEP:
                    continue
                setattr(claim, name, "" if value is None and name in TEXT_LABOUR else value)
            claim.full_clean(exclude=["incident"])
            claim.save()
    if incident.shared_with_programme:
        victims = Participant.objects.filter(acts__incident=incident).distinct()
        check_sharing(victims, what="incident")


# --- services ---------------------------------------------------------------------------------------------


@transaction.atomic
def incident_create(
    *, actor, partnership, rights=(), acts=(), interventions=(), links=(), labour=None, is_fictional: bool = False,
    external_id: str = "", **values,
) -> Incident:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"Unknown incident fields: {sorted(unknown)}")
    incident = Incident(
        partnership=partnership, is_fictional=is_fictional, external_id=external_id,
        created_by=actor if getattr(actor, "pk", None) else None, **values,
    )
    _clean_incident(incident)
    incident.save()
    _write_children(incident, rights=rights, acts=list(acts), interventions=list(interventions), links=list(links),
                    labour=labour)
    changes = diff({}, sealed_snapshot(incident, FIELDS))
    changes.update(diff({}, _summary(incident)))
    audit_write(actor=actor, action="incident.create", obj=incident, partnership=partnership, changes=changes)
    _reindex(incident)
    return incident


@transaction.atomic
def incident_update(
    *, actor, incident: Incident, rights=None, acts=None, interventions=None, links=None, labour=KEEP, **values
) -> Incident:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    incident = Incident.objects.select_for_update().select_related("partnership__programme").get(pk=incident.pk)
    before = {**sealed_snapshot(incident, FIELDS), **_summary(incident)}
    for name, value in values.items():
        setattr(incident, name, value)
    _clean_incident(incident)
    incident.save()
    _write_children(
        incident, rights=rights, acts=None if acts is None else list(acts),
        interventions=None if interventions is None else list(interventions),
        links=None if links is None else list(links), labour=labour,
    )
    changes = diff(before, {**sealed_snapshot(incident, FIELDS), **_summary(incident)})
    if changes:
        audit_write(actor=actor, action="incident.update", obj=incident, partnership=incident.partnership,
                    changes=changes)
    _reindex(incident)
    return incident


@transaction.atomic
def incident_delete(*, actor, incident: Incident) -> None:
    partnership, title = incident.partnership, incident.title
    before = {**sealed_snapshot(incident, FIELDS), **_summary(incident)}
    _unindex(incident)
    audit_write(actor=actor, action="incident.delete", obj=incident, partnership=partnership, object_repr=title,
                changes={k: {"old": v, "new": None} for k, v in before.items() if v not in (None, "", [])})
    incident.delete()


@transaction.atomic
def incident_source_unlink(*, actor, link: IncidentSource) -> None:
    incident = link.incident
    audit_write(
        actor=actor, action="incident.unlink_source", obj=incident, partnership=incident.partnership,
        changes={"sources": {"old": f"{link.source_id}:{link.connection}:{link.reliability}", "new": None}},
    )
    # The source no longer documents the incident's acts: its violation-type filter in the index changes.
    unindex_object(link)
    link.delete()

