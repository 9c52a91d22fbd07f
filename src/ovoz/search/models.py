"""The search index: one entry per searchable object, with what the filters and the access rules need.

The words themselves live beside it in ``search_text``, created per database by the migrations: an FTS5
table on SQLite (rowid = entry id), a table of tsvector parts with a GIN index on PostgreSQL. Nothing
encrypted (names, contacts, employers) is ever indexed.

Consent is not copied here: an entry keeps which participants its material comes from, and every search
reads their consent as it is at that moment, so a withdrawal takes effect at once, without re-indexing.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Entry(models.Model):
    class ObjectType(models.TextChoices):
        SOURCE = "source", _("Source")
        ATTACHMENT = "attachment", _("Attachment")
        INCIDENT = "incident", _("Incident")

    object_type = models.CharField(max_length=12, choices=ObjectType.choices)
    object_id = models.PositiveBigIntegerField()
    # A source's kind (interview, consultation…), "attachment" or "incident": the "kind" filter.
    kind = models.CharField(max_length=20)
    partnership = models.ForeignKey("programmes.Partnership", on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="+")
    country = models.CharField(max_length=2, blank=True)
    language = models.CharField(max_length=8, blank=True)
    date = models.DateField(null=True, blank=True)
    shared = models.BooleanField(default=False, help_text="Shared with the programme's coordinators.")
    indexed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["object_type", "object_id"], name="search_entry_unique")]

    def __str__(self):
        return f"{self.object_type} {self.object_id}"


class EntryParticipant(models.Model):
    """A participant whose material the entry holds: her consent decides whether it is found."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="participant_links")
    participant = models.ForeignKey("evidence.Participant", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "participant"], name="search_entry_participant_unique")
        ]

    def __str__(self):
        return f"{self.entry} ← {self.participant_id}"


class EntryViolation(models.Model):
    """A type of violation the entry documents: an incident's acts, or those of the incidents a source documents."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="violation_links")
    term = models.ForeignKey("evidence.Term", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "term"], name="search_entry_violation_unique")]

    def __str__(self):
        return f"{self.entry} ← {self.term_id}"
