"""Most Significant Change selection rounds: the group, the stories it chose per domain, and its reasons."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, audited_update, diff, snapshot
from ovoz.evidence.services.sources import seal
from ovoz.impact.models import ChangeLevel, ChangeStory, Selection, SelectionRound

FIELDS = ["title", "held_on", "event", "selectors", "notes"]


def _check(selection_round: SelectionRound) -> None:
    if selection_round.event_id and selection_round.event.programme_id != selection_round.programme_id:
        raise ValidationError(_("The meeting must belong to the same programme."))
    if selection_round.partnership_id and selection_round.partnership.programme_id != selection_round.programme_id:
        raise ValidationError(_("The partnership must belong to the same programme."))


@transaction.atomic
def round_create(*, actor, programme, title: str, held_on, partnership=None, event=None, selectors: str = "",
                 notes: str = "", is_fictional: bool = False) -> SelectionRound:
    selection_round = SelectionRound(
        programme=programme, partnership=partnership, event=event, title=title.strip(), held_on=held_on,
        selectors=selectors.strip(), notes=notes.strip(), is_fictional=is_fictional,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    _check(selection_round)
    selection_round.full_clean(exclude=["programme", "partnership", "event", "created_by"])
    selection_round.save()
    audit_write(actor=actor, action="selection_round.create", obj=selection_round, programme=programme,
                partnership=partnership, changes=diff({}, snapshot(selection_round, FIELDS)))
    return selection_round


@transaction.atomic
def round_update(*, actor, selection_round: SelectionRound, **values) -> SelectionRound:
    for name in ("title", "selectors", "notes"):
        if name in values:
            values[name] = values[name].strip()
    if "event" in values:
        selection_round.event = values["event"]
        _check(selection_round)
    return audited_update(actor=actor, instance=selection_round, fields=FIELDS, values=values,
                          action="selection_round.update", programme=selection_round.programme,
                          partnership=selection_round.partnership)


@transaction.atomic
def round_delete(*, actor, selection_round: SelectionRound) -> None:
    audit_write(actor=actor, action="selection_round.delete", obj=selection_round,
                programme=selection_round.programme, partnership=selection_round.partnership,
                changes={"title": {"old": selection_round.title, "new": None}})
    selection_round.delete()


@transaction.atomic
def selection_add(*, actor, selection_round: SelectionRound, story: ChangeStory, domain: str,
                  reason: str) -> Selection:
    """Record that the group chose ``story`` in ``domain``. The caller passes a story the actor may choose from
    (``ovoz.impact.access.candidate_stories``); the rules of the round are checked again here."""
    if domain not in ChangeLevel.values:
        raise ValidationError(_("Choose one of the four domains of change."))
    if not reason.strip():
        raise ValidationError(_("Write why the group chose this story."))
    if story.partnership.programme_id != selection_round.programme_id:
        raise ValidationError(_("This story belongs to another programme."))
    if selection_round.partnership_id and story.partnership_id != selection_round.partnership_id:
        raise ValidationError(_("A partnership's round chooses among its own stories."))
    if not selection_round.partnership_id and not story.shared_with_programme:
        raise ValidationError(_("A programme round chooses among the stories shared with the programme."))
    if selection_round.selections.filter(story=story).exists():
        raise ValidationError(_("This story is already chosen in this round."))
    selection = Selection.objects.create(round=selection_round, story=story, domain=domain, reason=reason.strip())
    audit_write(actor=actor, action="selection.add", obj=selection_round, programme=selection_round.programme,
                partnership=selection_round.partnership,
                changes={"story": {"old": None, "new": str(story.pk)}, "domain": {"old": None, "new": domain},
                         "reason": {"old": None, "new": seal(reason)}})
    return selection


@transaction.atomic
def selection_remove(*, actor, selection: Selection) -> None:
    selection_round = selection.round
    audit_write(actor=actor, action="selection.remove", obj=selection_round, programme=selection_round.programme,
                partnership=selection_round.partnership,
                changes={"story": {"old": str(selection.story_id), "new": None}})
    selection.delete()
