"""Recording change stories and the feedback given to their tellers.

A story's words are testimony: they enter the audit log sealed (length and fingerprint), never in plain text.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, diff
from ovoz.evidence.services.sources import seal
from ovoz.impact.models import ChangeStory, StoryFeedback
from ovoz.programmes.models import Membership

FIELDS = [
    "level", "title", "social_actor", "what_changed", "happened_on", "place", "significance", "contribution",
    "evidence", "verifiable_by", "storyteller_kind", "storyteller", "storyteller_user", "storyteller_name",
    "storyteller_agrees", "collected_by", "collected_on", "shared_with_programme",
]
SEALED = {"what_changed", "significance", "contribution", "evidence", "storyteller_name"}
TEXT = ["title", "social_actor", "what_changed", "place", "significance", "contribution", "evidence",
        "verifiable_by", "storyteller_name"]


def story_snapshot(story: ChangeStory) -> dict:
    out = {}
    for name in FIELDS:
        field = story._meta.get_field(name)
        value = getattr(story, field.attname)
        if name in SEALED:
            out[name] = seal(value or "")
        elif value is None or isinstance(value, (str, int, bool)):
            out[name] = value
        else:
            out[name] = str(value)
    return out


def _is_team_member(partnership, user) -> bool:
    return Membership.objects.filter(partnership=partnership, user=user).exists()


def _clean(story: ChangeStory) -> None:
    for name in TEXT:
        setattr(story, name, (getattr(story, name) or "").strip())
    kind = story.storyteller_kind
    Kind = ChangeStory.Storyteller
    if kind == Kind.PARTICIPANT:
        if story.storyteller is None:
            raise ValidationError(_("Choose the participant who told the story."))
        if story.storyteller.partnership_id != story.partnership_id:
            raise ValidationError(_("The storyteller must be a participant of this partnership."))
        if story.storyteller.withdrawn_at:
            raise ValidationError(_("%(code)s withdrew her consent: her story cannot be recorded.")
                                  % {"code": story.storyteller.code})
        if not story.storyteller.consent_analysis:
            raise ValidationError(_("%(code)s did not allow the use of her words in the research.")
                                  % {"code": story.storyteller.code})
        story.storyteller_user, story.storyteller_name, story.storyteller_agrees = None, "", False
    elif kind == Kind.TEAM:
        if story.storyteller_user is None or not _is_team_member(story.partnership, story.storyteller_user):
            raise ValidationError(_("The storyteller must be a member of the partnership's team."))
        story.storyteller, story.storyteller_name = None, ""
    else:
        if not story.storyteller_name:
            raise ValidationError(_("Write who told the story."))
        story.storyteller, story.storyteller_user = None, None
    if story.shared_with_programme:
        if kind == Kind.PARTICIPANT and not story.storyteller.consent_coordinators:
            raise ValidationError(_("%(code)s did not allow sharing with the programme's coordinators.")
                                  % {"code": story.storyteller.code})
        if kind != Kind.PARTICIPANT and not story.storyteller_agrees:
            raise ValidationError(_("Share the story with the programme only once its teller has agreed."))
    if story.collected_by_id and not _is_team_member(story.partnership, story.collected_by):
        raise ValidationError(_("The collector must be a member of the partnership's team."))
    story.full_clean(exclude=["partnership", "storyteller", "storyteller_user", "collected_by"])


@transaction.atomic
def story_create(*, actor, partnership, is_fictional: bool = False, external_id: str = "", **values) -> ChangeStory:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"Not a story field: {sorted(unknown)}")
    values.setdefault("collected_by", actor if actor is not None and getattr(actor, "pk", None) else None)
    story = ChangeStory(partnership=partnership, is_fictional=is_fictional, external_id=external_id, **values)
    _clean(story)
    story.save()
    audit_write(actor=actor, action="story.create", obj=story, partnership=partnership,
                changes=diff({}, story_snapshot(story)))
    return story


@transaction.atomic
def story_update(*, actor, story: ChangeStory, **values) -> ChangeStory:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"Not a story field: {sorted(unknown)}")
    before = story_snapshot(story)
    for name, value in values.items():
        setattr(story, name, value)
    _clean(story)
    story.save()
    changes = diff(before, story_snapshot(story))
    if changes:
        audit_write(actor=actor, action="story.update", obj=story, partnership=story.partnership, changes=changes)
    return story


@transaction.atomic
def story_delete(*, actor, story: ChangeStory) -> None:
    audit_write(actor=actor, action="story.delete", obj=story, partnership=story.partnership,
                changes={"title": {"old": story.title, "new": None}})
    story.delete()


@transaction.atomic
def feedback_record(*, actor, story: ChangeStory, given_on, method: str = StoryFeedback.Method.IN_PERSON,
                    note: str = "", selection_round=None) -> StoryFeedback:
    if selection_round is not None and not selection_round.selections.filter(story=story).exists():
        raise ValidationError(_("This story was not chosen in that selection round."))
    feedback = StoryFeedback(story=story, round=selection_round, given_on=given_on, method=method,
                             note=note.strip(), given_by=actor if getattr(actor, "pk", None) else None)
    feedback.full_clean(exclude=["story", "round", "given_by"])
    feedback.save()
    audit_write(actor=actor, action="story.feedback", obj=story, partnership=story.partnership,
                changes={"given_on": {"old": None, "new": str(given_on)}, "note": {"old": None, "new": seal(note)}})
    return feedback
