"""What a packet build killed mid-way (kill -9, a reboot, the out-of-memory killer) leaves in the
data folder: its work folder in packets/tmp/ (`<packet>-xxxxxx/`, the pages being made) and its
half-written file beside the packets of its case (packets/<case>/.<packet>.<format>.*.tmp).
A job run again removes those of its own packet (appeals/packet_build.py); the rest are
reported by `reinstate verify` and removed by `reinstate verify --clean` once nothing in them
has changed for an hour (a build still running writes to them all the time).

A link is reported and left, never followed; nothing outside packets/ is ever removed."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings

MIN_AGE = timedelta(hours=1)
STALE = "a packet build that did not finish (nothing in it changed for an hour)"
YOUNG = "a packet build that may still be running (changed less than an hour ago)"
LINK = "a link, not a file the packet builder made: not followed and not removed"


@dataclass(frozen=True)
class PacketLeftover:
    path: Path
    stale: bool  # old enough to remove
    link: bool


def packets_root() -> Path:
    return Path(settings.REINSTATE_HOME) / "packets"


def packet_leftovers(now: datetime, root: Path | None = None) -> list[PacketLeftover]:
    """Every work folder or file in packets/tmp/ and every half-written packet file, oldest
    first by name."""
    root = root or packets_root()
    cutoff = (now - MIN_AGE).timestamp()
    found = [*_entries(root / "tmp")]
    for folder in _entries(root):
        if folder.name.isdigit() and not folder.is_symlink() and folder.is_dir():
            found += [p for p in _entries(folder) if p.name.startswith(".") and p.suffix == ".tmp"]
    leftovers = []
    for path in sorted(found):
        link = path.is_symlink()
        leftovers.append(PacketLeftover(path, not link and _newest(path) <= cutoff, link))
    return leftovers


def stale_packet_problems(now: datetime) -> list[dict[str, str]]:
    """What `reinstate verify` reports: each leftover old enough to be a crash's (and links)."""
    return [
        {"kind": "leftover", "path": str(left.path), "problem": LINK if left.link else STALE}
        for left in packet_leftovers(now)
        if left.stale or left.link
    ]


def clean_packet_leftovers(now: datetime) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Remove the stale leftovers; (removed, kept), each path relative to the data folder."""
    home = Path(settings.REINSTATE_HOME)
    real_root = packets_root().resolve()
    removed, kept = [], []
    for left in packet_leftovers(now):
        shown = str(left.path.relative_to(home))
        if left.link:
            kept.append({"path": shown, "why": LINK})
        elif not left.stale:
            kept.append({"path": shown, "why": YOUNG})
        elif left.path.is_symlink() or not left.path.parent.resolve().is_relative_to(real_root):
            # Swapped for a link since it was read: never follow it out of the data folder.
            kept.append({"path": shown, "why": LINK})
        else:
            _remove(left.path)
            removed.append({"path": shown, "why": STALE})
    return removed, kept


def _entries(folder: Path) -> list[Path]:
    if folder.is_symlink() or not folder.is_dir():
        return []
    with os.scandir(folder) as entries:
        return [Path(entry.path) for entry in entries]


def _newest(path: Path) -> float:
    """The latest change to the entry or anything in it (links not followed)."""
    newest = path.lstat().st_mtime
    if path.is_dir():
        for parent, dirs, files in os.walk(path, followlinks=False):
            for name in (*dirs, *files):
                try:
                    newest = max(newest, (Path(parent) / name).lstat().st_mtime)
                except FileNotFoundError:
                    continue
    return newest


def _remove(path: Path) -> None:
    if path.is_dir():
        # rmtree unlinks the links inside a folder, never what they point to.
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
