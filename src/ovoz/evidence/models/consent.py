from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConsentRecord(models.Model):
    """One act of consent or withdrawal, kept for ever; the latest one is the participant's current state.

    Withdrawing (all or one scope) writes a new record with the scope turned off and its date: from then on
    the material is excluded from every new output and query the scope covers.
    """

    class Method(models.TextChoices):
        ORAL = "oral", _("Oral")
        WRITTEN = "written", _("Written")

    class Kind(models.TextChoices):
        GIVEN = "given", _("Consent given")
        CHANGED = "changed", _("Consent changed")
        WITHDRAWN_SCOPE = "withdrawn_scope", _("Part of the consent withdrawn")
        WITHDRAWN = "withdrawn", _("Consent withdrawn entirely")

    participant = models.ForeignKey("evidence.Participant", on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.GIVEN)
    date = models.DateField(_("date"))
    method = models.CharField(_("method"), max_length=10, choices=Method.choices)
    language = models.CharField(_("language"), max_length=8)
    form = models.FileField(_("signed form"), upload_to="consent/%Y/", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    scopes = models.JSONField(_("scopes"), default=list, help_text="The ConsentScope values allowed from this date.")
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["participant", "-date", "-created_at"]
        get_latest_by = ["date", "created_at"]

    def __str__(self):
        return f"{self.participant} {self.get_kind_display()} {self.date}"
