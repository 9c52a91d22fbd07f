"""Plain words for the safety app's audit actions (gathered by ``ovoz.audit.labels``)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "risk.create": _("added a risk to the register"),
    "risk.update": _("changed a risk"),
    "risk.review": _("reviewed a risk"),
    "risk.delete": _("deleted a risk"),
    "safety_incident.create": _("logged a safety incident"),
    "safety_incident.update": _("changed a safety incident"),
    "safety_incident.follow_up": _("recorded a follow-up to a safety incident"),
    "safety_incident.delete": _("deleted a safety incident"),
    "support_contact.create": _("added an urgent support contact"),
    "support_contact.update": _("changed an urgent support contact"),
    "support_contact.delete": _("deleted an urgent support contact"),
    "partnership.lock": _("locked a partnership's accounts in an emergency"),
    "partnership.unlock": _("lifted a partnership's emergency lock"),
    "auth.quick_exit": _("left through the quick exit"),
}
