"""Every change to timelines, templates, deliverables, reminders and calendar feeds, each with its audit row.

Services take ``actor=None`` for the system (the demo loader, ``ovoz remind``): the state machine's
order still holds, but no role is asked for. Split by noun; import them from here.
"""

from ovoz.deliverables.services.feeds import (  # noqa: F401
    calendar_feed_mark_used,
    calendar_feed_reset,
    calendar_feed_stop,
    reminder_record,
)
from ovoz.deliverables.services.timeline import (  # noqa: F401
    deliverable_template_create,
    deliverable_template_delete,
    deliverable_template_update,
    deliverables_create_for_partnership,
    timeline_item_create,
    timeline_item_delete,
    timeline_item_update,
)
from ovoz.deliverables.services.workflow import (  # noqa: F401
    deliverable_accept,
    deliverable_change_state,
    deliverable_comment,
    deliverable_request_changes,
    deliverable_save_draft,
    deliverable_set_due,
    deliverable_submit,
    deliverable_withdraw,
)
