"""`reinstate records add|list`: the same records the web keeps, as JSON."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reinstate.testing import files
from reinstate.testing.cli import ok, reinstate

pytestmark = pytest.mark.django_db


def test_add_and_list(tmp_path: Path) -> None:
    ok(reinstate("user", "add", "dana", "--tz", "America/Los_Angeles"))
    photo = tmp_path / "IMG_0042.JPG"
    photo.write_bytes(files.jpeg())
    added = ok(
        reinstate(
            "records", "add", "--user", "dana", str(photo),
            "--kind", "locked_building", "--note", "Gate code did not work",
            "--at", "2026-10-20T10:05",
        )
    )  # fmt: skip
    assert added["kind"] == "locked_building" and added["note"] == "Gate code did not work"
    assert added["at"] == "2026-10-20T10:05:00-07:00"  # a time without offset: Dana's clock
    assert added["files"][0]["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert added["files"][0]["taken_at"] == "2026-11-02T14:03:05-08:00"
    ok(
        reinstate(
            "records",
            "add",
            "--user",
            "dana",
            "--note",
            "Quiet block",
            "--at",
            "2026-10-21T08:00-07:00",
        )
    )
    listed = ok(reinstate("records", "list", "--user", "dana"))
    assert [r["note"] for r in listed] == ["Quiet block", "Gate code did not work"]
    assert listed[1]["cases"] == []


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--at", "yesterday", "--note", "x"], "--at 'yesterday' is not a time"),
        (["--at", "2099-01-01T10:00-08:00", "--note", "x"], "in the future"),
        (["--kind", "support_call"], "what was said"),
        (["missing.jpg", "--note", "x"], "No such file"),
    ],
)
def test_it_refuses_in_one_line(args: list[str], says: str) -> None:
    ok(reinstate("user", "add", "dana", "--tz", "America/Los_Angeles"))
    result = reinstate("records", "add", "--user", "dana", *args)
    assert result.returncode == 2 and says in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_not_what_it_claims_is_refused(tmp_path: Path) -> None:
    ok(reinstate("user", "add", "dana", "--tz", "America/Los_Angeles"))
    fake = tmp_path / "photo.jpg"
    fake.write_bytes(files.pdf())
    result = reinstate("records", "add", "--user", "dana", str(fake), "--note", "x")
    assert result.returncode == 2 and "photo.jpg" in result.stderr
    assert ok(reinstate("records", "list", "--user", "dana")) == []


def test_it_speaks_spanish_when_asked() -> None:
    ok(reinstate("user", "add", "dana", "--tz", "America/Los_Angeles"))
    result = reinstate("--lang", "es", "records", "add", "--user", "dana", "--kind", "support_chat")
    assert result.returncode == 2 and "Escribe lo que te dijeron" in result.stderr
