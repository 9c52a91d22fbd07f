from django.apps import AppConfig


class MechanismsConfig(AppConfig):
    name = "ovoz.mechanisms"
