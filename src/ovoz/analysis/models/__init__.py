from ovoz.analysis.models.agreement import DoubleCoding
from ovoz.analysis.models.code import Code
from ovoz.analysis.models.coding import Coding
from ovoz.analysis.models.memo import Memo
from ovoz.analysis.models.session import Excerpt, ParticipatorySession
from ovoz.analysis.models.suggestion import ClassifierRun, Suggestion

__all__ = [
    "ClassifierRun", "Code", "Coding", "DoubleCoding", "Excerpt", "Memo", "ParticipatorySession", "Suggestion",
]
