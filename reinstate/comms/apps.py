from django.apps import AppConfig


class CommsConfig(AppConfig):
    name = "reinstate.comms"
    label = "comms"
