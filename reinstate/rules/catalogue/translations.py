"""Every driver-facing text of the catalogue files with its translation: ``translations``.

Pure, no Django. The English is the key: the apps show a catalogue text with ``_(reason.title)``
or ``{% translate reason.title %}``, and ``scripts/compile-translations`` writes these pairs into
``reinstate/catalogue/locale/<language>/LC_MESSAGES/django.mo``, where Django's gettext finds them.
"""

from __future__ import annotations

import os

from reinstate.rules.catalogue.files import CatalogueError, load_catalogue
from reinstate.rules.catalogue.options import load_options


def translations(language: str, directory: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """English -> ``language`` for every driver-facing text of the main catalogue and of
    options.toml (the packaged files, or those in ``directory``)."""
    pairs = dict(load_catalogue(directory).translations(language))
    for english, translated in load_options(directory).translations(language).items():
        if pairs.setdefault(english, translated) != translated:
            raise CatalogueError(
                f"options.toml: translates {english[:60]!r} as {translated[:60]!r}, but the "
                f"other catalogue files as {pairs[english][:60]!r}: one English text, one "
                "translation"
            )
    return pairs
