"""Plain words for the publishing app's audit actions (gathered by ``ovoz.audit.labels``)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "finding.create": _("wrote a finding"),
    "finding.update": _("changed a finding"),
    "finding.delete": _("deleted a finding"),
    "finding.link": _("linked evidence to a finding"),
    "finding.unlink": _("removed evidence from a finding"),
    "publication.create": _("created a publication"),
    "publication.update": _("changed a publication"),
    "publication.section": _("edited a section of a publication"),
    "publication.section_add": _("added a section to a publication"),
    "publication.block_add": _("added a part to a publication"),
    "publication.block_update": _("changed a part of a publication"),
    "publication.block_remove": _("removed a part of a publication"),
    "publication.submit": _("submitted a publication for review"),
    "publication.review": _("reviewed a publication"),
    "publication.approve": _("approved a publication"),
    "publication.publish": _("published a publication"),
    "publication.reopen": _("started a new draft of a publication"),
    "publication.withdraw": _("withdrew a published version"),
    "publication.flag": _("flagged a published version after a consent withdrawal"),
    "publication.render": _("rendered a publication"),
    "disclosure.override": _("overrode the disclosure gate"),
    "disclosure.override_remove": _("removed an override of the disclosure gate"),
}
