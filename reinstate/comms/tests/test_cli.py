"""`reinstate comms` is a contract other tools call: JSON out, exit 0, or exit 2 and one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reinstate.testing.cli import ok, reinstate
from reinstate.testing.mails import email, mbox, png_bytes, with_attachment
from reinstate.testing.notices import FLEX_LATE

pytestmark = pytest.mark.django_db

CHAT = "Agent (10:31 AM): Hello Dana, how can I help?\nYou (10:32 AM): Why was I deactivated?\n"


@pytest.fixture
def case_id(tmp_path: Path) -> str:
    ok(
        reinstate(
            "user",
            "add",
            "dana",
            "--email",
            "dana@example.com",
            "--tz",
            "America/Los_Angeles",
        )
    )
    notice = tmp_path / "notice.txt"
    notice.write_text(FLEX_LATE)
    opened = reinstate("case", "new", "--user", "dana", "--notice", str(notice))
    return str(ok(opened)["id"])


def test_import_prints_added_duplicates_skipped_and_tickets(
    case_id: str,
    tmp_path: Path,
) -> None:
    box = tmp_path / "export.mbox"
    box.write_bytes(mbox(email(), b"not an email\n", with_attachment("s.png", png_bytes())))
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT)
    result = ok(reinstate("comms", "import", case_id, str(box), str(chat)))
    assert result["added"] == 3
    assert result["duplicates"] == 0
    assert result["skipped"] == [
        {
            "item": "export.mbox, message 2",
            "reason": "This is not an email: it has no headers (From, Date, Subject).",
        }
    ]
    assert result["tickets"] == ["12345678"]
    again = ok(reinstate("comms", "import", case_id, str(box), str(chat)))
    assert (again["added"], again["duplicates"]) == (0, 3)


def test_add_and_list(case_id: str, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(png_bytes())
    added = ok(
        reinstate(
            *("comms", "add", case_id, "--channel", "phone", "--at", "2026-11-03T10:00"),
            *("--summary", "Called; they said 48 hours", "--ticket", "#4455667"),
            *("--agent", "Sam", "--file", str(shot)),
        )
    )
    assert added["at"] == "2026-11-03T10:00:00-08:00"  # read in the case's time zone
    assert added["tickets"] == ["4455667"] and added["evidence"] == ["A"]
    listed = ok(reinstate("comms", "list", case_id))
    assert [c["summary"] for c in listed["contacts"]] == ["Called; they said 48 hours"]
    assert listed["follow_up_due"] == "2026-11-06T18:00:00+00:00"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["comms", "list", "999"], "No case 999"),
        (["comms", "import", "CASE", "/no/such.mbox"], "No such file"),
        (["comms", "import", "CASE", "x", "--since", "last week"], "is not a date"),
        (["comms", "add", "CASE", "--channel", "fax", "--at", "x", "--summary", "s"], "invalid"),
        (["comms", "add", "CASE", "--channel", "phone", "--at", "soon", "--summary", "s"], "ISO"),
        (
            ["comms", "add", "CASE", "--channel", "phone", "--at", "2026-11-03", "--summary", " "],
            "few words",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line(
    case_id: str,
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    (tmp_path / "x").write_text("x")
    args = [case_id if a == "CASE" else str(tmp_path / "x") if a == "x" else a for a in args]
    result = reinstate(*args)
    assert result.returncode == 2
    stderr = result.stderr.strip()
    assert message in stderr
    assert len(stderr.splitlines()) == 1
    assert "Traceback" not in stderr
