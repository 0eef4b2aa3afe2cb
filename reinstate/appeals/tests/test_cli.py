"""`reinstate appeal` and `reinstate packet` are a contract: JSON out, exit 0, or exit 2 and
one line on stderr."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from reinstate.testing import files
from reinstate.testing.appeal_samples import WHAT_HAPPENED
from reinstate.testing.cli import ok, reinstate
from reinstate.testing.notices import FLEX_LATE

APPEAL = f"""
[explanation]
policies = ["amazon_flex.terms_of_service"]
what_happened = {WHAT_HAPPENED!r}
acknowledgement = "I accept that I checked in 17 minutes late."
[[explanation.statements]]
text = "The gate was locked at 10:02."
exhibits = ["A"]

[plan]
root_causes = ["Problems at the pickup site"]
commitment = "I will arrive early for every block."
commitment_policies = ["amazon_flex.terms_of_service"]
[plan.monitoring]
metric = "on-time arrival rate"
threshold = "100%"
frequency = "every Sunday"
[[plan.actions]]
action = "Check in 15 minutes before every block"
target = "no late arrival in the next 20 blocks"
starts_on = 2026-12-01

[record]
driving_since = "March 2023"
"""


pytestmark = pytest.mark.django_db


def fail_line(result: Any) -> str:
    assert result.returncode == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in lines[0]
    return str(lines[0])


@pytest.fixture
def case_id(tmp_path: Path) -> str:
    (tmp_path / "notice.txt").write_text(FLEX_LATE)
    (tmp_path / "gate.jpg").write_bytes(files.jpeg())
    (tmp_path / "pw").write_text("correct horse battery")
    ok(reinstate("user", "add", "dana", "--password-file", str(tmp_path / "pw")))
    case = ok(reinstate("case", "new", "--user", "dana", "--notice", str(tmp_path / "notice.txt")))
    assert reinstate("evidence", "add", str(case["id"]), str(tmp_path / "gate.jpg")).returncode == 0
    return str(case["id"])


def test_appeal_set_show_and_check(tmp_path: Path, case_id: str) -> None:
    before = ok(reinstate("appeal", "check", case_id))
    assert before["ready"] is False
    assert {"no_statements", "policy_not_named", "no_actions"} <= {
        f["code"] for f in before["findings"]
    }
    (tmp_path / "appeal.toml").write_text(APPEAL)
    ok(reinstate("appeal", "set", case_id, str(tmp_path / "appeal.toml")))
    shown = ok(reinstate("appeal", "show", case_id))
    assert shown["explanation"]["statements"] == [
        {"text": "The gate was locked at 10:02.", "exhibits": ["A"]}
    ]
    assert shown["plan"]["actions"][0]["starts_on"] == "2026-12-01"
    after = ok(reinstate("appeal", "check", case_id))
    assert set(after) == {"ready", "score", "findings"}
    assert after["score"] > before["score"]
    assert all(
        set(f) == {"code", "severity", "message", "fix", "points"} for f in after["findings"]
    )
    assert sum(f["points"] for f in after["findings"]) == 100 - after["score"]
    assert after["ready"] is False and "no_approved_letter" in {
        f["code"] for f in after["findings"]
    }


def test_check_is_not_ready_before_approval_nor_with_a_threat(tmp_path: Path, case_id: str) -> None:
    (tmp_path / "appeal.toml").write_text(APPEAL)
    ok(reinstate("appeal", "set", case_id, str(tmp_path / "appeal.toml")))
    (tmp_path / "letter.txt").write_text("Dear team,\n\nReinstate me or I will sue you.")
    letter = ok(reinstate("appeal", "letter", case_id, "--file", str(tmp_path / "letter.txt")))
    before = ok(reinstate("appeal", "check", case_id))
    assert "no_approved_letter" in {f["code"] for f in before["findings"]}
    ok(reinstate("appeal", "approve", case_id, str(letter["version"])))
    after = ok(reinstate("appeal", "check", case_id))
    codes = {f["code"]: f for f in after["findings"]}
    assert "no_approved_letter" not in codes and after["ready"] is False
    assert "I will sue" in codes["tone_threat"]["message"] and codes["tone_threat"]["points"] > 6
    assert after["score"] < 80


def test_the_stance_is_set_from_the_file_and_shown(tmp_path: Path, case_id: str) -> None:
    dispute = APPEAL.replace(
        "[explanation]\n",
        '[explanation]\nstance = "dispute"\nrecords_requested = "The GPS trace"\n',
    )
    (tmp_path / "appeal.toml").write_text(dispute)
    shown = ok(reinstate("appeal", "set", case_id, str(tmp_path / "appeal.toml")))
    assert shown["explanation"]["stance"] == "dispute"
    assert shown["explanation"]["records_requested"] == "The GPS trace"
    (tmp_path / "appeal.toml").write_text('[explanation]\nwhat_happened = "x"')
    shown = ok(reinstate("appeal", "set", case_id, str(tmp_path / "appeal.toml")))
    assert shown["explanation"]["stance"] == "acknowledge"  # what appeals did before the choice


def test_packet_build_refuses_without_approval_then_builds(tmp_path: Path, case_id: str) -> None:
    (tmp_path / "appeal.toml").write_text(APPEAL)
    ok(reinstate("appeal", "set", case_id, str(tmp_path / "appeal.toml")))
    out = tmp_path / "appeal.pdf"
    assert "No approved letter" in fail_line(reinstate("packet", "build", case_id, "-o", str(out)))
    assert not out.exists()
    draft = ok(reinstate("packet", "build", case_id, "-o", str(out), "--draft"))
    assert (
        draft["pages"] == len(PdfReader(out).pages)
        and "DRAFT" in PdfReader(out).pages[0].extract_text()
    )
    letter = ok(reinstate("appeal", "letter", case_id))
    assert "10:17 for a block" in letter["text"]
    ok(reinstate("appeal", "approve", case_id, str(letter["version"])))
    built = ok(reinstate("packet", "build", case_id, "-o", str(out)))
    assert set(built) >= {"path", "format", "pages", "bytes", "exhibits", "sha256"}
    assert built["format"] == "pdf" and built["exhibits"] == 1 and built["pages"] == 4
    assert built["bytes"] == out.stat().st_size
    text = ok(reinstate("packet", "build", case_id, "-o", str(tmp_path / "appeal.txt")))
    assert text["format"] == "txt" and text["chars"] <= text["limit"]
    assert "I am writing to appeal" in (tmp_path / "appeal.txt").read_text()
    word = ok(
        reinstate("packet", "build", case_id, "-o", str(tmp_path / "a.out"), "--format", "docx")
    )
    assert word["format"] == "docx" and (tmp_path / "a.out").read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[explanation\n", "not valid TOML"),
        ('[explanation]\npolicies = ["amazon_flex.nope"]', "no policy 'amazon_flex.nope'"),
        ('[[explanation.statements]]\ntext = "x"\nexhibits = ["Q"]', "No exhibit Q"),
        ('[plan]\n[[plan.actions]]\naction = "x"\nstarts_on = "soon"', "starts_on must be a date"),
        ("[explanation]\nwhat = 1", "unknown what"),
        ('[explanation]\nstance = "sorry"', "stance must be dispute, acknowledge or both"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    tmp_path: Path,
    case_id: str,
    content: str,
    message: str,
) -> None:
    (tmp_path / "appeal.toml").write_text(content)
    assert message in fail_line(reinstate("appeal", "set", case_id, str(tmp_path / "appeal.toml")))
    assert ok(reinstate("appeal", "show", case_id))["explanation"]["what_happened"] == ""


def test_unknown_case_missing_file_and_folder(tmp_path: Path, case_id: str) -> None:
    assert "No case 99" in fail_line(reinstate("appeal", "check", "99"))
    assert "No case 99" in fail_line(
        reinstate("packet", "build", "99", "-o", str(tmp_path / "x.pdf"))
    )
    assert "No file" in fail_line(reinstate("appeal", "set", case_id, str(tmp_path / "none.toml")))
    assert "No folder" in fail_line(
        reinstate("packet", "build", case_id, "-o", "/nonexistent/x.pdf")
    )
