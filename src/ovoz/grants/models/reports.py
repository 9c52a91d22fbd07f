import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.grants.models.fields import money_field
from ovoz.grants.models.grants import BudgetLine, Grant


class ReportTemplate(models.TextChoices):
    INTERIM = "interim", _("Interim financial report")
    FINAL = "final", _("Final financial report")
    ADVOCACY = "advocacy", _("Advocacy financial report")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    ACCEPTED = "accepted", _("Accepted")

    @classmethod
    def editable(cls) -> tuple[str, ...]:
        """The states in which the partnership's team may change the report."""
        return (cls.DRAFT, cls.CHANGES_REQUESTED)

    @classmethod
    def reported(cls) -> tuple[str, ...]:
        """The states whose spending counts as reported: everything the team has sent in."""
        return (cls.SUBMITTED, cls.CHANGES_REQUESTED, cls.ACCEPTED)


class FinancialReport(models.Model):
    """What a grant's money was spent on over one period, line by line, per the programme's template."""

    grant = models.ForeignKey(Grant, on_delete=models.PROTECT, related_name="reports", verbose_name=_("grant"))
    template = models.CharField(_("template"), max_length=10, choices=ReportTemplate.choices)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["grant", "period_start", "pk"]
        verbose_name = _("financial report")
        verbose_name_plural = _("financial reports")
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")), name="report_period"),
            models.UniqueConstraint(fields=["grant"], condition=Q(template="final"), name="one_final_report"),
            models.UniqueConstraint(fields=["grant"], condition=Q(template="advocacy"), name="one_advocacy_report"),
        ]

    def __str__(self):
        return f"{self.get_template_display()} – {self.grant.partnership.organisation.name}"

    @property
    def is_editable(self) -> bool:
        return self.status in ReportStatus.editable()


class ReportLine(models.Model):
    """The actual spending on one budget line over the report's period."""

    report = models.ForeignKey(FinancialReport, on_delete=models.CASCADE, related_name="lines")
    budget_line = models.ForeignKey(BudgetLine, on_delete=models.PROTECT, related_name="report_lines")
    actual = money_field(_("actual spending"), default=0)
    notes = models.CharField(_("notes"), max_length=500, blank=True)

    class Meta:
        ordering = ["report", "budget_line__position", "budget_line_id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "budget_line"], name="one_report_line_per_budget_line")
        ]

    def __str__(self):
        return f"{self.budget_line}: {self.actual}"


def attachment_path(instance, filename: str) -> str:
    """A random name on disk: the receipt's own name stays in the (encrypted) database only."""
    ext = PurePath(filename).suffix.lower()
    return f"grants/reports/{instance.report_id}/{uuid.uuid4().hex}{ext}"


class ReportAttachment(models.Model):
    """A receipt, a scan or a spreadsheet attached to a report, encrypted on disk like every upload."""

    report = models.ForeignKey(FinancialReport, on_delete=models.CASCADE, related_name="attachments")
    budget_line = models.ForeignKey(
        BudgetLine, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("budget line")
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["report", "uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class ReviewComment(models.Model):
    """A comment on a financial report or an advocacy proposal; a review decision carries one too."""

    report = models.ForeignKey(
        FinancialReport, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    proposal = models.ForeignKey(
        "grants.AdvocacyProposal", null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("comment"))
    decision = models.CharField(_("decision"), max_length=20, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(report__isnull=False, proposal__isnull=True)
                | Q(report__isnull=True, proposal__isnull=False),
                name="comment_on_one_thing",
            )
        ]

    def __str__(self):
        return self.body[:60]
