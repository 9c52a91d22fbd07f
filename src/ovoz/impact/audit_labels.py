"""Plain words for the impact app's audit actions (gathered by ``ovoz.audit.labels``)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "story.create": _("recorded a change story"),
    "story.update": _("changed a change story"),
    "story.delete": _("deleted a change story"),
    "story.feedback": _("recorded feedback to a storyteller"),
    "selection_round.create": _("created a selection round"),
    "selection_round.update": _("changed a selection round"),
    "selection_round.delete": _("deleted a selection round"),
    "selection.add": _("chose a most significant change story"),
    "selection.remove": _("removed a story from a selection"),
    "outcome.create": _("recorded an outcome"),
    "outcome.update": _("changed an outcome"),
    "outcome.delete": _("deleted an outcome"),
    "reflection.create": _("recorded a reflection"),
    "reflection.update": _("changed a reflection"),
    "reflection.delete": _("deleted a reflection"),
    "reflection_report.export": _("exported the reflection report"),
}
