from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "reinstate.policies"
    label = "policies"
