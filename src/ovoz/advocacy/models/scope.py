"""What every planning record shares: it belongs to a programme, and to one partnership or to none (then it is
the programme's own, made by the coordinators)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    LOCAL = "local", _("Local")
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    INTERNATIONAL = "international", _("International")


class Scoped(models.Model):
    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="+")
    partnership = models.ForeignKey(
        "programmes.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        verbose_name=_("partnership"), help_text=_("Empty for the programme's own."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    @property
    def scope_label(self) -> str:
        return str(self.partnership.organisation) if self.partnership_id else str(self.programme)
