""" "Download all my data" holds the driver's records and their originals, byte for byte."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable

import pytest

from reinstate.accounts.models import User
from reinstate.compose.export import write_export
from reinstate.records.models import Record
from reinstate.testing import files

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_records_and_their_files(
    driver: User, keep: Callable[..., Record]
) -> None:
    photo = files.jpeg()
    record = keep(driver, "2026-10-20T10:05:00-07:00", files={"gate.jpg": photo})
    target = io.BytesIO()
    write_export(driver, target)
    with zipfile.ZipFile(target) as zf:
        (kept,) = json.loads(zf.read("records/records.json"))
        assert kept["id"] == record.pk and kept["note"] == record.note
        assert zf.read(kept["files"][0]["file"]) == photo


def test_no_records_no_folder(driver: User) -> None:
    target = io.BytesIO()
    write_export(driver, target)
    with zipfile.ZipFile(target) as zf:
        assert not [name for name in zf.namelist() if name.startswith("records/")]
