"""`reinstate appeal sent` and `reinstate case decision`: JSON out, or exit 2 and one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reinstate.appeals.models import Sending
from reinstate.comms.models import Contact
from reinstate.evidence.models import EvidenceItem
from reinstate.testing import files
from reinstate.testing.cli import ok, reinstate
from reinstate.testing.notices import FLEX_LATE

pytestmark = pytest.mark.django_db

RECEIVED = "2026-11-02T16:00:00-08:00"
LA = "America/Los_Angeles"


def fail_line(result: Any) -> str:
    assert result.returncode == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in lines[0]
    return str(lines[0])


@pytest.fixture
def case_id(tmp_path: Path) -> str:
    (tmp_path / "notice.txt").write_text(FLEX_LATE)
    (tmp_path / "pw").write_text("correct horse battery")
    ok(reinstate("user", "add", "dana", "--password-file", str(tmp_path / "pw"), "--tz", LA))
    case = ok(
        reinstate(
            "case",
            "new",
            "--user",
            "dana",
            "--notice",
            str(tmp_path / "notice.txt"),
            "--received",
            RECEIVED,
            "--tz",
            "America/Los_Angeles",
        )
    )
    return str(case["id"])


def test_appeal_sent_prints_the_stage_and_the_days(tmp_path: Path, case_id: str) -> None:
    proof = tmp_path / "confirmation.png"
    proof.write_bytes(files.png())
    printed = ok(
        reinstate(
            "appeal",
            "sent",
            case_id,
            "--at",
            "2026-11-05T10:00",
            "--channel",
            "app_form",
            "--reference",
            "QX-7781",
            "--file",
            str(proof),
        )
    )
    assert printed["stage"] == "sent"
    assert printed["decision_expected_by"] == "2026-11-26"  # Flex: up to three weeks
    assert printed["follow_up_on"] >= "2026-11-16"  # halfway, or later as today moves on
    assert printed["review_time"]["confidence"] == "reported"
    assert printed["review_time"]["rule"].startswith("21 calendar days after sending")
    sending = printed["sending"]
    assert sending["sent_at"] == "2026-11-05T10:00:00-08:00"  # read in the case's zone
    assert (sending["channel"], sending["reference"], sending["kind"]) == (
        "app_form",
        "QX-7781",
        "appeal",
    )
    assert [p["exhibit"] for p in sending["proof"]] == ["A"]
    shown = ok(reinstate("case", "show", case_id))
    assert shown["stage"] == "sent"


def test_a_protective_appeal_is_a_sending_too(case_id: str) -> None:
    printed = ok(
        reinstate(
            "appeal",
            "sent",
            case_id,
            "--at",
            "2026-11-05T10:00-08:00",
            "--channel",
            "email",
            "--protective",
        )
    )
    assert printed["sending"]["kind"] == "protective"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--at", "2099-01-01T10:00", "--channel", "email"], "in the future"),
        (["--at", "2026-10-01T10:00", "--channel", "email"], "before the notice arrived"),
        (["--at", "soon", "--channel", "email"], "--at 'soon' is not a date and time"),
        (["--at", "2026-11-05T10:00", "--channel", "pigeon"], "invalid choice"),
        (["--at", "2026-11-05T10:00", "--channel", "email", "--file", "/nope.png"], "No file"),
    ],
)
def test_appeal_sent_refuses_bad_input_in_one_line_and_keeps_nothing(
    case_id: str, args: list[str], message: str
) -> None:
    assert message in fail_line(reinstate("appeal", "sent", case_id, *args))
    assert not Sending.objects.exists() and not Contact.objects.exists()


def test_a_refused_proof_file_keeps_nothing(tmp_path: Path, case_id: str) -> None:
    (tmp_path / "ok.png").write_bytes(files.png())
    (tmp_path / "big.png").write_bytes(files.png_bomb())
    result = reinstate(
        "appeal",
        "sent",
        case_id,
        "--at",
        "2026-11-05T10:00",
        "--channel",
        "email",
        "--file",
        str(tmp_path / "ok.png"),
        "--file",
        str(tmp_path / "big.png"),
    )
    assert "far more pixels" in fail_line(result)
    assert not Sending.objects.exists() and not EvidenceItem.all_objects.exists()


def test_case_show_carries_the_stage(case_id: str) -> None:
    assert ok(reinstate("case", "show", case_id))["stage"] == "reading"
    listed = ok(reinstate("case", "list", "--user", "dana"))["cases"]
    assert [c["stage"] for c in listed] == ["reading"]


def test_case_decision_denied_keeps_the_case_open(tmp_path: Path, case_id: str) -> None:
    ok(reinstate("appeal", "sent", case_id, "--at", "2026-11-05T10:00", "--channel", "email"))
    notice = tmp_path / "denied.txt"
    notice.write_text(
        "We have carefully reviewed your appeal and determined that our original decision "
        "stands. You are no longer eligible to participate in the Amazon Flex program."
    )
    printed = ok(
        reinstate(
            "case",
            "decision",
            case_id,
            "--outcome",
            "denied",
            "--on",
            "2026-11-20",
            "--notice",
            str(notice),
        )
    )
    assert printed["stage"] == "decided"
    assert printed["decision"] == {
        "id": printed["decision"]["id"],
        "outcome": "denied",
        "decided_on": "2026-11-20",
    }
    assert printed["warning"] is None and printed["status"] == "open"
    assert ok(reinstate("case", "show", case_id))["stage"] == "decided"


def test_case_decision_granted_closes_the_case(case_id: str) -> None:
    ok(reinstate("appeal", "sent", case_id, "--at", "2026-11-05T10:00", "--channel", "email"))
    printed = ok(
        reinstate("case", "decision", case_id, "--outcome", "granted", "--on", "2026-11-20")
    )
    assert (printed["stage"], printed["status"], printed["outcome"]) == (
        "closed",
        "closed",
        "reinstated",
    )


def test_case_decision_warns_when_the_message_reads_otherwise(tmp_path: Path, case_id: str) -> None:
    notice = tmp_path / "granted.txt"
    notice.write_text("Good news! After reviewing your appeal, we've reactivated your account.")
    printed = ok(
        reinstate(
            "case",
            "decision",
            case_id,
            "--outcome",
            "denied",
            "--on",
            "2026-11-20",
            "--notice",
            str(notice),
        )
    )
    assert "granted" in printed["warning"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--outcome", "maybe"], "invalid choice"),
        (["--outcome", "denied", "--on", "2099-01-01"], "in the future"),
        (["--outcome", "denied", "--on", "soon"], "is not a date"),
        (["--outcome", "denied", "--notice", "/nope.txt"], "nope.txt"),
    ],
)
def test_case_decision_refuses_bad_input_in_one_line(
    case_id: str, args: list[str], message: str
) -> None:
    assert message in fail_line(reinstate("case", "decision", case_id, *args))
