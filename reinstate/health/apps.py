from django.apps import AppConfig


class HealthConfig(AppConfig):
    name = "reinstate.health"
    label = "health"
