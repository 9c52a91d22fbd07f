from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Reminder(models.Model):
    """A reminder e-mail already sent about a deliverable: what makes ``ovoz remind`` idempotent."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")

    deliverable = models.ForeignKey("deliverables.Deliverable", on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    sent_on = models.DateField(_("sent on"))
    # The due date the reminder was about: a new due date earns a new "due soon" reminder.
    due_on = models.DateField(_("due date"))
    recipients = models.TextField(_("recipients"), blank=True, help_text=_("Usernames, one a line."))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_on", "-pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["deliverable", "kind", "sent_on"], name="one_reminder_a_day"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.deliverable_id} {self.sent_on}"
