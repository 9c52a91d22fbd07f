"""Plain words for the calls app's audit actions (gathered by ``ovoz.audit.labels``)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "call.create": _("created a call for partners"),
    "call.update": _("changed a call for partners"),
    "call.focus_areas": _("set a call's focus areas"),
    "call.criteria": _("set a call's selection criteria"),
    "call.publish": _("published a call for partners"),
    "call.close": _("closed a call for partners"),
    "call.reviewer_add": _("added a reviewer to a call"),
    "call.reviewer_remove": _("removed a reviewer from a call"),
    "call.announce": _("announced the selection"),
    "call.invitation_send": _("sent an invitation"),
    "call.decision_send": _("sent a selection decision"),
    "application.submit": _("applied to a call"),
    "application.eligibility": _("rechecked an application's eligibility"),
    "application.link_accounts": _("linked an application to accounts"),
    "application.select": _("selected an application"),
    "application.unselect": _("unselected an application"),
    "application.accept": _("accepted an invitation"),
    "review.save": _("saved a review"),
    "review.submit": _("submitted a review"),
}
