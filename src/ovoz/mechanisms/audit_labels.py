"""Plain words for the mechanisms app's audit actions (gathered by ``ovoz.audit.labels``)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "ratification.update": _("changed a ratification in the UN mechanisms registry"),
    "review.create": _("added a review to the review calendar"),
    "review.update": _("changed a review in the review calendar"),
    "review.delete": _("removed a review from the review calendar"),
    "review.remind": _("sent a reminder of a submission deadline"),
    "mapping.add": _("linked a violation type or code to an article"),
    "mapping.delete": _("removed a link between a violation type or code and an article"),
    "recommendation.create": _("added a recommendation"),
    "recommendation.update": _("changed a recommendation"),
    "recommendation.delete": _("deleted a recommendation"),
    "recommendation.status": _("recorded a change in a recommendation's status"),
    "recommendation.export": _("exported the recommendations tracker"),
    "pack.render": _("built a shadow-report pack"),
}
