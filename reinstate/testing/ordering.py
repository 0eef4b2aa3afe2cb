"""The tests marked `long` (seconds of processes of their own, no shared database) run first.

pytest-django runs the tests that use no database after all the others, so a long one among
them started last on one worker while the other sat idle: on PostgreSQL the 11 s backup test
did, every run. Started first, the short tests fill in around it and the workers end together.
A plugin of its own (conftest.py loads it) because it must sort after pytest-django does.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "long: takes seconds; run first (testing/ordering.py)")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(
        key=lambda item: item.get_closest_marker("long") is None
    )  # stable: the rest keep their order
