from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Publication(models.Model):
    """A country briefer, a country research report or the regional synthesis, built from sections."""

    class Kind(models.TextChoices):
        BRIEFER = "briefer", _("Country briefer")
        REPORT = "report", _("Country research report")
        SYNTHESIS = "synthesis", _("Regional synthesis report")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review by the mentor")
        REVIEWED = "reviewed", _("Reviewed: awaiting the coordinator")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="publications")
    partnership = models.ForeignKey(
        "programmes.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="publications",
        help_text=_("Empty for the regional synthesis."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.BRIEFER)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)
    title_local = models.CharField(_("title in the second language"), max_length=300, blank=True)
    second_language = models.CharField(_("second language"), max_length=5, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    is_demonstration = models.BooleanField(_("demonstration content"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "kind", "title"]

    def __str__(self):
        return self.title


class Section(models.Model):
    class Kind(models.TextChoices):
        CONTEXT = "context", _("Context")
        WHAT_WOMEN_FACE = "face", _("What women face")
        VOICES = "voices", _("Their voices")
        TOGETHER = "together", _("What they did together")
        DEMANDS = "demands", _("Their demands and recommendations")
        OTHER = "other", _("Other")

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(_("title"), max_length=200)
    title_local = models.CharField(_("title in the second language"), max_length=200, blank=True)
    body = models.TextField(_("text"), blank=True)
    body_local = models.TextField(_("text in the second language"), blank=True)

    class Meta:
        ordering = ["publication", "order", "pk"]

    def __str__(self):
        return self.title


class Block(models.Model):
    """A data part of a section, refreshed from the evidence each time the publication is built."""

    class Kind(models.TextChoices):
        FINDING = "finding", _("Finding")
        QUOTE = "quote", _("Quote")
        STATISTIC = "statistic", _("Statistic table")
        CHART = "chart", _("Chart")
        RECOMMENDATION = "recommendation", _("Recommendation")

    class SmallCells(models.TextChoices):
        SUPPRESS = "suppress", _("Suppress small cells")
        MERGE = "merge", _("Merge small cells into “other”")
        SHOW = "show", _("Show every count")

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="blocks")
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    order = models.PositiveIntegerField(default=0)
    finding = models.ForeignKey("publishing.Finding", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    # Quotes: a coded segment, its (editable) wording and translation, the speaker and the attribution.
    coding = models.ForeignKey("analysis.Coding", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    speaker = models.ForeignKey("evidence.Participant", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+", help_text=_("Who said it, among the source's participants."))
    quote_text = models.TextField(_("quote"), blank=True)
    quote_translation = models.TextField(_("translation of the quote"), blank=True)
    attribution_fields = models.JSONField(
        default=list, blank=True, help_text="Participant attributes shown after the quote, e.g. migrant_status."
    )
    show_name = models.BooleanField(_("attribute by name"), default=False)
    # Statistics and charts: {"code": <id or null>, "by": "<attribute>", "measure": "participants"|"sources"}
    statistic = models.JSONField(default=dict, blank=True)
    small_cells = models.CharField(max_length=10, choices=SmallCells.choices, default=SmallCells.SUPPRESS)
    text = models.TextField(_("text"), blank=True)
    text_local = models.TextField(_("text in the second language"), blank=True)

    class Meta:
        ordering = ["section", "order", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.pk}"


class DisclosureOverride(models.Model):
    """A coordinator's written decision to publish despite one problem found by the disclosure gate."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="overrides")
    rule = models.CharField(max_length=30)
    key = models.CharField(max_length=200, help_text="Which item the problem is about, as the gate names it.")
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["publication", "-decided_at"]
        constraints = [models.UniqueConstraint(fields=["publication", "rule", "key"], name="one_override_per_problem")]

    def __str__(self):
        return f"{self.rule}:{self.key}"
