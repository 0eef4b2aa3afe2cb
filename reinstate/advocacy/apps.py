from django.apps import AppConfig


class AdvocacyConfig(AppConfig):
    name = "reinstate.advocacy"
    label = "advocacy"
