"""`reinstate evidence add|list` and `reinstate verify`: the contract other tools call."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from reinstate.testing import files
from reinstate.testing.cli import ok, reinstate
from reinstate.testing.notices import DISPUTE

KEYS = {"id", "sha256", "bytes", "media_type", "kind", "exhibit", "taken_at", "gps", "duplicate"}


pytestmark = pytest.mark.django_db


def new_case(folder: Path) -> str:
    """A user and a delivery-dispute case, made on the command line; returns the case id."""
    ok(reinstate("user", "add", "dana", "--tz", "America/Los_Angeles"))
    notice = folder / "notice.txt"
    notice.write_text(DISPUTE)
    return str(ok(reinstate("case", "new", "--user", "dana", "--notice", str(notice)))["id"])


def test_add_and_list_print_one_object_per_file(home: Path, tmp_path: Path) -> None:
    case = new_case(tmp_path)
    photo, receipt = tmp_path / "IMG_0042.JPG", tmp_path / "receipt.pdf"
    photo.write_bytes(files.jpeg())
    receipt.write_bytes(files.pdf())
    added = ok(reinstate("evidence", "add", case, str(photo), str(receipt), "--note", "from phone"))
    assert [set(a) >= KEYS for a in added] == [True, True]
    first, second = added
    assert first["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert (first["exhibit"], first["kind"], first["media_type"]) == ("A", "photo", "image/jpeg")
    assert first["taken_at"] == "2026-11-02T14:03:05-08:00"
    assert first["gps"]["lat"] == pytest.approx(34.052235)
    assert (second["exhibit"], second["taken_at"], second["gps"]) == ("B", None, None)
    assert not first["duplicate"]
    again = ok(reinstate("evidence", "add", case, str(photo), "--kind", "screenshot"))
    assert again[0]["duplicate"] and again[0]["id"] == first["id"]
    listed = ok(reinstate("evidence", "list", case))
    assert [(i["id"], i["exhibit"]) for i in listed] == [(first["id"], "A"), (second["id"], "B")]


def test_bad_input_exits_2_with_one_line(home: Path, tmp_path: Path) -> None:
    case = new_case(tmp_path)
    page = tmp_path / "page.png"
    page.write_bytes(files.HTML_AS_PNG)
    photo = tmp_path / "p.jpg"
    photo.write_bytes(files.jpeg())
    for args, message in [
        (("evidence", "add", "999", str(photo)), "No case 999."),
        (("evidence", "add", case, str(tmp_path / "missing.jpg")), "No such file"),
        (("evidence", "add", case, str(photo), "--kind", "selfie"), "invalid choice"),
    ]:
        result = reinstate(*args)
        assert result.returncode == 2, result
        assert message in result.stderr and len(result.stderr.splitlines()) == 1
        assert "Traceback" not in result.stderr
    mixed = reinstate("evidence", "add", case, str(photo), str(page))
    assert mixed.returncode == 2
    assert "page.png: This file is a web page" in mixed.stderr
    assert [i["exhibit"] for i in ok(reinstate("evidence", "list", case))] == ["A"]


def test_verify_rehashes_every_original_and_names_a_changed_one(home: Path, tmp_path: Path) -> None:
    case = new_case(tmp_path)
    photo = tmp_path / "p.jpg"
    photo.write_bytes(files.jpeg())
    sha = ok(reinstate("evidence", "add", case, str(photo)))[0]["sha256"]
    assert ok(reinstate("verify")) == {"ok": True, "problems": []}
    stored = home / "blobs" / sha[:2] / sha[2:4] / sha
    stored.chmod(0o644)
    stored.write_bytes(stored.read_bytes()[:-1] + b"\x00")
    for args in (("verify",), ("verify", "--case", case)):
        result = reinstate(*args)
        assert result.returncode == 1
        problems = json.loads(result.stdout)
        assert problems == [
            {
                "kind": "blob",
                "path": str(stored),
                "problem": "its content was changed: it no longer matches its SHA-256",
                "sha256": sha,
                "cases": [int(case)],
            }
        ]
    stored.unlink()
    missing = json.loads(reinstate("verify").stdout)
    assert missing[0]["problem"] == "the stored original is missing"
