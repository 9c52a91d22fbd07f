from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Memo(models.Model):
    """A researcher's note on a code, a coding, a source, a participatory session or the project.

    With no target it is a project memo: of the partnership when ``partnership`` is set, of the programme
    (written by coordinators, read by every team) otherwise.
    """

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="memos")
    partnership = models.ForeignKey(
        "programmes.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="memos"
    )
    code = models.ForeignKey("analysis.Code", null=True, blank=True, on_delete=models.CASCADE, related_name="memos")
    coding = models.ForeignKey(
        "analysis.Coding", null=True, blank=True, on_delete=models.CASCADE, related_name="memos"
    )
    source = models.ForeignKey(
        "evidence.Source", null=True, blank=True, on_delete=models.CASCADE, related_name="memos"
    )
    session = models.ForeignKey(
        "analysis.ParticipatorySession", null=True, blank=True, on_delete=models.CASCADE, related_name="memos"
    )
    # In a participatory session, the excerpt the group was reading (the memo stays if the excerpt goes).
    excerpt = models.ForeignKey(
        "analysis.Excerpt", null=True, blank=True, on_delete=models.SET_NULL, related_name="memos"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    text = models.TextField(_("memo"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title or self.text[:60]

    @property
    def target_kind(self) -> str:
        for name in ("coding", "code", "source", "session"):
            if getattr(self, f"{name}_id"):
                return name
        return "project"
