"""Each test gets its own data folder (attachments go to the blob store), and a case."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    driver.email = "dana@example.com"
    driver.save(update_fields=["email"])
    return open_case(driver, FLEX_LATE)
