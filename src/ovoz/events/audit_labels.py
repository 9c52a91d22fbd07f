"""Plain words for the events app's audit actions (gathered by ``ovoz.audit.labels``)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "event.create": _("created an event"),
    "event.update": _("changed an event"),
    "event.delete": _("deleted an event"),
    "event.agenda": _("changed an event's agenda"),
    "event.outputs": _("recorded an event's expected outputs"),
    "event.material_add": _("added material to an event"),
    "event.material_delete": _("removed material from an event"),
    "event.invite": _("invited people to an event"),
    "event.attendance": _("recorded attendance"),
    "event.respond": _("answered an invitation"),
    "event.uninvite": _("withdrew an invitation"),
    "evaluation.topics": _("set evaluation topics"),
    "evaluation.open": _("opened an evaluation"),
    "evaluation.close": _("closed an evaluation"),
    "evaluation.submit": _("answered an evaluation"),
    "evaluation.change": _("changed her evaluation"),
}
