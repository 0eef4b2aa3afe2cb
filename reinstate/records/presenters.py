"""What the records pages and the command line show of a record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from reinstate.evidence.actions import size_text
from reinstate.lib.iso import iso
from reinstate.records.models import ROUTE_PROBLEMS, Kind, Record, RecordFile, RecordUse
from reinstate.rules.evidence.photos import photo_time


@dataclass(frozen=True)
class FileView:
    file: RecordFile
    label: str  # "JPEG photo"
    size: str
    has_picture: bool
    taken_at: datetime | None  # a photo's or video's own clock, shown in the record's zone


@dataclass(frozen=True)
class RecordView:
    record: Record
    at: datetime  # in the zone it was written in
    kind_title: str
    route_problem: bool
    files: list[FileView]
    cases: list[int]  # the cases it was added to


def file_taken(file: RecordFile, tz: ZoneInfo) -> datetime | None:
    info = file.blob.info
    at = photo_time(info.get("taken_local"), info.get("taken_offset"), info.get("gps_utc"), tz).at
    return at.astimezone(tz) if at is not None else None


def record_view(record: Record, uses: list[RecordUse] | None = None) -> RecordView:
    tz = ZoneInfo(record.time_zone)
    files = [
        FileView(
            file=f,
            label=f.blob.label,
            size=size_text(f.blob.size),
            has_picture=f.blob.has_renditions,
            taken_at=file_taken(f, tz),
        )
        for f in record.files.all()
    ]
    return RecordView(
        record=record,
        at=record.at.astimezone(tz),
        kind_title=str(Kind(record.kind).label),
        route_problem=record.kind in ROUTE_PROBLEMS,
        files=files,
        cases=sorted({use.case_id for use in uses or []}),
    )


@dataclass(frozen=True)
class RecordsPage:
    records: list[RecordView]


@dataclass(frozen=True)
class OfferView:
    """The records a case is offered: from the days before its notice, not yet added."""

    case_id: int
    records: list[RecordView]
    since: datetime  # the window, in the case's zone
    until: datetime


def record_json(record: Record, uses: list[RecordUse] | None = None) -> dict[str, Any]:
    """A record as the command line prints it (keys and values in English)."""
    tz = ZoneInfo(record.time_zone)
    return {
        "id": record.pk,
        "at": iso(record.at.astimezone(tz)),
        "time_zone": record.time_zone,
        "kind": record.kind,
        "note": record.note,
        "who": record.who,
        "files": [
            {
                "id": f.pk,
                "filename": f.filename,
                "sha256": f.blob.sha256,
                "bytes": f.blob.size,
                "media_type": f.blob.media_type,
                "taken_at": iso(file_taken(f, tz)),
            }
            for f in record.files.all()
        ],
        "cases": sorted({use.case_id for use in uses or []}),
    }
