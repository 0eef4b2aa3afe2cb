"""Adding evidence to a case from bytes made in the test."""

from __future__ import annotations

import io
from typing import Any

from reinstate.cases.models import Case
from reinstate.evidence.actions import Added, do_add_evidence


def add_file(case: Case, data: bytes, name: str = "photo.jpg", **options: Any) -> Added:
    """Keep `data` as evidence for the case, added by its driver."""
    return do_add_evidence(
        case=case, actor=case.owner, source=io.BytesIO(data), filename=name, **options
    )
