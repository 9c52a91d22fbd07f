"""Power map actors, and critical pathways."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ovoz.advocacy.models.scope import Level, Scoped
from ovoz.programmes.models import COUNTRIES


class Actor(Scoped):
    """Someone with power over the change: placed on the influence x stance grid, reused as an advocacy target."""

    class Kind(models.TextChoices):
        STATE = "state", _("State body")
        LOCAL_GOVERNMENT = "local_government", _("Local self-government")
        PARLIAMENT = "parliament", _("Parliament")
        EMPLOYER = "employer", _("Employer")
        CSO = "cso", _("Civil society organisation")
        MEDIA = "media", _("Media")
        DONOR = "donor", _("Donor")
        UN = "un", _("United Nations")
        OTHER = "other", _("Other")

    class Stance(models.IntegerChoices):
        STRONGLY_OPPOSED = -2, _("Strongly opposed")
        OPPOSED = -1, _("Opposed")
        NEUTRAL = 0, _("Neutral")
        SUPPORTIVE = 1, _("Supportive")
        STRONGLY_SUPPORTIVE = 2, _("Strongly supportive")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.STATE)
    level = models.CharField(_("level"), max_length=14, choices=Level.choices, default=Level.NATIONAL)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES, blank=True)
    influence = models.PositiveSmallIntegerField(
        _("influence"), default=0, validators=[MinValueValidator(0), MaxValueValidator(5)],
        help_text=_("0 (none) to 5 (decides)."),
    )
    stance = models.SmallIntegerField(_("stance"), choices=Stance.choices, default=Stance.NEUTRAL)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["programme", "partnership", "-influence", "name", "pk"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        constraints = [
            models.CheckConstraint(condition=Q(influence__gte=0, influence__lte=5), name="actor_influence_range"),
            models.CheckConstraint(condition=Q(stance__gte=-2, stance__lte=2), name="actor_stance_range"),
        ]

    def __str__(self):
        return self.name


class StepStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")
    DROPPED = "dropped", _("Dropped")


class Pathway(Scoped):
    """A critical pathway: the ordered steps that lead to one impact objective."""

    title = models.CharField(_("title"), max_length=200)
    objective = models.TextField(_("impact objective"))

    class Meta:
        ordering = ["programme", "partnership", "title", "pk"]
        verbose_name = _("critical pathway")
        verbose_name_plural = _("critical pathways")

    def __str__(self):
        return self.title


class PathwayStep(models.Model):
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("step"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True)
    responsible = models.CharField(_("responsible"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=StepStatus.choices, default=StepStatus.PLANNED)

    class Meta:
        ordering = ["pathway", "position", "pk"]
        verbose_name = _("pathway step")
        verbose_name_plural = _("pathway steps")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True) | Q(due_on__isnull=True) | Q(due_on__gte=models.F("starts_on")),
                name="pathway_step_dates",
            )
        ]

    def __str__(self):
        return self.title
