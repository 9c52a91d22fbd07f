from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ParticipatorySession(models.Model):
    """Participatory analysis: a researcher and community co-researchers read selected excerpts together.

    The co-researchers see the session's excerpts (anonymised copies made by the researcher) and its memos,
    and nothing else of the evidence.
    """

    class Status(models.TextChoices):
        PREPARING = "preparing", _("Preparing")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    partnership = models.ForeignKey(
        "programmes.Partnership", on_delete=models.CASCADE, related_name="participatory_sessions"
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("facilitator")
    )
    co_researchers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="analysis_sessions")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PREPARING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-created_at"]

    def __str__(self):
        return self.title


class Excerpt(models.Model):
    """A stretch of a transcript chosen for a session, copied and anonymised by the researcher."""

    session = models.ForeignKey(ParticipatorySession, on_delete=models.CASCADE, related_name="excerpts")
    source = models.ForeignKey("evidence.Source", on_delete=models.CASCADE, related_name="+")
    coding = models.ForeignKey("analysis.Coding", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField(_("anonymised text"))
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["session", "order", "pk"]

    def __str__(self):
        return self.text[:60]
