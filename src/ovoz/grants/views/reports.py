"""Financial report pages: the team drafts, attaches receipts and submits; the coordinator reviews."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.accounts.security import reauth_redirect
from ovoz.deliverables.grants_work import deliverables_for
from ovoz.deliverables.models import DeliverableKind
from ovoz.grants import access
from ovoz.grants.forms import AttachmentForm, CommentForm, ReportCreateForm, ReportEditForm, ReviewForm
from ovoz.grants.models import ReportStatus, ReportTemplate
from ovoz.grants.money import report_summary
from ovoz.grants.services import (
    attachment_add,
    attachment_delete,
    report_accept,
    report_comment_add,
    report_create,
    report_request_changes,
    report_submit,
    report_update,
)
from ovoz.grants.services.reports import TEMPLATES_FOR_KIND
from ovoz.grants.views.common import flash_refusal, form_errors, refused


def _templates_left(grant) -> list[ReportTemplate]:
    taken = set(grant.reports.values_list("template", flat=True))
    return [
        t for t in TEMPLATES_FOR_KIND[grant.kind]
        if t == ReportTemplate.INTERIM or t not in taken
    ]


@login_required
def report_create_view(request, pk: int):
    grant = access.get_grant_for_user(request.user, pk)
    if not access.can_write(request.user, grant.partnership):
        raise Http404
    templates = _templates_left(grant)
    last = grant.reports.order_by("-period_end").first()
    start = last.period_end + datetime.timedelta(days=1) if last else grant.starts_on
    initial = {"period_start": start, "period_end": grant.ends_on}
    if templates:
        initial["template"] = templates[-1] if last else templates[0]
    form = ReportCreateForm(request.POST or None, templates=templates, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            report = report_create(actor=request.user, grant=grant, **form.cleaned_data)
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, _("The report is started. Enter the spending per budget line."))
            return redirect("grants:report_edit", pk=report.pk)
    return render(request, "grants/report_create.html", {"grant": grant, "form": form, "templates": templates})


@login_required
def report_detail_view(request, pk: int):
    report = access.get_report_for_user(request.user, pk)
    partnership = report.grant.partnership
    summary = report_summary(report)
    can_write = access.can_write(request.user, partnership)
    can_manage = access.can_manage(request.user, partnership)
    editable = can_write and report.is_editable
    return render(
        request,
        "grants/report_detail.html",
        {
            "deliverables": deliverables_for(request.user, partnership, DeliverableKind.FINANCIAL_REPORT),
            "report": report,
            "grant": report.grant,
            "summary": summary,
            "attachments": list(report.attachments.select_related("budget_line", "uploaded_by")),
            "comments": list(report.comments.select_related("author")),
            "can_write": can_write,
            "can_manage": can_manage,
            "editable": editable,
            "review_form": ReviewForm() if can_manage and report.status == ReportStatus.SUBMITTED else None,
            "comment_form": CommentForm() if can_write or can_manage else None,
            "attachment_form": AttachmentForm(budget_lines=[r.budget_line for r in summary.rows]) if editable else None,
        },
    )


@login_required
def report_edit_view(request, pk: int):
    report = access.get_report_for_user(request.user, pk, write=True)
    if not report.is_editable:
        messages.error(request, _("This report is submitted or accepted: it cannot be changed now."))
        return redirect("grants:report_detail", pk=report.pk)
    summary = report_summary(report)
    initial = {"period_start": report.period_start, "period_end": report.period_end, "notes": report.notes}
    form = ReportEditForm(request.POST or None, rows=summary.rows, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            report_update(
                actor=request.user, report=report, period_start=d["period_start"], period_end=d["period_end"],
                notes=d["notes"], lines=form.line_values(),
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            # Any warning is on the report's page itself, in a box that cannot be missed.
            messages.success(request, _("The report is saved."))
            return redirect("grants:report_detail", pk=report.pk)
    return render(request, "grants/report_edit.html", {"report": report, "grant": report.grant, "form": form,
                                                        "summary": summary})


@login_required
@require_POST
def report_submit_view(request, pk: int):
    report = access.get_report_for_user(request.user, pk, write=True)
    try:
        report_submit(actor=request.user, report=report)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("The report is submitted to the coordinator."))
    return redirect("grants:report_detail", pk=report.pk)


@login_required
@require_POST
def report_review_view(request, pk: int):
    report = access.get_report_for_review(request.user, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("grants:report_detail", pk=report.pk)
    d = form.cleaned_data
    try:
        if d["decision"] == ReviewForm.ACCEPT:
            report_accept(actor=request.user, report=report, comment=d["comment"])
            messages.success(request, _("The report is accepted."))
        else:
            report_request_changes(actor=request.user, report=report, comment=d["comment"])
            messages.success(request, _("The report is returned to the partnership with your comment."))
    except ValidationError as exc:
        flash_refusal(request, exc)
    return redirect("grants:report_detail", pk=report.pk)


@login_required
@require_POST
def report_comment_view(request, pk: int):
    report = access.get_report_for_user(request.user, pk)
    partnership = report.grant.partnership
    if not (access.can_write(request.user, partnership) or access.can_manage(request.user, partnership)):
        raise Http404
    form = CommentForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
    else:
        try:
            report_comment_add(actor=request.user, report=report, body=form.cleaned_data["body"])
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("Your comment is added."))
    return redirect("grants:report_detail", pk=report.pk)


# --- attachments -----------------------------------------------------------------------------------------


@login_required
@require_POST
def attachment_add_view(request, pk: int):
    report = access.get_report_for_user(request.user, pk, write=True)
    form = AttachmentForm(request.POST, request.FILES, budget_lines=list(report.grant.budget_lines.all()))
    if not form.is_valid():
        form_errors(request, form)
    else:
        try:
            attachment_add(actor=request.user, report=report, upload=form.cleaned_data["file"],
                           budget_line=form.cleaned_data["budget_line"], description=form.cleaned_data["description"])
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The file is attached."))
    return redirect("grants:report_detail", pk=report.pk)


@login_required
def attachment_download_view(request, pk: int):
    attachment = access.get_attachment_for_user(request.user, pk)
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def attachment_delete_view(request, pk: int):
    attachment = access.get_attachment_for_user(request.user, pk, write=True)
    if confirm := reauth_redirect(request):
        return confirm
    report = attachment.report
    if request.method == "POST":
        try:
            attachment_delete(actor=request.user, attachment=attachment)
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The file is removed."))
        return redirect("grants:report_detail", pk=report.pk)
    return render(
        request, "grants/confirm_delete.html",
        {"grant": report.grant, "what": attachment.original_name, "back_report": report},
    )
