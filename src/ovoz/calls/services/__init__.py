"""Every change to calls, applications, reviews and the selection, each with its audit row.

Each service is keyword-only, atomic, and writes its audit row in the same transaction.
"""

from ovoz.calls.services.applications import application_link_accounts, application_submit
from ovoz.calls.services.calls import (
    call_close,
    call_create,
    call_publish,
    call_reviewer_add,
    call_reviewer_remove,
    call_set_criteria,
    call_set_focus_areas,
    call_update,
)
from ovoz.calls.services.common import APPLICATION_FIELDS, CALL_FIELDS
from ovoz.calls.services.selection import call_announce, call_select, invitation_resend, review_save

__all__ = [
    "APPLICATION_FIELDS",
    "CALL_FIELDS",
    "application_link_accounts",
    "application_submit",
    "call_announce",
    "call_close",
    "call_create",
    "call_publish",
    "call_reviewer_add",
    "call_reviewer_remove",
    "call_select",
    "call_set_criteria",
    "call_set_focus_areas",
    "call_update",
    "invitation_resend",
    "review_save",
]
