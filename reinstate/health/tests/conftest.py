"""Blocks for Dana, recorded through the actions as the app would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from reinstate.accounts.models import User
from reinstate.health.actions import do_record_block
from reinstate.health.models import Block
from reinstate.testing.blocks import LA, flex_block


@pytest.fixture
def record_blocks() -> Callable[..., list[Block]]:
    """record_blocks(user, [True, False, ...]): one a day up to yesterday, False is late."""

    def _record(
        user: User,
        on_time: list[bool],
        *,
        platform: str = "amazon_flex",
        end: datetime | None = None,
    ) -> list[Block]:
        last = end or datetime.now(LA).replace(
            hour=8, minute=0, second=0, microsecond=0
        ) - timedelta(days=1)
        first = last - timedelta(days=len(on_time) - 1)
        return [
            do_record_block(
                owner=user,
                platform=platform,
                record=flex_block(first + timedelta(days=i), late_by=-10 if good else 12),
            )
            for i, good in enumerate(on_time)
        ]

    return _record
