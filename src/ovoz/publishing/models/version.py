from django.conf import settings
from django.db import models
from django.utils import timezone


class PublishedVersion(models.Model):
    """A publication as it was published: frozen, kept for ever, rendered again from ``document`` only.

    ``participant_ids`` lists whose material it used, so that a later withdrawal of consent flags it.
    """

    publication = models.ForeignKey("publishing.Publication", on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    # {"en": <document>, "<second language>": <document>}: every text and number as published.
    documents = models.JSONField(default=dict)
    participant_ids = models.JSONField(default=list)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+")
    published_at = models.DateTimeField(default=timezone.now)
    # Set when consent behind it is withdrawn: [{"participant": code, "scopes": [...], "blocks": [...], "date": ..}]
    flags = models.JSONField(default=list, blank=True)
    flagged_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["publication", "-number"]
        constraints = [models.UniqueConstraint(fields=["publication", "number"], name="version_number_unique")]

    def __str__(self):
        return f"{self.publication} v{self.number}"
