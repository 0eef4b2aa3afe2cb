from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "reinstate.evidence"
    label = "evidence"
