from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Finding(models.Model):
    """A statement a partnership makes from its evidence, linked to that evidence.

    Its strength (sources, participants and partnerships behind it) is never stored: it is counted from the
    links through the consent filters each time, so a withdrawal weakens it at once.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AGREED = "agreed", _("Agreed by the team")

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="findings")
    partnership = models.ForeignKey(
        "programmes.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="findings",
        help_text=_("Empty for a regional finding drawn by the coordinators from several partnerships."),
    )
    statement = models.TextField(_("finding"))
    statement_local = models.TextField(_("finding in the second language"), blank=True)
    theme = models.ForeignKey("analysis.Code", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("theme"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "partnership", "-updated_at"]

    def __str__(self):
        return self.statement[:80]


class FindingLink(models.Model):
    """One piece of evidence behind a finding: a coded segment, an incident, or a statistic computed live."""

    class Kind(models.TextChoices):
        CODING = "coding", _("Coded segment")
        INCIDENT = "incident", _("Incident")
        STATISTIC = "statistic", _("Statistic")

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    coding = models.ForeignKey("analysis.Coding", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    incident = models.ForeignKey("evidence.Incident", null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="+")
    # {"code": <code id>, "by": "<attribute>", "measure": "participants"|"sources"|"segments"}
    statistic = models.JSONField(default=dict, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["finding", "kind", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} for finding {self.finding_id}"
