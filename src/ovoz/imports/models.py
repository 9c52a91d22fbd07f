"""Survey instruments (XLSForms, kept with every version), saved mappings, and import jobs.

Everything here belongs to one partnership: only its team (who may edit its evidence) sees or uses it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Instrument(models.Model):
    """A survey instrument of a partnership, known by the XLSForm's ``form_id``."""

    partnership = models.ForeignKey("programmes.Partnership", on_delete=models.PROTECT, related_name="instruments")
    form_id = models.CharField(_("form ID"), max_length=100)
    title = models.CharField(_("title"), max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)

    class Meta:
        ordering = ["partnership", "title", "pk"]
        constraints = [models.UniqueConstraint(fields=["partnership", "form_id"], name="instrument_form_id_unique")]

    def __str__(self):
        return self.title or self.form_id

    @property
    def latest(self):
        return self.versions.order_by("-number").first()


class InstrumentVersion(models.Model):
    """One uploaded XLSForm of an instrument: the file as uploaded and the structure pyxform read from it."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    form_version = models.CharField(_("version in the form's settings"), max_length=100, blank=True)
    xlsform = models.FileField(upload_to="imports/xlsforms/%Y/")
    original_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    structure = models.JSONField(default=dict)
    languages = models.JSONField(default=list)
    warnings = models.JSONField(default=list, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["instrument", "-number"]
        constraints = [models.UniqueConstraint(fields=["instrument", "number"], name="instrument_version_unique")]

    def __str__(self):
        return f"{self.instrument} v{self.number}"


class Mapping(models.Model):
    """How the answers of an instrument (or of any export, for the command line) become evidence: JSON, saved."""

    partnership = models.ForeignKey("programmes.Partnership", on_delete=models.PROTECT, related_name="import_mappings")
    instrument = models.ForeignKey(Instrument, null=True, blank=True, on_delete=models.CASCADE,
                                   related_name="mappings")
    name = models.CharField(_("name"), max_length=120)
    spec = models.JSONField(_("mapping"), default=dict)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["partnership", "name", "pk"]

    def __str__(self):
        return self.name


class ImportJob(models.Model):
    """One file being checked (dry run) and then, if asked, imported in one transaction."""

    class Kind(models.TextChoices):
        SUBMISSIONS = "submissions", _("Survey submissions (KoBoToolbox or ODK Central)")
        PARTICIPANTS = "participants", _("Participants (CSV or XLSX)")
        INCIDENTS = "incidents", _("Documented violations (CSV or XLSX)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        CHECKING = "checking", _("Checking")
        CHECKED = "checked", _("Checked: nothing written yet")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Not imported")

    RUNNING = (Status.QUEUED, Status.CHECKING, Status.IMPORTING)

    partnership = models.ForeignKey("programmes.Partnership", on_delete=models.PROTECT, related_name="import_jobs")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    instrument_version = models.ForeignKey(InstrumentVersion, null=True, blank=True, on_delete=models.SET_NULL,
                                           related_name="jobs")
    mapping = models.ForeignKey(Mapping, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs")
    # The mapping as it was when the job was made: editing the saved mapping later does not change this job.
    spec = models.JSONField(default=dict, blank=True)
    file = models.FileField(upload_to="imports/jobs/%Y/", blank=True)
    original_name = models.CharField(_("file"), max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    dry_run_only = models.BooleanField(default=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.QUEUED)
    phase = models.CharField(max_length=20, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, blank=True)
    problems = models.JSONField(default=list, blank=True)
    problem_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    language = models.CharField(max_length=8, blank=True, help_text="The language its problems are written in.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    run_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    is_fictional = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["partnership", "-created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.original_name}"

    @property
    def is_running(self) -> bool:
        return self.status in self.RUNNING

    @property
    def percent(self) -> int:
        if self.status in (self.Status.CHECKED, self.Status.DONE):
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def can_run(self) -> bool:
        """Checked without errors and not imported yet: the real import may start."""
        return self.status == self.Status.CHECKED and not self.error_count and not self.error and bool(self.file)
