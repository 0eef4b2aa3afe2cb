from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "reinstate.core"
    label = "core"

    def ready(self) -> None:
        from django.utils import dateformat, translation

        from reinstate.core import checks  # noqa: F401  (registers the system checks)
        from reinstate.lib import dates, i18n

        # The pure rules write words and dates too: let them speak the request's language.
        i18n.install(
            gettext=translation.gettext,
            ngettext=translation.ngettext,
            pgettext=translation.pgettext,
            language=translation.get_language,
        )
        dates.install(dateformat.format)
