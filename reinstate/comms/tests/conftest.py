"""Each test gets its own data folder (attachments go to the blob store), and a case."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE


@pytest.fixture(autouse=True)
def home(settings: Settings, tmp_path: Path) -> Path:
    settings.REINSTATE_HOME = tmp_path / "home"
    return tmp_path / "home"


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    driver.email = "dana@example.com"
    driver.save(update_fields=["email"])
    return open_case(driver, FLEX_LATE)
