from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "reinstate.appeals"
    label = "appeals"
