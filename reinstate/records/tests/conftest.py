"""Dana's case (notice received 2 November 2026, 4 PM in Los Angeles) and her records."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime

import pytest

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.comms.actions import Upload
from reinstate.records.actions import do_add_record
from reinstate.records.models import Record
from reinstate.testing.notices import FLEX_LATE

NOTICE_AT = "2026-11-02T16:00:00-08:00"
NOW = datetime.fromisoformat("2026-11-20T09:00:00-08:00")


@pytest.fixture
def case(driver: User, open_case: Callable[..., Case]) -> Case:
    return open_case(driver, FLEX_LATE, received=NOTICE_AT)


@pytest.fixture
def keep() -> Callable[..., Record]:
    """Keep a record: `keep(user, "2026-10-20T10:00-07:00", files={"gate.jpg": bytes})`."""

    def _keep(
        user: User,
        at: str,
        *,
        kind: str = "note",
        note: str = "Gate locked, left at the office.",
        who: str = "",
        files: dict[str, bytes] | None = None,
    ) -> Record:
        return do_add_record(
            owner=user,
            at=datetime.fromisoformat(at),
            kind=kind,
            note=note,
            who=who,
            files=[Upload(name, io.BytesIO(data)) for name, data in (files or {}).items()],
            now=NOW,
        )

    return _keep
