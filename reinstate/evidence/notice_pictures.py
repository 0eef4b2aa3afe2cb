"""The screenshots a case's notice was read from, kept as its evidence when the case opens
(cases/notice_pictures.py sends them: cases may not call evidence)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.evidence.actions import do_add_evidence
from reinstate.evidence.models import EvidenceItem

# Stored with the item, in English: what the driver reads is theirs to edit.
NOTE = "The platform's notice, as the driver received it (the case was opened from it)."


def keep_notice_pictures(
    sender: Any, *, case: Case, actor: User, pictures: list[tuple[Path, str]], **kwargs: Any
) -> None:
    for path, name in pictures:
        with path.open("rb") as source:
            do_add_evidence(
                case=case,
                actor=actor,
                source=source,
                filename=name or path.name,
                kind=EvidenceItem.Kind.SCREENSHOT,
                description="The notice",  # i18n: stored, the driver may edit it
                note=NOTE,
            )
