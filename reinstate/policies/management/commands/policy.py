"""reinstate policy fetch [--platform P]: read every policy page the library lists
(catalogue/policies.toml) and keep a new version of each whose text changed.

Prints {"checked": N, "changed": [{"policy", "version", "url"}], "failed": [{"policy", "url",
"error"}]}; a page that fails does not stop the others (exit 0 unless the input is wrong)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from reinstate.core.cli import Error, JsonCommand
from reinstate.policies.fetch import fetch_policies
from reinstate.rules.notice.reading import PLATFORMS


class Command(JsonCommand):
    help = "Read the platforms' policy pages and keep each new version of their text."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = self.add_subcommands(parser)
        fetch = actions.add_parser("fetch", help="read every policy page the catalogue lists")
        fetch.add_argument("--platform", help="only this platform's pages, e.g. amazon_flex")

    def handle(self, *args: Any, **options: Any) -> None:
        platform = options.get("platform")
        if platform is not None and platform not in PLATFORMS:
            raise Error(
                _("No platform %(platform)s. Use one of: %(platforms)s.")
                % {"platform": platform, "platforms": ", ".join(PLATFORMS)}
            )
        self.emit(fetch_policies(timezone.now(), platform=platform).as_json())
