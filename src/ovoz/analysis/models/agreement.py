from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DoubleCoding(models.Model):
    """Two researchers code one source independently, each blind to the other until both finish."""

    class Status(models.TextChoices):
        CODING = "coding", _("Coding")
        COMPARING = "comparing", _("Both finished: comparing")
        RECONCILED = "reconciled", _("Reconciled")

    source = models.ForeignKey("evidence.Source", on_delete=models.CASCADE, related_name="double_codings")
    coder_a = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    coder_b = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    finished_a_at = models.DateTimeField(null=True, blank=True)
    finished_b_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.CODING)
    reconciled_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.source} ({self.coder_a} / {self.coder_b})"

    @property
    def both_finished(self) -> bool:
        return self.finished_a_at is not None and self.finished_b_at is not None

    def is_coder(self, user) -> bool:
        return user.pk in (self.coder_a_id, self.coder_b_id)
