"""Plain words for the evidence app's audit actions (gathered by ``ovoz.audit.labels``)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "participant.create": _("registered a participant"),
    "participant.update": _("changed a participant's details"),
    "participant.export": _("exported participants"),
    "consent.record": _("recorded consent"),
    "consent.withdraw": _("recorded a withdrawal of consent"),
}
