from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "reinstate.core"
    label = "core"

    def ready(self) -> None:
        from reinstate.core import checks  # noqa: F401  (registers the system checks)
