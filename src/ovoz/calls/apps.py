from django.apps import AppConfig


class CallsConfig(AppConfig):
    name = "ovoz.calls"
