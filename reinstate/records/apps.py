from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "reinstate.records"
    label = "records"
