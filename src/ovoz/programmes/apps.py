from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "ovoz.programmes"
