"""The pure rules touch no data folder: their tests go without the one every other test is given
(reinstate/conftest.py: home), which cost each of these ~2,700 tests about 2 ms."""

from __future__ import annotations

import pytest


@pytest.fixture
def home() -> None:
    """No data folder: nothing under rules/ may read or write one (see the import contracts)."""
