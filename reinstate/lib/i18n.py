"""Translation for the code that must not import Django: the pure rules and `lib`.

The rules write the words a driver reads (findings, next steps, deadlines), so they are
translated too. They call `_()` here; when the app starts, `core/apps.py` installs Django's
gettext, so the words follow the language of the request or of `translation.override()`. Until
then, in a rule's own unit tests say, every text is the English it was written in.

- `_("Text")` / `gettext("Text")` where the text is made (inside a function).
- `gettext_noop("Text")` for a module-level constant, translated later with `_(CONSTANT)`.
- `ngettext(singular, plural, n)` for every count: never "day(s)" or `"s" if n != 1`.
- Placeholders are named (`_("Due %(day)s") % {"day": ...}`) so a translation can move them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def _english(message: str) -> str:
    return message


def _english_plural(singular: str, plural: str, number: int) -> str:
    return singular if number == 1 else plural


def _english_context(context: str, message: str) -> str:
    return message


def _no_language() -> str:
    return "en"


@dataclass
class _Backend:
    gettext: Callable[[str], str] = _english
    ngettext: Callable[[str, str, int], str] = _english_plural
    pgettext: Callable[[str, str], str] = _english_context
    language: Callable[[], str] = _no_language


_backend = _Backend()


def install(
    *,
    gettext: Callable[[str], str],
    ngettext: Callable[[str, str, int], str],
    pgettext: Callable[[str, str], str],
    language: Callable[[], str | None],
) -> None:
    """Route every translation through the app's (Django's) translation machinery."""
    _backend.gettext = gettext
    _backend.ngettext = ngettext
    _backend.pgettext = pgettext
    _backend.language = lambda: (language() or "en").split("-")[0]


def gettext(message: str) -> str:
    return _backend.gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, number: int) -> str:
    return _backend.ngettext(singular, plural, number)


def pgettext(context: str, message: str) -> str:
    return _backend.pgettext(context, message)


def gettext_noop(message: str) -> str:
    """Marks a constant for extraction; translate it where it is shown, with `_()`."""
    return message


def language() -> str:
    """The active language's code without its region: "en", "es"."""
    return _backend.language()
