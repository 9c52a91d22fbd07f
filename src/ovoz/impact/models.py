"""Change stories (Most Significant Change, Outcome Harvesting), selection rounds, outcomes and reflections.

A change story is evidence about a person: when its storyteller is a participant, her consent decides where the
story may appear, exactly as for her testimony (``ovoz.evidence.access.with_consent`` through ``storyteller``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.fields import EncryptedTextField


class ChangeLevel(models.TextChoices):
    """From personal to structural change (seed 001, section 7.6); also the domains of a selection round."""

    PERSONAL = "personal", _("Personal")
    ORGANISATIONAL = "organisational", _("Organisational")
    COMMUNITY = "community", _("Community")
    STRUCTURAL = "structural", _("Structural")


class ChangeStory(models.Model):
    class Storyteller(models.TextChoices):
        PARTICIPANT = "participant", _("A participant of the research")
        TEAM = "team", _("A member of the partnership's team")
        OTHER = "other", _("Someone else")

    partnership = models.ForeignKey("programmes.Partnership", on_delete=models.PROTECT, related_name="change_stories")
    level = models.CharField(_("level of change"), max_length=16, choices=ChangeLevel.choices)
    title = models.CharField(_("title"), max_length=200)
    social_actor = models.CharField(
        _("who changed"), max_length=300, help_text=_("The person, group, organisation or institution that changed.")
    )
    what_changed = models.TextField(_("what changed"))
    happened_on = models.DateField(_("when"), null=True, blank=True)
    place = models.CharField(_("where"), max_length=200, blank=True)
    significance = models.TextField(_("why it is significant"), blank=True)
    contribution = models.TextField(_("how the FPAR contributed"), blank=True)
    evidence = models.TextField(_("evidence of the change"), blank=True)
    verifiable_by = models.CharField(_("who can verify it"), max_length=300, blank=True)

    storyteller_kind = models.CharField(
        _("storyteller"), max_length=12, choices=Storyteller.choices, default=Storyteller.PARTICIPANT
    )
    storyteller = models.ForeignKey(
        "evidence.Participant", verbose_name=_("participant"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="change_stories",
    )
    storyteller_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("team member"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    storyteller_name = EncryptedTextField(_("storyteller's name"), blank=True)
    # A participant's consent lives on her participant record; anyone else's agreement is recorded here.
    storyteller_agrees = models.BooleanField(
        _("the storyteller agreed that her story is shared with the programme and used in its reports"), default=False
    )
    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("collected by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    collected_on = models.DateField(_("collected on"), default=timezone.localdate)
    shared_with_programme = models.BooleanField(_("shared with the programme's coordinators"), default=False)
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)
    external_id = models.CharField(max_length=100, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-collected_on", "-pk"]
        verbose_name = _("change story")
        verbose_name_plural = _("change stories")
        indexes = [models.Index(fields=["partnership", "level"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(storyteller_kind="participant", storyteller__isnull=False)
                | ~Q(storyteller_kind="participant"),
                name="story_participant_storyteller",
            )
        ]

    def __str__(self):
        return self.title

    def storyteller_label(self) -> str:
        """How the story names its teller on a page: a pseudonym code, never a participant's name."""
        if self.storyteller_kind == self.Storyteller.PARTICIPANT and self.storyteller_id:
            return self.storyteller.code
        if self.storyteller_kind == self.Storyteller.TEAM and self.storyteller_user_id:
            return self.storyteller_user.display_name
        return self.storyteller_name or str(self.Storyteller(self.storyteller_kind).label)


class SelectionRound(models.Model):
    """A Most Significant Change selection: a group reads the stories and chooses, per domain, with reasons."""

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="selection_rounds")
    # Empty for a programme round (for example at the reflection meeting); set for a partnership's own round.
    partnership = models.ForeignKey(
        "programmes.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="selection_rounds"
    )
    event = models.ForeignKey(
        "events.Event", verbose_name=_("meeting"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="selection_rounds",
    )
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("held on"))
    selectors = models.TextField(_("who selected"), blank=True, help_text=_("The people or groups who chose."))
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("selection round")
        verbose_name_plural = _("selection rounds")

    def __str__(self):
        return self.title


class Selection(models.Model):
    round = models.ForeignKey(SelectionRound, on_delete=models.CASCADE, related_name="selections")
    story = models.ForeignKey(ChangeStory, on_delete=models.CASCADE, related_name="selections")
    domain = models.CharField(_("domain"), max_length=16, choices=ChangeLevel.choices)
    reason = models.TextField(_("why the group chose it"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["round", "domain", "pk"]
        constraints = [models.UniqueConstraint(fields=["round", "story"], name="story_once_per_round")]

    def __str__(self):
        return f"{self.round}: {self.story}"


class StoryFeedback(models.Model):
    """What was told back to a storyteller: that her story was chosen, and why (or what happened to it)."""

    class Method(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("By phone")
        MESSAGE = "message", _("By message")
        MEETING = "meeting", _("At a community meeting")

    story = models.ForeignKey(ChangeStory, on_delete=models.CASCADE, related_name="feedback")
    round = models.ForeignKey(SelectionRound, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    given_on = models.DateField(_("given on"))
    method = models.CharField(_("how"), max_length=12, choices=Method.choices, default=Method.IN_PERSON)
    note = models.TextField(_("what was said"), blank=True)
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-given_on", "-pk"]

    def __str__(self):
        return f"{self.story} – {self.given_on}"


class Outcome(models.Model):
    """A harvested outcome: an observed change in a social actor, linked to what it concerns and its stories."""

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="outcomes")
    partnership = models.ForeignKey(
        "programmes.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="outcomes"
    )
    level = models.CharField(_("level of change"), max_length=16, choices=ChangeLevel.choices)
    description = models.TextField(_("what changed"))
    social_actor = models.CharField(_("who changed"), max_length=300)
    happened_on = models.DateField(_("when"), null=True, blank=True)
    place = models.CharField(_("where"), max_length=200, blank=True)
    significance = models.TextField(_("why it is significant"), blank=True)
    contribution = models.TextField(_("how the FPAR contributed"), blank=True)
    substantiation = models.TextField(_("who confirmed it"), blank=True)
    # What the outcome concerns: outcomes of a Theory of Change and recommendations, so that the programme
    # dashboard shows which planned outcomes and which recommendations have evidence of change.
    toc_outcomes = models.ManyToManyField(
        "advocacy.ChangeNode", blank=True, related_name="harvested_outcomes",
        verbose_name=_("Theory of Change outcomes"), limit_choices_to={"kind": "outcome"},
    )
    recommendations = models.ManyToManyField(
        "mechanisms.Recommendation", blank=True, related_name="harvested_outcomes", verbose_name=_("recommendations"),
    )
    concerns = models.CharField(
        _("concerns (in words)"), max_length=300, blank=True,
        help_text=_("What else this change concerns, in words."),
    )
    stories = models.ManyToManyField(ChangeStory, blank=True, related_name="outcomes", verbose_name=_("stories"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-happened_on", "-pk"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self):
        return self.description[:80]


class Reflection(models.Model):
    """What a partnership or a meeting learnt (seed 001, section 7.4)."""

    class Kind(models.TextChoices):
        BEST_PRACTICE = "best_practice", _("Best practice")
        LESSON = "lesson", _("Lesson learnt")
        THREAT = "threat", _("Threat or challenge")
        PME = "pme", _("Participatory monitoring and evaluation result")

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="reflections")
    partnership = models.ForeignKey(
        "programmes.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="reflections"
    )
    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="reflections",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    how_met = models.TextField(_("how it was met"), blank=True, help_text=_("For a threat or challenge."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "-created_at", "-pk"]
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")

    def __str__(self):
        return self.title
