"""Harvested outcomes and reflections (best practices, lessons, threats and how they were met, PM&E results)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, audited_update, diff, snapshot
from ovoz.impact.models import Outcome, Reflection

OUTCOME_FIELDS = ["level", "description", "social_actor", "happened_on", "place", "significance", "contribution",
                  "substantiation", "concerns"]
REFLECTION_FIELDS = ["kind", "title", "text", "how_met", "event"]


def _strip(values: dict, names) -> dict:
    for name in names:
        if isinstance(values.get(name), str):
            values[name] = values[name].strip()
    return values


def _check_stories(programme, partnership, stories) -> list:
    stories = list(stories or [])
    for story in stories:
        if story.partnership.programme_id != programme.pk:
            raise ValidationError(_("A linked story belongs to another programme."))
        if partnership is not None and story.partnership_id != partnership.pk:
            raise ValidationError(_("A partnership's outcome links only its own stories."))
    return stories


def _stories_audit(stories) -> list[str]:
    return sorted(str(s.pk) for s in stories)


def _check_concerns(programme, partnership, toc_outcomes, recommendations) -> tuple[list, list]:
    """ToC outcomes of the programme (its own or the same partnership's) and the programme's recommendations."""
    toc_outcomes, recommendations = list(toc_outcomes or []), list(recommendations or [])
    for node in toc_outcomes:
        toc = node.toc
        if node.kind != "outcome" or toc.programme_id != programme.pk or (
            partnership is not None and toc.partnership_id not in (None, partnership.pk)
        ):
            raise ValidationError(_("Link outcomes of this programme's Theories of Change only."))
    for recommendation in recommendations:
        if recommendation.programme_id != programme.pk:
            raise ValidationError(_("Link recommendations of this programme only."))
    return toc_outcomes, recommendations


def _set_concerns(actor, outcome, toc_outcomes, recommendations) -> None:
    changes = {}
    for name, items in (("toc_outcomes", toc_outcomes), ("recommendations", recommendations)):
        if items is None:
            continue
        manager = getattr(outcome, name)
        before = sorted(str(pk) for pk in manager.values_list("pk", flat=True))
        manager.set(items)
        after = sorted(str(i.pk) for i in items)
        if before != after:
            changes[name] = {"old": before, "new": after}
    if changes:
        audit_write(actor=actor, action="outcome.update", obj=outcome, programme=outcome.programme,
                    partnership=outcome.partnership, changes=changes)


@transaction.atomic
def outcome_create(*, actor, programme, partnership=None, stories=(), toc_outcomes=(), recommendations=(),
                   is_fictional: bool = False, **values) -> Outcome:
    if partnership is not None and partnership.programme_id != programme.pk:
        raise ValidationError(_("The partnership must belong to the same programme."))
    stories = _check_stories(programme, partnership, stories)
    toc_outcomes, recommendations = _check_concerns(programme, partnership, toc_outcomes, recommendations)
    outcome = Outcome(programme=programme, partnership=partnership, is_fictional=is_fictional,
                      created_by=actor if getattr(actor, "pk", None) else None,
                      **_strip(values, OUTCOME_FIELDS))
    outcome.full_clean(exclude=["programme", "partnership", "created_by"])
    outcome.save()
    outcome.stories.set(stories)
    outcome.toc_outcomes.set(toc_outcomes)
    outcome.recommendations.set(recommendations)
    changes = diff({}, snapshot(outcome, OUTCOME_FIELDS))
    changes["stories"] = {"old": [], "new": _stories_audit(stories)}
    changes["toc_outcomes"] = {"old": [], "new": sorted(str(n.pk) for n in toc_outcomes)}
    changes["recommendations"] = {"old": [], "new": sorted(str(r.pk) for r in recommendations)}
    audit_write(actor=actor, action="outcome.create", obj=outcome, programme=programme, partnership=partnership,
                changes=changes)
    return outcome


@transaction.atomic
def outcome_update(*, actor, outcome: Outcome, stories=None, toc_outcomes=None, recommendations=None,
                   **values) -> Outcome:
    if toc_outcomes is not None or recommendations is not None:
        checked = _check_concerns(outcome.programme, outcome.partnership, toc_outcomes, recommendations)
        _set_concerns(actor, outcome, checked[0] if toc_outcomes is not None else None,
                      checked[1] if recommendations is not None else None)
    if stories is not None:
        stories = _check_stories(outcome.programme, outcome.partnership, stories)
        before = _stories_audit(outcome.stories.all())
        outcome.stories.set(stories)
        after = _stories_audit(stories)
        if before != after:
            audit_write(actor=actor, action="outcome.update", obj=outcome, programme=outcome.programme,
                        partnership=outcome.partnership, changes={"stories": {"old": before, "new": after}})
    return audited_update(actor=actor, instance=outcome, fields=OUTCOME_FIELDS, values=_strip(values, OUTCOME_FIELDS),
                          action="outcome.update", programme=outcome.programme, partnership=outcome.partnership)


@transaction.atomic
def outcome_delete(*, actor, outcome: Outcome) -> None:
    audit_write(actor=actor, action="outcome.delete", obj=outcome, programme=outcome.programme,
                partnership=outcome.partnership, changes={"description": {"old": str(outcome), "new": None}})
    outcome.delete()


def _check_event(programme, event) -> None:
    if event is not None and event.programme_id != programme.pk:
        raise ValidationError(_("The event must belong to the same programme."))


@transaction.atomic
def reflection_create(*, actor, programme, kind: str, title: str, text: str, partnership=None, event=None,
                      how_met: str = "", is_fictional: bool = False) -> Reflection:
    if partnership is not None and partnership.programme_id != programme.pk:
        raise ValidationError(_("The partnership must belong to the same programme."))
    _check_event(programme, event)
    reflection = Reflection(programme=programme, partnership=partnership, event=event, kind=kind,
                            title=title.strip(), text=text.strip(), how_met=how_met.strip(),
                            is_fictional=is_fictional, created_by=actor if getattr(actor, "pk", None) else None)
    reflection.full_clean(exclude=["programme", "partnership", "event", "created_by"])
    reflection.save()
    audit_write(actor=actor, action="reflection.create", obj=reflection, programme=programme,
                partnership=partnership, changes=diff({}, snapshot(reflection, REFLECTION_FIELDS)))
    return reflection


@transaction.atomic
def reflection_update(*, actor, reflection: Reflection, **values) -> Reflection:
    if "event" in values:
        _check_event(reflection.programme, values["event"])
    return audited_update(actor=actor, instance=reflection, fields=REFLECTION_FIELDS,
                          values=_strip(values, REFLECTION_FIELDS), action="reflection.update",
                          programme=reflection.programme, partnership=reflection.partnership)


@transaction.atomic
def reflection_delete(*, actor, reflection: Reflection) -> None:
    audit_write(actor=actor, action="reflection.delete", obj=reflection, programme=reflection.programme,
                partnership=reflection.partnership, changes={"title": {"old": reflection.title, "new": None}})
    reflection.delete()
