from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "ovoz.safety"

    def ready(self):
        from ovoz.safety import checks  # noqa: F401 -- registers the system check
