"""Plain words for this app's audit actions; ``ovoz.audit.labels`` gathers them from every app."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "timeline_item.create": _("added to a programme timeline"),
    "timeline_item.update": _("changed a programme timeline"),
    "timeline_item.delete": _("removed from a programme timeline"),
    "deliverable_template.create": _("added a deliverable to a programme"),
    "deliverable_template.update": _("changed a programme's deliverable"),
    "deliverable_template.delete": _("removed a deliverable from a programme"),
    "deliverable.create": _("created a partnership's deliverable"),
    "deliverable.save_draft": _("saved a draft of a deliverable"),
    "deliverable.submit": _("submitted a deliverable"),
    "deliverable.withdraw": _("withdrew a submitted deliverable"),
    "deliverable.request_changes": _("requested changes to a deliverable"),
    "deliverable.accept": _("accepted a deliverable"),
    "deliverable.comment": _("commented on a deliverable"),
    "deliverable.set_due": _("changed a deliverable's due date"),
    "deliverable.remind": _("sent a deadline reminder"),
    "calendar_feed.create": _("made a calendar feed address"),
    "calendar_feed.reset": _("made a new calendar feed address"),
    "calendar_feed.stop": _("stopped her calendar feed"),
}
