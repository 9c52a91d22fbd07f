"""Plain words for the analysis app's audit actions (gathered by ``ovoz.audit.labels``)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "code.create": _("created a code"),
    "code.update": _("changed a code"),
    "code.move": _("moved a code"),
    "code.merge": _("merged a code into another"),
    "code.split": _("split a code"),
    "code.retire": _("retired a code"),
    "code.restore": _("restored a code"),
    "code.delete": _("deleted a code"),
    "codebook.seed": _("seeded the codebook"),
    "coding.create": _("coded a passage"),
    "coding.update": _("changed a coding"),
    "coding.delete": _("removed a coding"),
    "coding.import": _("imported codings"),
    "memo.create": _("wrote a memo"),
    "memo.update": _("changed a memo"),
    "memo.delete": _("deleted a memo"),
    "session.create": _("created a participatory session"),
    "session.update": _("changed a participatory session"),
    "session.invite": _("invited co-researchers to a session"),
    "session.open": _("opened a participatory session"),
    "session.close": _("closed a participatory session"),
    "session.excerpt_add": _("added an excerpt to a session"),
    "session.excerpt_update": _("edited a session excerpt"),
    "session.excerpt_remove": _("removed a session excerpt"),
    "session.excerpt_reorder": _("reordered a session's excerpts"),
}
