"""The command line speaks the language asked for (`--lang`) or the locale's; JSON stays as is."""

from __future__ import annotations

import pytest

from reinstate.cli import chosen_language


@pytest.mark.parametrize(
    ("args", "environ", "expected"),
    [
        (["case", "list"], {}, ("en", ["case", "list"])),
        (["--lang", "es", "case", "list"], {}, ("es", ["case", "list"])),
        (["case", "list", "--lang=es"], {"LANG": "en_US.UTF-8"}, ("es", ["case", "list"])),
        (["case", "list"], {"LANG": "es_US.UTF-8"}, ("es", ["case", "list"])),
        (["case", "list"], {"LANGUAGE": "es:en", "LANG": "en_US.UTF-8"}, ("es", ["case", "list"])),
        (["case", "list"], {"LC_ALL": "C.UTF-8", "LANG": "es_MX.UTF-8"}, ("en", ["case", "list"])),
        (["case", "list"], {"LANG": "fr_FR.UTF-8"}, ("en", ["case", "list"])),
        (["--lang", "ES-us", "notice", "read"], {}, ("es", ["notice", "read"])),
    ],
)
def test_it_takes_the_language_from_the_flag_then_the_locale(
    args: list[str], environ: dict[str, str], expected: tuple[str, list[str]]
) -> None:
    assert chosen_language(args, environ) == expected
