"""Human words for the audit log's action codes. The codes stay stable and untranslated in the data."""

import importlib
from functools import cache

from django.apps import apps
from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "auth.login": _("signed in"),
    "auth.login_failed": _("failed to sign in"),
    "auth.logout": _("signed out"),
    "auth.second_factor": _("gave a second-factor code"),
    "auth.second_factor_failed": _("gave a wrong second-factor code"),
    "auth.second_factor_enrol": _("set up a second factor"),
    "auth.second_factor_reset": _("had her second factor reset"),
    "auth.recovery_codes": _("made new recovery codes"),
    "auth.reauthenticate": _("confirmed her password"),
    "user.create": _("created an account"),
    "user.update": _("changed account details"),
    "user.set_password": _("set a password"),
    "organisation.create": _("created an organisation"),
    "organisation.update": _("changed an organisation"),
    "programme.create": _("created a programme"),
    "programme.update": _("changed a programme"),
    "partnership.create": _("created a partnership"),
    "partnership.update": _("changed a partnership"),
    "membership.grant": _("gave a role"),
    "membership.change_role": _("changed a role"),
    "membership.revoke": _("took a role away"),
    "api_token.create": _("created an API token"),
    "api_token.revoke": _("revoked an API token"),
    "read": _("read a sensitive record"),
}


@cache
def _all_labels() -> dict:
    """The foundation's labels plus every installed app's ``audit_labels.ACTION_LABELS``."""
    labels = dict(ACTION_LABELS)
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.audit_labels")
        except ModuleNotFoundError:
            continue
        labels.update(getattr(module, "ACTION_LABELS", {}))
    return labels


def action_label(code: str) -> str:
    return str(_all_labels().get(code, code))
