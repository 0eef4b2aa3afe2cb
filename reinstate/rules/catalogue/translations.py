"""Every driver-facing text of the catalogue files with its translation: ``translations``.

Pure, no Django. The English is the key: the apps show a catalogue text with ``_(reason.title)``
or ``{% translate reason.title %}``, and ``scripts/compile-translations`` writes these pairs into
``reinstate/catalogue/locale/<language>/LC_MESSAGES/django.mo``, where Django's gettext finds them.
"""

from __future__ import annotations

import os

from reinstate.rules.catalogue.faq import load_faq
from reinstate.rules.catalogue.files import CatalogueError, load_catalogue
from reinstate.rules.catalogue.options import load_options
from reinstate.rules.catalogue.policies import load_policies


def translations(language: str, directory: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """English -> ``language`` for every driver-facing text of the main catalogue, of
    options.toml, policies.toml and faq.toml (the packaged files, or those in ``directory``)."""
    pairs = dict(load_catalogue(directory).translations(language))
    for file, more in (
        ("options.toml", load_options(directory).translations(language)),
        ("policies.toml", load_policies(directory).translations(language)),
        ("faq.toml", load_faq(directory).translations(language)),
    ):
        for english, translated in more.items():
            if pairs.setdefault(english, translated) != translated:
                raise CatalogueError(
                    f"{file}: translates {english[:60]!r} as {translated[:60]!r}, but the "
                    f"other catalogue files as {pairs[english][:60]!r}: one English text, one "
                    "translation"
                )
    return pairs
