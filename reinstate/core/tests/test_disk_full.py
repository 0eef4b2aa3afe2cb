"""A full disk is never a server error: the person reads that nothing was saved and gets what
they typed back to copy; the command line says so in one line; nothing stored changes. The disk
is really full here: SQLite's page limit (SQLITE_FULL) and a tiny tmpfs for the files."""

from __future__ import annotations

import io
import os
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection
from django.urls import reverse
from PIL import Image
from pytest_django.fixtures import Settings

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.comms.models import Contact
from reinstate.evidence.models import EvidenceItem
from reinstate.testing.cli import reinstate
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db(transaction=True)

CHAT = "Agent: Your account is under review.\nYou: I delivered every package on time.\n" * 200


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    return open_case(driver, FLEX_LATE)


@contextmanager
def full_database() -> Iterator[None]:
    """The database cannot grow by one page: SQLite answers SQLITE_FULL, as on a full disk.
    (Outside a test transaction: on SQLITE_FULL, SQLite rolls back the whole transaction.)"""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's page limit; PostgreSQL's disk_full is the same SQLSTATE check")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE filler (b BLOB)")
        cursor.execute("PRAGMA page_count")
        (pages,) = cursor.fetchone()
        cursor.execute("PRAGMA max_page_count")
        (limit,) = cursor.fetchone()
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        # Pages freed by earlier tests would still take a write: fill them first.
        with suppress(OperationalError):
            while True:
                cursor.execute("INSERT INTO filler VALUES (zeroblob(1000))")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA max_page_count = {limit}")
            cursor.execute("DROP TABLE filler")


@pytest.fixture
def full_folder(tmp_path: Path, settings: Settings) -> Iterator[Path]:
    """The data folder on a 64 KB file system: the first real file fills it (ENOSPC)."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a small file system needs root")
    settings.REINSTATE_HOME = folder
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_it_says_nothing_was_saved_and_gives_back_the_typed_chat(case: Case) -> None:
    client = client_for(case.owner)
    with full_database():
        response = client.post(
            reverse("comms:chat", args=[case.pk]),
            {"text": CHAT, "at": "2026-11-20T10:00", "save": "1", "password": "hunter2 x"},
        )
    assert response.status_code == 507
    page = response.content.decode()
    assert "Not saved: the server has no room left" in page
    assert "Everything you saved before is safe" in page
    # What was typed comes back, to copy; never a password.
    assert "I delivered every package on time." in page
    assert "hunter2" not in page
    assert not Contact.objects.filter(case=case).exists()


def test_an_upload_to_a_full_disk_stores_nothing(case: Case, full_folder: Path) -> None:
    out = io.BytesIO()
    Image.frombytes("RGB", (400, 300), os.urandom(400 * 300 * 3)).save(out, "JPEG", quality=95)
    photo = out.getvalue()  # noise: it does not compress below the disk's size
    assert len(photo) > 64 * 1024
    response = client_for(case.owner).post(
        reverse("evidence:add", args=[case.pk]),
        {"evidence_files": [SimpleUploadedFile("door.jpg", photo)]},
    )
    assert response.status_code == 507
    assert "Not saved" in response.content.decode()
    assert not EvidenceItem.objects.filter(case=case).exists()
    # No half-written original is left behind on the full disk.
    left = [p for p in full_folder.rglob("*") if p.is_file() and p.stat().st_size]
    assert left == [], left


def test_the_command_line_says_the_disk_is_full_in_one_line(driver: User) -> None:
    with full_database():
        # A long notice: it needs pages the database cannot add.
        notice = (
            FLEX_LATE + "\n\nDelivery notes:\n" + "Left at the front door, photo taken.\n" * 500
        )
        result = reinstate("case", "new", "--user", "dana", "--notice", "-", stdin=notice)
    assert result.returncode == 2, result
    assert result.stderr.strip().splitlines() == [
        "Error: The disk is full: nothing was saved. Free some space on this machine (or ask "
        "whoever runs it to) and run the command again."
    ]
    assert not Case.objects.exists()


def test_an_ordinary_error_is_not_taken_for_a_full_disk() -> None:
    from reinstate.core.disk_full import is_disk_full

    assert is_disk_full(OSError(28, os.strerror(28)))
    assert not is_disk_full(OSError(2, os.strerror(2)))
    assert not is_disk_full(ValueError("no"))
