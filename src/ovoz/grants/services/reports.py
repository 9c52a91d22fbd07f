"""Financial reports: drafted and submitted by the partnership's team, reviewed by the coordinator.

The state changes take ``at`` (when it happened, default now) so past records can be imported.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write, diff, snapshot
from ovoz.grants.models import (
    BudgetLine,
    FinancialReport,
    Grant,
    GrantKind,
    ReportAttachment,
    ReportLine,
    ReportStatus,
    ReportTemplate,
    ReviewComment,
)
from ovoz.grants.services.common import amount_of, check_dates
from ovoz.grants.uploads import check_attachment

REPORT_FIELDS = ["grant", "template", "period_start", "period_end", "status", "notes"]
TEMPLATES_FOR_KIND = {
    GrantKind.RESEARCH: (ReportTemplate.INTERIM, ReportTemplate.FINAL),
    GrantKind.ADVOCACY: (ReportTemplate.ADVOCACY,),
}


def _check_period(grant: Grant, start: datetime.date, end: datetime.date, *, excluding: int | None = None) -> None:
    check_dates(start, end)
    if start < grant.starts_on or end > grant.ends_on:
        raise ValidationError(
            _("A report's period must lie within the grant's (%(start)s to %(end)s).")
            % {"start": grant.starts_on.isoformat(), "end": grant.ends_on.isoformat()}
        )
    overlapping = FinancialReport.objects.filter(grant=grant, period_start__lte=end, period_end__gte=start)
    if excluding is not None:
        overlapping = overlapping.exclude(pk=excluding)
    other = overlapping.first()
    if other is not None:
        raise ValidationError(
            _("This period overlaps the %(report)s (%(start)s to %(end)s); each report covers its own months.")
            % {
                "report": other.get_template_display().lower(),
                "start": other.period_start.isoformat(),
                "end": other.period_end.isoformat(),
            }
        )


def _editable(report: FinancialReport) -> None:
    if not report.is_editable:
        raise ValidationError(
            _("This report is %(status)s: it can be changed only as a draft or after changes are requested.")
            % {"status": report.get_status_display().lower()}
        )


def _status_change(report: FinancialReport, new: str) -> dict:
    return {"status": {"old": report.status, "new": new}}


@transaction.atomic
def report_create(
    *,
    actor,
    grant: Grant,
    template: str,
    period_start: datetime.date,
    period_end: datetime.date,
    notes: str = "",
) -> FinancialReport:
    grant = Grant.objects.select_for_update().select_related("partnership__organisation").get(pk=grant.pk)
    allowed = TEMPLATES_FOR_KIND[GrantKind(grant.kind)]
    if template not in allowed:
        raise ValidationError(
            _("A %(kind)s is reported with: %(templates)s.")
            % {"kind": grant.get_kind_display().lower(), "templates": ", ".join(str(t.label) for t in allowed)}
        )
    if template in (ReportTemplate.FINAL, ReportTemplate.ADVOCACY) and grant.reports.filter(template=template).exists():
        raise ValidationError(
            _("This grant already has its %(template)s.") % {"template": ReportTemplate(template).label.lower()}
        )
    if not grant.budget_lines.exists():
        raise ValidationError(_("This grant has no budget lines yet; the coordinator adds them before reporting."))
    _check_period(grant, period_start, period_end)
    report = FinancialReport.objects.create(
        grant=grant,
        template=template,
        period_start=period_start,
        period_end=period_end,
        notes=notes.strip(),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    ReportLine.objects.bulk_create(ReportLine(report=report, budget_line=bl) for bl in grant.budget_lines.all())
    audit_write(
        actor=actor, action="financial_report.create", obj=report, partnership=grant.partnership,
        changes=diff({}, snapshot(report, REPORT_FIELDS)),
    )
    return report


@transaction.atomic
def report_update(
    *,
    actor,
    report: FinancialReport,
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
    notes: str | None = None,
    lines: dict[int, tuple] | None = None,
) -> FinancialReport:
    """Change the period, the notes, and per budget line (id -> (actual, notes)) the spending.

    Spending above the budget or the grant is allowed (it happened) and shown with a warning.
    """
    report = FinancialReport.objects.select_for_update().select_related("grant__partnership").get(pk=report.pk)
    _editable(report)
    grant = report.grant
    before = snapshot(report, REPORT_FIELDS)
    start = period_start or report.period_start
    end = period_end or report.period_end
    if (start, end) != (report.period_start, report.period_end):
        _check_period(grant, start, end, excluding=report.pk)
    report.period_start, report.period_end = start, end
    if notes is not None:
        report.notes = notes.strip()
    changes = diff(before, snapshot(report, REPORT_FIELDS))
    if lines:
        budget_lines = {bl.pk: bl for bl in BudgetLine.objects.filter(grant=grant)}
        existing = {rl.budget_line_id: rl for rl in ReportLine.objects.filter(report=report)}
        cleaned = {}
        for line_id, (actual, line_notes) in lines.items():
            if int(line_id) not in budget_lines:
                raise ValidationError(_("That budget line is not in this grant."))
            bl = budget_lines[int(line_id)]
            cleaned[bl.pk] = (amount_of(actual, bl.label), (line_notes or "").strip()[:500])
        for line_id, (actual, line_notes) in cleaned.items():
            rl = existing.get(line_id) or ReportLine(report=report, budget_line=budget_lines[line_id])
            old = (str(rl.actual) if rl.pk else None, rl.notes if rl.pk else None)
            if old != (str(actual), line_notes):
                rl.actual, rl.notes = actual, line_notes
                rl.save()
                changes[f"line {line_id}"] = {
                    "old": {"actual": old[0], "notes": old[1]},
                    "new": {"actual": str(actual), "notes": line_notes},
                }
    report.save(update_fields=["period_start", "period_end", "notes"])
    if changes:
        audit_write(
            actor=actor, action="financial_report.update", obj=report, partnership=grant.partnership, changes=changes
        )
    return report


@transaction.atomic
def report_submit(*, actor, report: FinancialReport, at: datetime.datetime | None = None) -> FinancialReport:
    """Send the report to the coordinator. ``at``: when it happened, if not now (importing past records)."""
    report = FinancialReport.objects.select_for_update().select_related("grant__partnership").get(pk=report.pk)
    _editable(report)
    changes = _status_change(report, ReportStatus.SUBMITTED)
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = at or timezone.now()
    report.save(update_fields=["status", "submitted_at"])
    audit_write(
        actor=actor, action="financial_report.submit", obj=report, partnership=report.grant.partnership,
        changes=changes,
    )
    return report


def _review(actor, report: FinancialReport, new: str, comment: str, action: str, at) -> FinancialReport:
    report = FinancialReport.objects.select_for_update().select_related("grant__partnership").get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(
            _("Only a submitted report can be reviewed; this one is %(status)s.")
            % {"status": report.get_status_display().lower()}
        )
    changes = _status_change(report, new)
    report.status = new
    report.reviewed_at = at or timezone.now()
    report.save(update_fields=["status", "reviewed_at"])
    if comment:
        ReviewComment.objects.create(
            report=report, author=actor if getattr(actor, "pk", None) else None, body=comment, decision=new,
            created_at=report.reviewed_at,
        )
        changes["comment"] = {"old": None, "new": comment}
    audit_write(actor=actor, action=action, obj=report, partnership=report.grant.partnership, changes=changes)
    return report


@transaction.atomic
def report_accept(*, actor, report: FinancialReport, comment: str = "", at=None) -> FinancialReport:
    return _review(actor, report, ReportStatus.ACCEPTED, (comment or "").strip(), "financial_report.accept", at)


@transaction.atomic
def report_request_changes(*, actor, report: FinancialReport, comment: str, at=None) -> FinancialReport:
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Say what should change: a comment is required when asking for changes."))
    return _review(actor, report, ReportStatus.CHANGES_REQUESTED, comment, "financial_report.request_changes", at)


@transaction.atomic
def report_comment_add(*, actor, report: FinancialReport, body: str, at=None) -> ReviewComment:
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write a comment first."))
    comment = ReviewComment.objects.create(
        report=report, author=actor if getattr(actor, "pk", None) else None, body=body, created_at=at or timezone.now()
    )
    audit_write(
        actor=actor, action="financial_report.comment", obj=report, partnership=report.grant.partnership,
        changes={"comment": {"old": None, "new": body}},
    )
    return comment


# --- attachments -----------------------------------------------------------------------------------------


@transaction.atomic
def attachment_add(
    *, actor, report: FinancialReport, upload, budget_line: BudgetLine | None = None, description: str = ""
) -> ReportAttachment:
    """Attach a receipt or scan. Checked (size, type, contents) before anything is written to disk."""
    report = FinancialReport.objects.select_for_update().select_related("grant__partnership").get(pk=report.pk)
    _editable(report)
    if budget_line is not None and budget_line.grant_id != report.grant_id:
        raise ValidationError(_("That budget line is not in this grant."))
    checked = check_attachment(upload)
    attachment = ReportAttachment(
        report=report,
        budget_line=budget_line,
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        description=(description or "").strip()[:300],
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    upload.seek(0)
    attachment.file.save(checked.name, upload, save=False)
    try:
        attachment.save()
        audit_write(
            actor=actor, action="report_attachment.add", obj=attachment, partnership=report.grant.partnership,
            changes={"file": {"old": None, "new": checked.name}, "size": {"old": None, "new": checked.size},
                     "report": {"old": None, "new": str(report.pk)}},
        )
    except Exception:
        attachment.file.delete(save=False)
        raise
    return attachment


@transaction.atomic
def attachment_delete(*, actor, attachment: ReportAttachment) -> None:
    report = attachment.report
    _editable(report)
    audit_write(
        actor=actor, action="report_attachment.delete", obj=attachment, partnership=report.grant.partnership,
        changes={"file": {"old": attachment.original_name, "new": None}},
    )
    name = attachment.file.name
    storage = attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))

