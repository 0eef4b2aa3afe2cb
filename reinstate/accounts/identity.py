"""Who the driver is to the platforms: their legal name, and the email or phone number each
platform's account uses. Checked the same way on the web and on the command line."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from reinstate.lib.errors import UserInputError
from reinstate.rules.catalogue.files import load_catalogue

PHONE_CHARS = re.compile(r"^\+?[0-9 ().\-]+$")


class IdentityInputError(UserInputError):
    pass


def platform_names() -> dict[str, str]:
    """Catalogue platform keys and their names, in the catalogue's order."""
    return {key: platform.name for key, platform in load_catalogue().platforms.items()}


def clean_legal_name(value: str) -> str:
    name = " ".join(value.split())
    if len(name) > 200:
        raise IdentityInputError(_("That name is too long: 200 characters at most."))
    if name and not any(ch.isalpha() for ch in name):
        raise IdentityInputError(_("Type your name as it is on your ID, in letters."))
    return name


def clean_identifier(platform: str, value: str) -> str:
    """An email address or a phone number (7 to 15 digits); blank means none."""
    names = platform_names()
    if platform not in names:
        raise IdentityInputError(
            _("Unknown platform %(platform)r. Use one of: %(names)s.")
            % {"platform": platform, "names": ", ".join(names)}
        )
    text = " ".join(value.split())
    if not text:
        return ""
    if "@" in text:
        try:
            validate_email(text)
        except ValidationError:
            raise IdentityInputError(
                _(
                    "%(text)r is not an email address. Type the email your %(platform)s "
                    "account uses, like dana@example.com."
                )
                % {"text": text, "platform": names[platform]}
            ) from None
        return text
    digits = sum(ch.isdigit() for ch in text)
    if not PHONE_CHARS.match(text) or not 7 <= digits <= 15:
        raise IdentityInputError(
            _(
                "Type the email or phone number your %(platform)s account uses, like "
                "dana@example.com or (213) 555-0142."
            )
            % {"platform": names[platform]}
        )
    return text


def parse_account(arg: str) -> tuple[str, str]:
    """PLATFORM=IDENTIFIER, as the command line takes it (an empty identifier removes it)."""
    platform, sep, identifier = arg.partition("=")
    if not sep:
        raise IdentityInputError(
            _("Write --account as PLATFORM=EMAIL_OR_PHONE, not %(given)s.") % {"given": repr(arg)}
        )
    platform = platform.strip()
    return platform, clean_identifier(platform, identifier)
