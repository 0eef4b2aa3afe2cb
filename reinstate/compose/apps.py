from django.apps import AppConfig


class ComposeConfig(AppConfig):
    name = "reinstate.compose"
    label = "compose"
