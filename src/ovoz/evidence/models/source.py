import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Source(models.Model):
    """Where evidence comes from: a consultation, interview, focus group, survey, document or observation.

    The transcript is plain text with stable character offsets: codings (analysis) point into it, so it is
    never rewritten in place once coded.
    """

    class Kind(models.TextChoices):
        CONSULTATION = "consultation", _("Consultation")
        INTERVIEW = "interview", _("Interview")
        FOCUS_GROUP = "focus_group", _("Focus group")
        SURVEY = "survey", _("Survey response")
        DOCUMENT = "document", _("Document")
        OBSERVATION = "observation", _("Observation")

    partnership = models.ForeignKey("programmes.Partnership", on_delete=models.PROTECT, related_name="sources")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("facilitator"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    participants = models.ManyToManyField("evidence.Participant", blank=True, related_name="sources")
    transcript = models.TextField(_("transcript"), blank=True)
    translation_en = models.TextField(_("English translation"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # Consultations
    women_only = models.BooleanField(_("women-only space"), null=True, blank=True)
    stakeholders_present = models.TextField(_("stakeholders present"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)

    shared_with_programme = models.BooleanField(
        _("shared with the programme's coordinators"), default=False,
        help_text=_("Only if every participant in it allows sharing with coordinators."),
    )
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    external_id = models.CharField(max_length=100, blank=True, db_index=True)
    # A fingerprint of the transcript, set on every save: the coding views keep decoded transcripts in memory
    # and reuse one only while its fingerprint matches, without reading 1 MB of text on every request.
    # Empty when not known (rows written in bulk before it is filled): the text is then read each time.
    transcript_digest = models.CharField(max_length=32, blank=True, editable=False)

    # The long texts (on SQLite they are stored last in the row: see evidence/0005_long_texts_last).
    LONG_TEXTS = ("transcript", "translation_en", "notes", "stakeholders_present", "outcomes")

    class Meta:
        ordering = ["partnership", "-date", "title"]
        indexes = [
            # The list in its order (ending with the id, so that a deep page skips rows in the index alone), with
            # the columns the list filters on: counts and filters never read a row, whose transcript makes it
            # several pages long (and on SQLCipher each page read is decrypted).
            models.Index(fields=["partnership", "-date", "title", "id", "shared_with_programme", "kind", "language"],
                         name="source_list_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Kept in step with the transcript whenever the transcript is among the fields written.
        update_fields = kwargs.get("update_fields")
        if "transcript" in self.__dict__ and (update_fields is None or "transcript" in update_fields):
            self.transcript_digest = self.digest_of(self.transcript)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "transcript_digest"}
        super().save(*args, **kwargs)

    @staticmethod
    def digest_of(text: str) -> str:
        return hashlib.blake2b((text or "").encode("utf-8"), digest_size=16).hexdigest()


class Attachment(models.Model):
    """Audio, photos, scans: encrypted on disk by the default storage; text extracted for search."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="sources/%Y/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    extracted_text = models.TextField(blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["source", "uploaded_at"]

    def __str__(self):
        return self.original_name
