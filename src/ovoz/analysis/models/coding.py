import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class Coding(models.Model):
    """A code applied to a stretch of a source's transcript.

    ``start`` and ``end`` are offsets in Unicode code points (Python string indices) into the stored plain
    text, end exclusive; the browser converts from its UTF-16 offsets and importers from UTF-8 bytes
    (``ovoz.analysis.offsets``). A coding made during a double-coding round belongs to that round and stays
    hidden from the other coder until both have finished.
    """

    # Any coding locks the transcript: its offsets must keep pointing at the same words.
    locks_source_transcript = True

    source = models.ForeignKey("evidence.Source", on_delete=models.CASCADE, related_name="codings")
    code = models.ForeignKey("analysis.Code", on_delete=models.PROTECT, related_name="codings")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    coder = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    double_coding = models.ForeignKey(
        "analysis.DoubleCoding", null=True, blank=True, on_delete=models.CASCADE, related_name="codings"
    )
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        ordering = ["source", "start", "end", "pk"]
        indexes = [
            models.Index(fields=["source", "start"]),
            models.Index(fields=["code", "source"]),
            # Covers the co-occurrence query: every counted coding read from the index alone.
            models.Index(fields=["source", "start", "end", "code", "double_coding"], name="coding_overlap_idx"),
        ]
        constraints = [models.CheckConstraint(condition=Q(end__gt=F("start")), name="coding_not_empty")]

    def __str__(self):
        return f"{self.code_id}@{self.source_id}[{self.start}:{self.end}]"

    def text(self, transcript: str | None = None) -> str:
        return (transcript if transcript is not None else self.source.transcript)[self.start:self.end]
