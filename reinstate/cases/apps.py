from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "reinstate.cases"
    label = "cases"
