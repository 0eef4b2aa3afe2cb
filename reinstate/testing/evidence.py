"""Adding evidence to a case from bytes made in the test."""

from __future__ import annotations

import io
from typing import Any

from reinstate.cases.models import Case
from reinstate.evidence.actions import Added, do_add_evidence


def add_file(case: Case, data: bytes, name: str = "photo.jpg", **options: Any) -> Added:
    """Keep `data` as evidence for the case, added by its driver. Its preview is made at once,
    as `reinstate evidence add` does (pass inline_renditions=False to queue it, as an upload
    does: reinstate.testing.tasks.run_queue() then makes it)."""
    options.setdefault("inline_renditions", True)
    return do_add_evidence(
        case=case, actor=case.owner, source=io.BytesIO(data), filename=name, **options
    )
