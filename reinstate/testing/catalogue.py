"""A copy of the packaged catalogue that a test may edit, and its texts served in a language."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from django.utils import translation
from django.utils.translation.reloader import translation_file_changed

from reinstate.rules.catalogue.files import FILES

SCRIPTS = Path(__file__).resolve().parent.parent.parent / "scripts"


def copy_catalogue(folder: Path) -> Path:
    packaged = resources.files("reinstate.catalogue")
    for name in FILES:
        (folder / name).write_text(
            packaged.joinpath(name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def compile_catalogue_translations() -> None:
    """Run ``scripts/compile-translations`` (as ``make install`` does), then make Django read
    the catalogues afresh: it keeps each language's catalogue for the life of the process."""
    subprocess.run([sys.executable, str(SCRIPTS / "compile-translations")], check=True)
    translation_file_changed(sender=None, file_path=Path("django.mo"))


@contextmanager
def in_language(language: str) -> Iterator[None]:
    """Django's ``translation.override``, for the rules' tests (which may not import Django)."""
    with translation.override(language):
        yield
