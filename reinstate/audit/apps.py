from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "reinstate.audit"
    label = "audit"
