"""The CSV import: the preview the driver checks before confirming, and the command line's JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from reinstate.accounts.models import User
from reinstate.health import queries
from reinstate.health.forms.imports import MappingForm
from reinstate.health.models import BlockImport
from reinstate.rules.health.blocks_csv import ReadResult
from reinstate.rules.health.standing import STATUS_TITLES

PREVIEW_ROWS = 10


@dataclass(frozen=True)
class PreviewRow:
    """One block of the file as the app read it, in the driver's zone."""

    line: int
    start: datetime
    end: datetime
    arrived: datetime | None
    status: str
    packages: int | None  # delivered
    assigned: int | None
    pay: float | None


def preview_rows(preview: ReadResult, tz: ZoneInfo, *, limit: int) -> list[PreviewRow]:
    """The first blocks of a file as the app read them, for the driver to check."""
    rows = []
    for row in preview.records[:limit]:
        r = row.record
        rows.append(
            PreviewRow(
                line=row.line,
                start=r.block_start.astimezone(tz),
                end=r.block_end.astimezone(tz),
                arrived=r.arrived_at.astimezone(tz) if r.arrived_at else None,
                status=STATUS_TITLES.get(r.status, r.status),
                packages=r.packages_delivered,
                assigned=r.packages_assigned,
                pay=r.pay,
            )
        )
    return rows


@dataclass(frozen=True)
class ImportPreviewPage:
    """What confirming would do: blocks to add, blocks already kept, the first rows, and the
    columns the app chose (``form``, to change them)."""

    run: BlockImport
    preview: ReadResult
    form: MappingForm
    rows: list[PreviewRow]
    would_add: int
    already_kept: int


def import_preview_page(
    owner: User, staged: BlockImport, preview: ReadResult, *, form: MappingForm
) -> ImportPreviewPage:
    starts = [row.record.block_start for row in preview.records]
    existing = queries.existing_starts(owner, staged.platform, starts)
    already_kept = sum(1 for start in starts if start in existing)
    return ImportPreviewPage(
        run=staged,
        preview=preview,
        form=form,
        rows=preview_rows(preview, ZoneInfo(owner.time_zone), limit=PREVIEW_ROWS),
        would_add=len(starts) - already_kept,
        already_kept=already_kept,
    )


def import_json(run: BlockImport) -> dict[str, Any]:
    """The contract of `reinstate health import`."""
    return {
        "rows": run.rows,
        "added": run.added,
        "duplicates": run.duplicates,
        "rejected": list(run.rejected),
    }
