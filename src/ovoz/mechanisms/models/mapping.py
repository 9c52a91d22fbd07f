"""Rights mapping: which article a violation type (evidence vocabulary) or an analysis code engages."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from ovoz.mechanisms.models.registry import Article


class RightsMapping(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mappings")
    term = models.ForeignKey("evidence.Term", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                             limit_choices_to={"vocabulary": "violation"})
    code = models.ForeignKey("analysis.Code", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["article", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(term__isnull=False, code__isnull=True) | Q(term__isnull=True, code__isnull=False)),
                name="mapping_term_or_code"),
            models.UniqueConstraint(fields=["article", "term"], condition=Q(term__isnull=False),
                                    name="mapping_term_once"),
            models.UniqueConstraint(fields=["article", "code"], condition=Q(code__isnull=False),
                                    name="mapping_code_once"),
        ]

    def __str__(self):
        return f"{self.term or self.code} → {self.article}"
