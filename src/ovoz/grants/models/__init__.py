"""Sub-grants and money: policies, grants, budget lines, tranches, financial reports, advocacy proposals."""

from ovoz.grants.models.grants import (
    CURRENCIES,
    BudgetCategory,
    BudgetLine,
    Grant,
    GrantKind,
    GrantPolicy,
    GrantStatus,
    Tranche,
)
from ovoz.grants.models.proposals import AdvocacyProposal, ProposalBudgetLine, ProposalStatus
from ovoz.grants.models.reports import (
    FinancialReport,
    ReportAttachment,
    ReportLine,
    ReportStatus,
    ReportTemplate,
    ReviewComment,
)

__all__ = [
    "CURRENCIES",
    "AdvocacyProposal",
    "BudgetCategory",
    "BudgetLine",
    "FinancialReport",
    "Grant",
    "GrantKind",
    "GrantPolicy",
    "GrantStatus",
    "ProposalBudgetLine",
    "ProposalStatus",
    "ReportAttachment",
    "ReportLine",
    "ReportStatus",
    "ReportTemplate",
    "ReviewComment",
    "Tranche",
]
