"""Importing a spreadsheet of blocks: staged, previewed, mapped, then confirmed.

An upload is kept (staged) until the driver has seen what it would add and, if need be, said
which column is which. Confirming adds every readable new block in one transaction: all rows,
or none. The command line (`reinstate health import`) reads a file in one step.
"""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from typing import BinaryIO
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reinstate.accounts.models import User
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.health.actions import HealthInputError, check_platform
from reinstate.health.alerts import sync_alerts
from reinstate.health.bulk import insert_blocks
from reinstate.health.models import BlockImport
from reinstate.health.queries import existing_starts
from reinstate.lib.bulk_insert import paused_gc
from reinstate.lib.tz import parse_time_zone
from reinstate.rules.health.blocks_csv import CsvRefused, ReadResult, read_blocks

# Rejected lines kept with an import: enough to fix a file, never the whole of a bad one.
KEEP_REJECTED = 1000
STALE_IMPORT = timedelta(days=7)


def do_stage_import(
    *, owner: User, platform: str, filename: str, data: bytes, time_zone: str
) -> BlockImport:
    """Keep an uploaded file until the driver has seen the preview and confirmed it."""
    check_platform(platform)
    tz = parse_time_zone(time_zone)
    _read(data, tz=tz, now=timezone.now(), mapping=None, stop_after=1)  # refuse garbage now
    with transaction.atomic():
        staged = BlockImport.objects.create(
            owner=owner,
            platform=platform,
            filename=filename[:200],
            time_zone=tz.key,
            data=data,
        )
        record_event(
            kind=EventKind.HEALTH_IMPORT_STAGED,
            actor=owner,
            data={"import": staged.pk, "platform": platform, "bytes": len(data)},
        )
    return staged


def preview_import(staged: BlockImport, *, now: datetime, rows: int | None = None) -> ReadResult:
    """What confirming would do; reads at most ``rows`` lines when given."""
    if staged.status != BlockImport.Status.PENDING or staged.data is None:
        raise HealthInputError(_("This file was already imported."))
    return _read(
        bytes(staged.data),
        tz=ZoneInfo(staged.time_zone),
        now=now,
        mapping=_mapping(staged.mapping),
        stop_after=rows,
    )


def do_set_import_mapping(
    *, staged: BlockImport, mapping: dict[str, int | None], actor: User
) -> BlockImport:
    if staged.status != BlockImport.Status.PENDING:
        raise HealthInputError(_("This file was already imported."))
    with transaction.atomic():
        staged.mapping = {name: position for name, position in mapping.items()}
        staged.save(update_fields=["mapping"])
        record_event(
            kind=EventKind.HEALTH_IMPORT_MAPPED,
            actor=actor,
            data={"import": staged.pk, "mapping": mapping},
        )
    return staged


def do_confirm_import(
    *, staged: BlockImport, actor: User, now: datetime | None = None
) -> BlockImport:
    """Import a staged file: every readable new block, or nothing at all."""
    # QUEUED: the worker's run of it (health/import_queue.py).
    if staged.status not in (BlockImport.Status.PENDING, BlockImport.Status.QUEUED):
        raise HealthInputError(_("This file was already imported."))
    if staged.data is None:
        raise HealthInputError(_("This file was already imported."))
    return do_import_blocks(
        owner=staged.owner,
        platform=staged.platform,
        stream=_stream(bytes(staged.data)),
        filename=staged.filename,
        tz=ZoneInfo(staged.time_zone),
        mapping=_mapping(staged.mapping),
        actor=actor,
        now=now,
        staged=staged,
    )


def do_import_blocks(
    *,
    owner: User,
    platform: str,
    stream: BinaryIO,
    filename: str,
    tz: ZoneInfo,
    actor: User,
    mapping: dict[str, int | None] | None = None,
    now: datetime | None = None,
    staged: BlockImport | None = None,
) -> BlockImport:
    """Read a CSV of blocks and add the new ones, in one transaction: all of them, or none."""
    now = now or timezone.now()
    check_platform(platform)
    with paused_gc():
        return _import(owner, platform, stream, filename, tz, actor, mapping, now, staged)


def _refusal_in_language(
    stream: BinaryIO,
    tz: ZoneInfo,
    now: datetime,
    mapping: dict[str, int | None] | None,
    refusal: CsvRefused,
) -> str:
    """Why the file is refused, in the reader's language: the file is read again to say it."""
    try:
        stream.seek(0)
        read_blocks(stream, tz=tz, now=now, mapping=mapping)
    except CsvRefused as again:
        return str(again)
    except (OSError, ValueError):
        pass
    return str(refusal)


def _import(
    owner: User,
    platform: str,
    stream: BinaryIO,
    filename: str,
    tz: ZoneInfo,
    actor: User,
    mapping: dict[str, int | None] | None,
    now: datetime,
    staged: BlockImport | None,
) -> BlockImport:
    try:
        with translation.override("en"):  # the lines not imported are kept, in English
            result = read_blocks(stream, tz=tz, now=now, mapping=mapping)
    except CsvRefused as refusal:
        raise HealthInputError(_refusal_in_language(stream, tz, now, mapping, refusal)) from None
    with transaction.atomic():
        run = staged or BlockImport(owner=owner, platform=platform, filename=filename[:200])
        run.time_zone = tz.key
        run.status = BlockImport.Status.DONE
        run.data = None
        run.rows = result.rows
        run.rejected = [{"line": r.line, "error": r.error} for r in result.rejected][:KEEP_REJECTED]
        run.imported_at = now
        run.save()
        records = [row.record for row in result.records]
        existing = existing_starts(owner, platform, [r.block_start for r in records])
        new = [r for r in records if r.block_start not in existing] if existing else records
        try:
            with transaction.atomic():
                insert_blocks(owner=owner, platform=platform, records=new, run=run, now=now)
        except IntegrityError:
            raise HealthInputError(
                _(
                    "Another import of these blocks finished at the same moment. Nothing was "
                    "added by this one: try again to add what is still missing."
                )
            ) from None
        run.added = len(new)
        run.duplicates = result.duplicates + len(records) - len(new)
        run.save(update_fields=["added", "duplicates"])
        record_event(
            kind=EventKind.HEALTH_IMPORTED,
            actor=actor,
            data={
                "import": run.pk,
                "platform": platform,
                "rows": run.rows,
                "added": run.added,
                "duplicates": run.duplicates,
                "rejected": len(result.rejected),
            },
        )
        sync_alerts(owner=owner, platform=platform, now=now)
    return run


def do_discard_import(*, staged: BlockImport, actor: User) -> None:
    if staged.status != BlockImport.Status.PENDING:
        raise HealthInputError(_("This file was already imported."))
    with transaction.atomic():
        record_event(
            kind=EventKind.HEALTH_IMPORT_DISCARDED, actor=actor, data={"import": staged.pk}
        )
        staged.delete()


def do_purge_stale_imports(*, now: datetime) -> int:
    """Files uploaded but never confirmed are dropped after STALE_IMPORT: they hold the data."""
    with transaction.atomic():
        stale = BlockImport.objects.filter(
            status=BlockImport.Status.PENDING, created_at__lt=now - STALE_IMPORT
        )
        count = stale.count()
        if count:
            stale.delete()
            record_event(kind=EventKind.HEALTH_IMPORTS_PURGED, actor=None, data={"count": count})
    return count


def _stream(data: bytes) -> BinaryIO:
    return io.BytesIO(data)


def _read(
    data: bytes,
    *,
    tz: ZoneInfo,
    now: datetime,
    mapping: dict[str, int | None] | None,
    stop_after: int | None,
) -> ReadResult:
    try:
        with paused_gc():
            return read_blocks(
                _stream(data), tz=tz, now=now, mapping=mapping, stop_after=stop_after
            )
    except CsvRefused as refusal:
        raise HealthInputError(str(refusal)) from None


def _mapping(stored: dict[str, int | None]) -> dict[str, int | None] | None:
    return dict(stored) if stored else None


__all__ = [
    "do_confirm_import",
    "do_discard_import",
    "do_import_blocks",
    "do_purge_stale_imports",
    "do_set_import_mapping",
    "do_stage_import",
    "preview_import",
]
