from django.core.checks import Error, register

from ovoz.env import env_str


@register()
def quick_exit_url(app_configs, **kwargs):
    """A quick exit that leads nowhere would fail the person who needs it most: refuse a bad value at start."""
    url = env_str("OVOZ_QUICK_EXIT_URL")
    if url and not url.startswith(("https://", "http://")):
        return [Error("OVOZ_QUICK_EXIT_URL must be an http(s) address", id="ovoz.safety.E001")]
    return []
