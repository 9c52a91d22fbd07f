import os
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.fields import EncryptedTextField


class DeliverableKind(models.TextChoices):
    RESEARCH_DESIGN_DRAFT = "research_design_draft", _("Research design (draft)")
    RESEARCH_DESIGN_FINAL = "research_design_final", _("Research design (final)")
    INTERIM_NARRATIVE_REPORT = "interim_narrative_report", _("Interim narrative report")
    FINAL_FPAR_REPORT = "final_fpar_report", _("Final FPAR report")
    FINANCIAL_REPORT = "financial_report", _("Financial report")
    ADVOCACY_PROPOSAL = "advocacy_proposal", _("Advocacy proposal")
    ADVOCACY_REPORT = "advocacy_report", _("Advocacy report")
    OTHER = "other", _("Other")


class SubmissionMode(models.TextChoices):
    FILE = "file", _("A file")
    TEXT = "text", _("Text typed in")
    FILE_OR_TEXT = "file_or_text", _("A file, text or both")

    def takes_file(self) -> bool:
        return self in (SubmissionMode.FILE, SubmissionMode.FILE_OR_TEXT)

    def takes_text(self) -> bool:
        return self in (SubmissionMode.TEXT, SubmissionMode.FILE_OR_TEXT)


class DeliverableState(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    ACCEPTED = "accepted", _("Accepted")

    def is_open(self) -> bool:
        """Still waiting for the partnership: late once its due date has passed."""
        return self in OPEN_STATES


OPEN_STATES = (DeliverableState.NOT_STARTED, DeliverableState.DRAFT, DeliverableState.CHANGES_REQUESTED)


class ReviewDecision(models.TextChoices):
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    ACCEPTED = "accepted", _("Accepted")
    COMMENT = "comment", _("Comment")


class DeliverableTemplate(models.Model):
    """What every partnership of a programme has to deliver, and by when."""

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="deliverable_templates"
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=DeliverableKind.choices, default=DeliverableKind.OTHER)
    due_on = models.DateField(_("due date"))
    description = models.TextField(_("description"), blank=True)
    submission = models.CharField(
        _("submitted as"), max_length=20, choices=SubmissionMode.choices, default=SubmissionMode.FILE_OR_TEXT
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "due_on", "pk"]
        verbose_name = _("deliverable template")
        verbose_name_plural = _("deliverable templates")
        constraints = [models.UniqueConstraint(fields=["programme", "title"], name="one_template_title")]

    def __str__(self):
        return self.title

    @property
    def submission_mode(self) -> SubmissionMode:
        return SubmissionMode(self.submission)


class Deliverable(models.Model):
    """One partnership's copy of a template: its own due date (an extension moves it), state and versions."""

    partnership = models.ForeignKey(
        "programmes.Partnership", on_delete=models.CASCADE, related_name="deliverables"
    )
    template = models.ForeignKey(DeliverableTemplate, on_delete=models.CASCADE, related_name="deliverables")
    due_on = models.DateField(_("due date"))
    state = models.CharField(
        _("state"), max_length=20, choices=DeliverableState.choices, default=DeliverableState.NOT_STARTED
    )
    submitted_at = models.DateTimeField(_("last submitted"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "template_id", "partnership_id"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "template"], name="one_deliverable_per_template"),
        ]
        indexes = [models.Index(fields=["state", "due_on"])]

    def __str__(self):
        return f"{self.template.title} – {self.partnership.organisation.name}"

    @property
    def title(self) -> str:
        return self.template.title

    @property
    def state_enum(self) -> DeliverableState:
        return DeliverableState(self.state)

    def is_overdue(self, today=None) -> bool:
        """Late: the due date has passed and it is neither submitted nor accepted."""
        today = today or timezone.localdate()
        return self.due_on < today and self.state_enum.is_open()

    def days_left(self, today=None) -> int:
        return (self.due_on - (today or timezone.localdate())).days

    def days_late(self, today=None) -> int:
        return max(0, -self.days_left(today))


def _version_upload_to(instance, filename: str) -> str:
    # A random name on disk: the original name (which may say too much) is kept, encrypted, in the row.
    ext = os.path.splitext(filename)[1].lower()[:10]
    return f"deliverables/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{ext}"


class DeliverableVersion(models.Model):
    """One submission or saved draft: numbered 1, 2, 3… per deliverable, never changed or removed."""

    deliverable = models.ForeignKey(Deliverable, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    text = EncryptedTextField(_("text"), blank=True)
    file = models.FileField(_("file"), upload_to=_version_upload_to, blank=True, max_length=200)
    file_name = EncryptedTextField(_("file name"), blank=True)
    file_size = models.PositiveBigIntegerField(_("file size"), default=0)
    content_type = models.CharField(_("file type"), max_length=100, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    submitted = models.BooleanField(_("submitted for review"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["deliverable", "-number"]
        verbose_name = _("deliverable version")
        verbose_name_plural = _("deliverable versions")
        constraints = [models.UniqueConstraint(fields=["deliverable", "number"], name="one_version_number")]

    def __str__(self):
        return f"{self.deliverable_id} v{self.number}"

    @property
    def has_file(self) -> bool:
        return bool(self.file)


class DeliverableReview(models.Model):
    """A mentor's or coordinator's decision or comment on a deliverable (usually on its latest version)."""

    deliverable = models.ForeignKey(Deliverable, on_delete=models.CASCADE, related_name="reviews")
    version = models.ForeignKey(
        DeliverableVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="reviews"
    )
    decision = models.CharField(_("decision"), max_length=20, choices=ReviewDecision.choices)
    comment = EncryptedTextField(_("comment"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["deliverable", "-created_at", "-pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self):
        return f"{self.get_decision_display()} on {self.deliverable_id}"
