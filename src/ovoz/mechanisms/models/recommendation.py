"""Recommendations the programme monitors, and their append-only status history (civil monitoring over time)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.mechanisms.models.registry import COUNTRIES, Article, Mechanism


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    PARTIAL = "partial", _("Partially implemented")
    IMPLEMENTED = "implemented", _("Implemented")
    REGRESSED = "regressed", _("Regressed")


class Recommendation(models.Model):
    class Origin(models.TextChoices):
        FINDINGS = "findings", _("The programme's findings")
        RESOLUTION = "resolution", _("A resolution")
        CONCLUDING = "concluding", _("Concluding observations of a treaty body")
        UPR = "upr", _("Universal Periodic Review")
        SPECIAL = "special", _("A special procedure")
        OTHER = "other", _("Other")

    class Addressee(models.TextChoices):
        PARLIAMENT = "parliament", _("Parliament")
        GOVERNMENT = "government", _("Government and state bodies")
        LOCAL = "local", _("Local self-government")
        CSO = "cso", _("Civil society organisations")
        DONORS = "donors", _("International and donor organisations")
        UN = "un", _("UN and regional bodies")
        EMPLOYERS = "employers", _("Employers")
        OTHER = "other", _("Other")

    class Response(models.TextChoices):
        SUPPORTED = "supported", _("Supported")
        NOTED = "noted", _("Noted")

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="recommendations")
    partnership = models.ForeignKey(
        "programmes.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="recommendations",
        help_text=_("The partnership that proposes it; empty for the programme's own and for UN recommendations."))
    origin = models.CharField(_("where it comes from"), max_length=12, choices=Origin.choices)
    source_title = models.CharField(_("document"), max_length=300, blank=True)
    reference = models.CharField(_("reference or symbol"), max_length=120, blank=True,
                                 help_text=_("For example CEDAW/C/KGZ/CO/5, para. 30."))
    mechanism = models.ForeignKey(Mechanism, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="recommendations", verbose_name=_("mechanism"))
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    text = models.TextField(_("recommendation"))
    addressee = models.CharField(_("addressed to"), max_length=200)
    addressee_kind = models.CharField(_("kind of addressee"), max_length=12, choices=Addressee.choices,
                                      default=Addressee.GOVERNMENT)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    sdg_targets = models.CharField(_("SDG targets"), max_length=200, blank=True, help_text=_("For example 5.2, 8.8"))
    upr_response = models.CharField(_("response of the state (UPR)"), max_length=10, choices=Response.choices,
                                    blank=True)
    recommending_state = models.CharField(_("recommending state (UPR)"), max_length=100, blank=True)
    articles = models.ManyToManyField(Article, blank=True, related_name="recommendations", verbose_name=_("articles"))
    findings = models.ManyToManyField("publishing.Finding", blank=True, related_name="+", verbose_name=_("findings"))
    activities = models.ManyToManyField("advocacy.Activity", blank=True, related_name="recommendations",
                                        verbose_name=_("advocacy activities"))
    # The latest entry of the history, kept here for filtering; only the status service writes it.
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    status_on = models.DateField(_("status since"), null=True, blank=True)
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "addressee", "pk"]
        indexes = [models.Index(fields=["programme", "status"]), models.Index(fields=["programme", "addressee"])]
        constraints = [models.CheckConstraint(
            condition=models.Q(upr_response="") | models.Q(origin="upr"), name="upr_response_only_for_upr")]

    def __str__(self):
        return self.text[:80]

    def sdg_list(self) -> list[str]:
        return [t.strip() for t in self.sdg_targets.replace(";", ",").split(",") if t.strip()]


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError(_("The status history is append-only: entries cannot be changed."))

    def delete(self):
        raise ValidationError(_("The status history is append-only: entries cannot be deleted."))


class StatusChange(models.Model):
    """One observed change of a recommendation's status, with what shows it. Never changed, never deleted."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.PROTECT, related_name="history")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    previous_status = models.CharField(max_length=12, choices=Status.choices)
    observed_on = models.DateField(_("observed on"))
    evidence = models.TextField(_("evidence of the change"))
    evidence_url = models.URLField(_("link to the evidence"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["recommendation", "observed_on", "pk"]

    def __str__(self):
        return f"{self.get_previous_status_display()} → {self.get_status_display()} ({self.observed_on})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("The status history is append-only: entries cannot be changed."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("The status history is append-only: entries cannot be deleted."))
