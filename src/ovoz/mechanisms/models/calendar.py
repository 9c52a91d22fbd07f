"""The review calendar: when a mechanism reviews a country and when submissions are due, and the reminders sent."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.mechanisms.models.registry import COUNTRIES, Mechanism, Sourced


class Review(Sourced):
    class Status(models.TextChoices):
        EXPECTED = "expected", _("Expected")
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")

    mechanism = models.ForeignKey(Mechanism, on_delete=models.PROTECT, related_name="reviews")
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    session = models.CharField(_("session or cycle"), max_length=200, blank=True)
    review_on = models.DateField(_("review date"), null=True, blank=True)
    when_text = models.CharField(_("when, if no exact date"), max_length=100, blank=True,
                                 help_text=_("For example “November 2023” or “date unverified”."))
    submission_deadline = models.DateField(_("deadline for submissions"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.EXPECTED)
    notes = models.TextField(_("notes"), blank=True)
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = [models.F("review_on").asc(nulls_last=True), "country", "pk"]
        indexes = [models.Index(fields=["submission_deadline"])]

    def __str__(self):
        return f"{self.mechanism.short_name} – {self.get_country_display()} {self.session}".strip()


class ReviewReminder(models.Model):
    """One reminder stage sent for one deadline: its record is what keeps ``ovoz mechanisms remind`` idempotent."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="reminders")
    deadline = models.DateField()
    stage = models.PositiveIntegerField(help_text="Days before the deadline this reminder belongs to.")
    sent_on = models.DateField()
    recipients = models.TextField(blank=True)

    class Meta:
        ordering = ["review", "deadline", "-stage"]
        constraints = [models.UniqueConstraint(fields=["review", "deadline", "stage"], name="one_reminder_per_stage")]

    def __str__(self):
        return f"{self.review} – {self.stage} days before {self.deadline}"
