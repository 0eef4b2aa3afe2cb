"""Each test gets its own data folder, so the blob store starts empty."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytest_django.fixtures import Settings

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.evidence.actions import Added, do_add_evidence
from reinstate.evidence.blobstore import BlobStore

# A delivery dispute: its checklist asks for delivery photos and records.
DISPUTE = (
    "We have received several reports from customers who could not locate packages that you "
    "marked as delivered. Because of this, your Amazon Flex account has been deactivated. If you "
    "would like us to reconsider, respond within 10 calendar days with any supporting information."
)


@pytest.fixture(autouse=True)
def home(settings: Settings, tmp_path: Path) -> Path:
    settings.REINSTATE_HOME = tmp_path / "home"
    return tmp_path / "home"


@pytest.fixture
def store(home: Path) -> BlobStore:
    return BlobStore(home)


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    return open_case(driver, DISPUTE)


def add(case: Case, data: bytes, name: str = "photo.jpg", **options: Any) -> Added:
    return do_add_evidence(
        case=case, actor=case.owner, source=io.BytesIO(data), filename=name, **options
    )
