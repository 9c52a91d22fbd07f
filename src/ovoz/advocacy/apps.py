from django.apps import AppConfig


class AdvocacyConfig(AppConfig):
    name = "ovoz.advocacy"
    label = "advocacy"
