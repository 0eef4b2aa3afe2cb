"""What a killed packet build leaves in packets/ (its work folder in packets/tmp/, its
half-written file beside the case's packets): `reinstate verify` names it once an hour old,
`reinstate verify --clean` removes it; a build still running is left alone."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from reinstate.compose.verify_packets import STALE, YOUNG
from reinstate.testing.cli import ok, reinstate

pytestmark = pytest.mark.django_db


def aged(path: Path, hours: float) -> Path:
    when = time.time() - hours * 3600
    os.utime(path, (when, when), follow_symlinks=False)
    return path


def work_folder(home: Path, name: str, hours: float) -> Path:
    """A build's work folder with a page in it, nothing changed for `hours`."""
    folder = home / "packets" / "tmp" / name
    folder.mkdir(parents=True)
    (folder / "page-1.pdf").write_bytes(b"%PDF-1.7 half a page")
    aged(folder / "page-1.pdf", hours)
    return aged(folder, hours)


def test_verify_names_a_stale_build_and_clean_removes_it_but_not_a_running_one(
    home: Path,
) -> None:
    stale = work_folder(home, "7-k2j4h1", hours=2)
    running = work_folder(home, "8-a9b8c7", hours=2)
    # A page written just now: the build is still going.
    running.joinpath("page-2.pdf").write_bytes(b"%PDF-1.7")
    aged(running, 2)
    half_written = home / "packets" / "3" / ".7.pdf.x1y2z3.tmp"
    half_written.parent.mkdir(parents=True)
    half_written.write_bytes(b"%PDF-1.7 half a packet")
    aged(half_written, 3)
    packet = half_written.parent / "6.pdf"  # a finished packet: never touched
    packet.write_bytes(b"%PDF-1.7 a whole packet")
    aged(packet, 3)

    checked = reinstate("verify")
    assert checked.returncode == 1
    problems = json.loads(checked.stdout)
    assert problems == [
        {"kind": "leftover", "path": str(half_written), "problem": STALE},
        {"kind": "leftover", "path": str(stale), "problem": STALE},
    ]

    cleaned = ok(reinstate("verify", "--clean"))
    assert cleaned["removed"] == [
        {"path": "packets/3/.7.pdf.x1y2z3.tmp", "why": STALE},
        {"path": "packets/tmp/7-k2j4h1", "why": STALE},
    ]
    assert cleaned["kept"] == [{"path": "packets/tmp/8-a9b8c7", "why": YOUNG}]
    assert not stale.exists() and not half_written.exists()
    assert running.joinpath("page-2.pdf").exists() and packet.exists()
    assert ok(reinstate("verify")) == {"ok": True, "problems": []}


def test_a_link_in_packets_tmp_is_reported_and_never_followed(home: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("not ours")
    tmp = home / "packets" / "tmp"
    tmp.mkdir(parents=True)
    link = tmp / "9-linked"
    link.symlink_to(outside)
    aged(link, 5)
    assert reinstate("verify").returncode == 1
    cleaned = ok(reinstate("verify", "--clean"))
    assert cleaned["removed"] == []
    assert [k["path"] for k in cleaned["kept"]] == ["packets/tmp/9-linked"]
    assert (outside / "keep.txt").exists() and link.is_symlink()
