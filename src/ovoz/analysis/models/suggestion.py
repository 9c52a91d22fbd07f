from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ClassifierRun(models.Model):
    """One offline training of a programme's code-suggestion classifier, with its held-out measures."""

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="classifier_runs")
    partnership = models.ForeignKey(
        "programmes.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    trained_at = models.DateTimeField(default=timezone.now)
    trained_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    examples = models.PositiveIntegerField(default=0)
    # {"precision": .., "recall": .., "f1": .., "baseline": {...}, "per_code": {code_id: {...}}}
    metrics = models.JSONField(default=dict, blank=True)
    # The fitted model, pickled and encrypted by the default storage like every other file.
    model_file = models.FileField(upload_to="classifiers/", blank=True)

    class Meta:
        ordering = ["-trained_at"]
        get_latest_by = "trained_at"

    def __str__(self):
        return f"{self.programme_id} {self.trained_at:%Y-%m-%d %H:%M}"


class Suggestion(models.Model):
    """A code proposed for a sentence of a transcript; the researcher's decision feeds the next training."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Suggested")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    source = models.ForeignKey("evidence.Source", on_delete=models.CASCADE, related_name="suggestions")
    code = models.ForeignKey("analysis.Code", on_delete=models.CASCADE, related_name="suggestions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    confidence = models.FloatField()
    run = models.ForeignKey(ClassifierRun, null=True, on_delete=models.SET_NULL, related_name="suggestions")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    coding = models.ForeignKey("analysis.Coding", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["source", "start", "-confidence"]
        indexes = [models.Index(fields=["source", "status"])]

    def __str__(self):
        return f"{self.code_id}@{self.source_id}[{self.start}:{self.end}] {self.confidence:.2f}"
