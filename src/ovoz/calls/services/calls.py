"""The call itself: creating, editing, focus areas, criteria, publishing and closing, reviewers."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, audited_update, diff, snapshot
from ovoz.calls.models import (
    Call,
    CallReviewer,
    Criterion,
    FocusArea,
    Review,
)
from ovoz.calls.services.applications import refresh_eligibility
from ovoz.calls.services.common import (
    CALL_FIELDS,
    EDITABLE_CALL_FIELDS,
    check_dates,
    check_places,
    clean_names,
    fresh,
    refuse_if_announced,
)

# --- the call ----------------------------------------------------------------------------------------


@transaction.atomic
def call_create(
    *,
    actor,
    programme,
    title: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
    places_min: int = 6,
    places_max: int = 8,
    description: str = "",
    eligibility: str = "",
    focus_areas=(),
    is_fictional: bool = False,
) -> Call:
    title = title.strip()
    if not title:
        raise ValidationError(_("A call needs a title."))
    check_dates(opens_on, closes_on)
    check_places(places_min, places_max)
    call = Call.objects.create(
        programme=programme,
        title=title,
        description=description.strip(),
        eligibility=eligibility.strip(),
        opens_on=opens_on,
        closes_on=closes_on,
        places_min=places_min,
        places_max=places_max,
        is_fictional=is_fictional,
    )
    names = clean_names(focus_areas)
    FocusArea.objects.bulk_create(FocusArea(call=call, name=n, position=i) for i, n in enumerate(names))
    changes = diff({}, snapshot(call, CALL_FIELDS))
    if names:
        changes["focus_areas"] = {"old": None, "new": names}
    audit_write(actor=actor, action="call.create", obj=call, programme=programme, changes=changes)
    return call


@transaction.atomic
def call_update(*, actor, call: Call, **values) -> Call:
    refuse_if_announced(call)
    unknown = set(values) - set(EDITABLE_CALL_FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    if "title" in values:
        values["title"] = values["title"].strip()
        if not values["title"]:
            raise ValidationError(_("A call needs a title."))
    check_dates(values.get("opens_on", call.opens_on), values.get("closes_on", call.closes_on))
    check_places(values.get("places_min", call.places_min), values.get("places_max", call.places_max))
    dates_before = (call.opens_on, call.closes_on)
    audited_update(
        actor=actor, instance=call, fields=CALL_FIELDS, values=values, action="call.update",
        programme=call.programme,
    )
    if (call.opens_on, call.closes_on) != dates_before:
        refresh_eligibility(call, actor)
    return call


@transaction.atomic
def call_set_focus_areas(*, actor, call: Call, names) -> list[FocusArea]:
    """Replace the call's focus areas; only before the first application, which chooses among them."""
    refuse_if_announced(call)
    if call.applications.exists():
        raise ValidationError(_("Applications have chosen among these focus areas; they can no longer change."))
    names = clean_names(names)
    if not names:
        raise ValidationError(_("A call needs at least one focus area."))
    old = [f.name for f in call.focus_areas.all()]
    if old == names:
        return list(call.focus_areas.all())
    call.focus_areas.all().delete()
    areas = FocusArea.objects.bulk_create(FocusArea(call=call, name=n, position=i) for i, n in enumerate(names))
    audit_write(
        actor=actor, action="call.focus_areas", obj=call, programme=call.programme,
        changes={"focus_areas": {"old": old, "new": names}},
    )
    return areas


@transaction.atomic
def call_set_criteria(*, actor, call: Call, rows: list[dict]) -> list[Criterion]:
    """Make the call's criteria exactly ``rows`` (each: optional ``id``, ``name``, ``description``,
    ``weight``), in that order. A criterion already scored by a reviewer cannot be removed."""
    refuse_if_announced(call)
    existing = {c.pk: c for c in call.criteria.all()}
    keep, seen = [], set()
    for i, row in enumerate(rows):
        name = " ".join(str(row.get("name", "")).split())
        if not name:
            raise ValidationError(_("Every criterion needs a name."))
        if name.casefold() in seen:
            raise ValidationError(_("Two criteria are named %(name)s.") % {"name": name})
        seen.add(name.casefold())
        weight = row.get("weight")
        if not isinstance(weight, int) or not 1 <= weight <= 100:
            raise ValidationError(_("The weight of %(name)s must be a whole number from 1 to 100.") % {"name": name})
        pk = row.get("id")
        if pk is not None and pk not in existing:
            raise ValidationError(_("That criterion is not part of this call."))
        keep.append((pk, {"name": name[:200], "description": str(row.get("description", "")).strip(),
                          "weight": weight, "position": i}))
    if not keep:
        raise ValidationError(_("A call needs at least one criterion."))
    removed = [c for pk, c in existing.items() if pk not in {k for k, _v in keep}]
    scored = [c.name for c in removed if c.scores.exists()]
    if scored:
        raise ValidationError(
            _("Reviewers have already scored %(names)s; it cannot be removed.") % {"names": ", ".join(scored)}
        )
    before = [snapshot(c, ["name", "description", "weight"]) for c in existing.values()]
    for c in removed:
        c.delete()
    result = []
    for pk, values in keep:
        if pk is None:
            result.append(Criterion.objects.create(call=call, **values))
        else:
            c = existing[pk]
            for k, v in values.items():
                setattr(c, k, v)
            c.save()
            result.append(c)
    after = [snapshot(c, ["name", "description", "weight"]) for c in result]
    if before != after:
        audit_write(
            actor=actor, action="call.criteria", obj=call, programme=call.programme,
            changes={"criteria": {"old": before, "new": after}},
        )
    return result


def _transition(*, actor, call: Call, to: str, action: str, stamp: str | None = None) -> Call:
    before = call.state
    call.state = to
    fields = ["state"]
    if stamp:
        setattr(call, stamp, timezone.now())
        fields.append(stamp)
    call.save(update_fields=fields)
    audit_write(
        actor=actor, action=action, obj=call, programme=call.programme,
        changes={"state": {"old": before, "new": to}},
    )
    return call


@transaction.atomic
def call_publish(*, actor, call: Call) -> Call:
    """Open the call to the public (a draft), or open it again (a closed call)."""
    if fresh(call).state not in (Call.State.DRAFT, Call.State.CLOSED):
        raise ValidationError(_("Only a draft or a closed call can be published."))
    if not call.focus_areas.exists():
        raise ValidationError(_("Add the call's focus areas before publishing it."))
    if not call.criteria.exists():
        raise ValidationError(_("Add the selection criteria before publishing the call."))
    return _transition(actor=actor, call=call, to=Call.State.PUBLISHED, action="call.publish", stamp="published_at")


@transaction.atomic
def call_close(*, actor, call: Call) -> Call:
    """Stop taking applications: the public page and form disappear; selection can start."""
    if fresh(call).state != Call.State.PUBLISHED:
        raise ValidationError(_("Only a published call can be closed."))
    return _transition(actor=actor, call=call, to=Call.State.CLOSED, action="call.close", stamp="closed_at")


# --- reviewers -----------------------------------------------------------------------------------------


@transaction.atomic
def call_reviewer_add(*, actor, call: Call, user) -> CallReviewer:
    refuse_if_announced(call)
    if not user.is_active:
        raise ValidationError(_("That account is not active."))
    link, created = CallReviewer.objects.get_or_create(call=call, user=user)
    if created:
        audit_write(
            actor=actor, action="call.reviewer_add", obj=call, programme=call.programme,
            changes={"reviewer": {"old": None, "new": user.username}},
        )
    return link


@transaction.atomic
def call_reviewer_remove(*, actor, call: Call, user) -> None:
    refuse_if_announced(call)
    if Review.objects.filter(application__call=call, reviewer=user).exists():
        raise ValidationError(
            _("%(name)s has already started reviewing; her reviews stay, and so does she.")
            % {"name": user.display_name}
        )
    deleted, _rows = CallReviewer.objects.filter(call=call, user=user).delete()
    if deleted:
        audit_write(
            actor=actor, action="call.reviewer_remove", obj=call, programme=call.programme,
            changes={"reviewer": {"old": user.username, "new": None}},
        )
