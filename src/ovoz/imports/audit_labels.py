"""Plain words for the imports app's audit actions (gathered by ``ovoz.audit.labels``)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "instrument.create": _("added a survey instrument"),
    "instrument.version_add": _("added a version of a survey instrument"),
    "mapping.create": _("created an import mapping"),
    "mapping.update": _("changed an import mapping"),
    "import.check": _("checked an import"),
    "import.run": _("imported data"),
}
