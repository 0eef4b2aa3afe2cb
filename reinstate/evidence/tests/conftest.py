"""Each test gets its own data folder, so the blob store starts empty, and a delivery dispute."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.evidence.blobstore import BlobStore
from reinstate.testing.notices import DISPUTE


@pytest.fixture
def store(home: Path) -> BlobStore:
    return BlobStore(home)


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    return open_case(driver, DISPUTE)


@pytest.fixture(autouse=True)
def renditions_inline(settings: Settings) -> None:
    """Most tests here look at a preview right after adding a file: it is made within the add,
    as the command line does. test_queued_previews.py turns this off to test the queue."""
    settings.REINSTATE_RENDITIONS_INLINE = True
