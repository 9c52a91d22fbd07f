"""Every change to grants, reports and proposals: keyword-only, atomic, each with its audit row."""

from ovoz.grants.services.grants import (
    budget_line_add,
    budget_line_delete,
    budget_line_update,
    grant_create,
    grant_policy_set,
    grant_update,
    tranche_add,
    tranche_delete,
    tranche_update,
)
from ovoz.grants.services.proposals import (
    proposal_approve,
    proposal_comment_add,
    proposal_create,
    proposal_return,
    proposal_submit,
    proposal_update,
)
from ovoz.grants.services.reports import (
    attachment_add,
    attachment_delete,
    report_accept,
    report_comment_add,
    report_create,
    report_request_changes,
    report_submit,
    report_update,
)

__all__ = [
    "attachment_add",
    "attachment_delete",
    "budget_line_add",
    "budget_line_delete",
    "budget_line_update",
    "grant_create",
    "grant_policy_set",
    "grant_update",
    "proposal_approve",
    "proposal_comment_add",
    "proposal_create",
    "proposal_return",
    "proposal_submit",
    "proposal_update",
    "report_accept",
    "report_comment_add",
    "report_create",
    "report_request_changes",
    "report_submit",
    "report_update",
    "tranche_add",
    "tranche_delete",
    "tranche_update",
]
