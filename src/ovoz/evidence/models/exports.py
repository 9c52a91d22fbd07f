from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.evidence.models.participant import ConsentScope


class ExportRecord(models.Model):
    """A trace of every export of participants: who, when, for what purpose, whom it held, with names or not.

    The exported file itself is not kept. When a participant withdraws, the exports made before that included
    her are listed on her page for follow-up.
    """

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX (Excel)"

    partnership = models.ForeignKey("programmes.Partnership", on_delete=models.PROTECT, related_name="exports")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    actor_label = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    purpose = models.CharField(_("purpose"), max_length=20, choices=ConsentScope.choices)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    participants = models.ManyToManyField("evidence.Participant", related_name="exports", blank=True)
    participant_count = models.PositiveIntegerField(default=0)
    includes_identity = models.BooleanField(_("names and contacts included"), default=False)
    language = models.CharField(max_length=8, blank=True)
    filters = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_purpose_display()} {self.get_format_display()} {self.created_at:%Y-%m-%d}"
