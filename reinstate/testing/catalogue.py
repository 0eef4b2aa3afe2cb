"""A copy of the packaged catalogue that a test may edit."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from reinstate.rules.catalogue.files import FILES


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
