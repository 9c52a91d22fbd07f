"""Plain words for the grants app's audit actions, ready to be merged into ``ovoz.audit.labels.ACTION_LABELS``."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "grant_policy.set": _("set the grant policy"),
    "grant.create": _("created a grant"),
    "grant.update": _("changed a grant"),
    "budget_line.create": _("added a budget line"),
    "budget_line.update": _("changed a budget line"),
    "budget_line.delete": _("removed a budget line"),
    "tranche.create": _("planned a tranche"),
    "tranche.update": _("changed a tranche"),
    "tranche.pay": _("recorded a payment"),
    "tranche.delete": _("removed a tranche"),
    "financial_report.create": _("started a financial report"),
    "financial_report.update": _("changed a financial report"),
    "financial_report.submit": _("submitted a financial report"),
    "financial_report.accept": _("accepted a financial report"),
    "financial_report.request_changes": _("asked for changes to a financial report"),
    "financial_report.comment": _("commented on a financial report"),
    "report_attachment.add": _("attached a file to a financial report"),
    "report_attachment.delete": _("removed a file from a financial report"),
    "advocacy_proposal.create": _("drafted an advocacy proposal"),
    "advocacy_proposal.update": _("changed an advocacy proposal"),
    "advocacy_proposal.submit": _("submitted an advocacy proposal"),
    "advocacy_proposal.return": _("returned an advocacy proposal with comments"),
    "advocacy_proposal.approve": _("approved an advocacy proposal"),
    "advocacy_proposal.comment": _("commented on an advocacy proposal"),
}
