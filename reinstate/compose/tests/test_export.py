""" "Download all my data": one zip with the originals, the packets and the records."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from reinstate.accounts.actions import do_set_identity
from reinstate.accounts.models import User
from reinstate.appeals.actions import do_save_letter
from reinstate.appeals.packet_build import build_packet
from reinstate.audit.models import AuditEvent
from reinstate.cases.models import Case
from reinstate.comms.actions import do_add_contact
from reinstate.evidence.actions import do_withdraw_evidence
from reinstate.health.actions import do_record_block
from reinstate.testing import files
from reinstate.testing.blocks import flex_block
from reinstate.testing.cli import reinstate
from reinstate.testing.evidence import add_file
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db

URL = reverse("accounts:export")
PHOTO = files.jpeg(color=(90, 140, 200))
INVOICE = files.pdf("Invoice 4411", pages=1)
LETTER = "I ask you to reinstate my account."


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    case = open_case(driver, FLEX_LATE)
    add_file(case, PHOTO, "gate.jpg", description="The locked gate")
    invoice = add_file(case, INVOICE, "invoice.pdf").item
    do_withdraw_evidence(item=invoice, actor=driver)
    do_add_contact(
        case=case,
        actor=driver,
        channel="phone",
        direction="to_platform",
        at=case.received_at,
        summary="Called support about the gate",
    )
    do_save_letter(case=case, text=LETTER, actor=driver)
    build_packet(case=case, fmt="txt", draft=True, actor=driver)
    do_record_block(owner=driver, platform="amazon_flex", record=flex_block(case.received_at))
    do_set_identity(user=driver, legal_name="Dana Reyes", accounts={"amazon_flex": "d@x.org"})
    return case


def check_zip(data: bytes, case: Case) -> None:
    zf = zipfile.ZipFile(io.BytesIO(data))
    names = set(zf.namelist())
    folder = f"cases/{case.pk}"
    assert zf.read(f"{folder}/evidence/A - gate.jpg") == PHOTO
    assert zf.read(f"{folder}/evidence/withdrawn/B - invoice.pdf") == INVOICE

    record = json.loads(zf.read(f"{folder}/case.json"))
    assert case.deadline is not None
    assert datetime.fromisoformat(record["deadline"]) == case.deadline
    assert record["checklist"] and "title" in record["checklist"][0]
    assert zf.read(f"{folder}/notice.txt").decode() == case.notice_text

    evidence = json.loads(zf.read(f"{folder}/evidence.json"))
    assert [e["file"] for e in evidence] == [
        f"{folder}/evidence/A - gate.jpg",
        f"{folder}/evidence/withdrawn/B - invoice.pdf",
    ]
    assert evidence[0]["description"] == "The locked gate" and evidence[1]["withdrawn_at"]
    contacts = json.loads(zf.read(f"{folder}/contacts.json"))
    assert contacts[0]["summary"] == "Called support about the gate"
    appeal = json.loads(zf.read(f"{folder}/appeal.json"))
    assert appeal["letters"][0]["version"] == 1
    assert zf.read(f"{folder}/letters/letter-1-draft.txt").decode() == LETTER
    assert any(n.startswith(f"{folder}/packets/") and n.endswith(".txt") for n in names)

    blocks = list(csv.DictReader(io.StringIO(zf.read("health/blocks.csv").decode())))
    assert len(blocks) == 1 and blocks[0]["platform"] == "amazon_flex"
    assert "watch_levels" in json.loads(zf.read("health/records.json"))
    profile = json.loads(zf.read("profile.json"))
    assert profile["legal_name"] == "Dana Reyes"
    assert profile["platform_accounts"] == {"amazon_flex": "d@x.org"}
    assert "README.txt" in names


def test_it_downloads_everything_as_a_zip(case: Case) -> None:
    response = client_for(case.owner).post(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    assert "reinstate-dana-" in response["Content-Disposition"]
    check_zip(b"".join(response.streaming_content), case)  # type: ignore[attr-defined]
    assert AuditEvent.objects.filter(kind="user.data_exported").count() == 1


def test_it_holds_only_the_drivers_own_data(
    case: Case, other_driver: User, open_case: Callable[..., Case]
) -> None:
    omars = open_case(other_driver, FLEX_LATE)
    response = client_for(other_driver).post(URL)
    zf = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))  # type: ignore[attr-defined]
    assert {n.split("/")[1] for n in zf.namelist() if n.startswith("cases/")} == {str(omars.pk)}
    assert json.loads(zf.read("profile.json"))["username"] == "omar"
    assert PHOTO not in [zf.read(n) for n in zf.namelist()]


def test_it_is_a_button_on_the_profile(driver: User) -> None:
    page = client_for(driver).get(reverse("accounts:profile")).content.decode()
    assert f'action="{URL}"' in page and "Download all my data" in page


def test_an_anonymous_visitor_is_sent_to_sign_in_and_get_is_refused(driver: User) -> None:
    response = Client().post(URL)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    assert client_for(driver).get(URL).status_code == 405


def test_the_command_line_writes_the_zip(case: Case, tmp_path: Path) -> None:
    out = tmp_path / "dana.zip"
    result = reinstate("user", "export", "dana", "-o", str(out)).json()
    assert result["path"] == str(out.resolve())
    assert result["bytes"] == out.stat().st_size
    assert result["files"] == len(zipfile.ZipFile(out).namelist())
    check_zip(out.read_bytes(), case)
    assert not list(tmp_path.glob(".*.part"))


def test_the_command_line_refuses_a_folder_or_unknown_user(driver: User, tmp_path: Path) -> None:
    result = reinstate("user", "export", "dana", "-o", str(tmp_path))
    assert result.returncode == 2 and "is a folder" in result.stderr
    result = reinstate("user", "export", "nobody", "-o", str(tmp_path / "x.zip"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    missing = tmp_path / "no" / "such" / "x.zip"
    result = reinstate("user", "export", "dana", "-o", str(missing))
    assert result.returncode == 2 and "Cannot write" in result.stderr
