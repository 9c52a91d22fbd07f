from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimelineItem(models.Model):
    """A phase (from a start to an end date) or a milestone (one date) of a programme's timeline."""

    class Kind(models.TextChoices):
        PHASE = "phase", _("Phase")
        MILESTONE = "milestone", _("Milestone")

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="timeline_items")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("date or start"))
    ends_on = models.DateField(_("end"), null=True, blank=True, help_text=_("Phases only."))
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "starts_on", "ends_on", "pk"]
        verbose_name = _("timeline item")
        verbose_name_plural = _("timeline items")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="milestone", ends_on__isnull=True)
                    | Q(kind="phase", ends_on__isnull=False, ends_on__gte=models.F("starts_on"))
                ),
                name="timeline_item_dates",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_phase(self) -> bool:
        return self.kind == self.Kind.PHASE

    @property
    def last_day(self):
        return self.ends_on or self.starts_on
