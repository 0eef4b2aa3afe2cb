"""Ready-to-render values for the evidence pages and the command line: no queries or rules in
templates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from reinstate.cases.models import Case, ChecklistItem
from reinstate.evidence.actions import kept_until, size_text
from reinstate.evidence.models import Blob, EvidenceItem
from reinstate.lib.dates import when
from reinstate.lib.iso import iso
from reinstate.rules.evidence.photo_map import MapPoint, Plot, plot_points
from reinstate.rules.evidence.photos import Flag, Photo, PhotoTime, photo_flags, photo_time

EXCERPT_CHARS = 400
# Where a time was read from, by basis and by the file's family (any other family: "file").
_BASIS = {
    ("offset", "image"): gettext_noop("as the photo recorded it, with its time zone"),
    ("offset", "video"): gettext_noop("as the video recorded it, with its time zone"),
    ("offset", "audio"): gettext_noop("as the recording recorded it, with its time zone"),
    ("offset", "file"): gettext_noop("as the file recorded it, with its time zone"),
    ("gps", "image"): gettext_noop("from the photo's GPS clock"),
    ("gps", "video"): gettext_noop("from the video's GPS clock"),
    ("gps", "audio"): gettext_noop("from the recording's GPS clock"),
    ("gps", "file"): gettext_noop("from the file's GPS clock"),
    ("assumed", "image"): gettext_noop(
        "the camera's clock, read as %(tz)s time (the photo records no time zone)"
    ),
    ("assumed", "video"): gettext_noop(
        "the camera's clock, read as %(tz)s time (the video records no time zone)"
    ),
    ("assumed", "audio"): gettext_noop(
        "the recorder's clock, read as %(tz)s time (the recording records no time zone)"
    ),
    ("assumed", "file"): gettext_noop(
        "the device's clock, read as %(tz)s time (the file records no time zone)"
    ),
}


def _basis_text(basis: str | None, family: str, tz: ZoneInfo) -> str:
    family = family if family in ("image", "video", "audio") else "file"
    text = _BASIS.get((basis or "", family))
    if text is None:
        return ""
    return _(text) % {"tz": tz.key} if "%(tz)s" in text else _(text)


@dataclass(frozen=True)
class ItemView:
    item: EvidenceItem
    kind_title: str
    size: str
    taken: datetime | None
    taken_basis: str
    lat: float | None
    lon: float | None
    camera: str
    pages: int | None
    duration: str  # "1 min 32 s", or "" when the file gives no length
    notes: list[str]
    checklist: list[str]
    excerpt: str
    flags: list[Flag] = field(default_factory=list)

    @property
    def blob(self) -> Blob:
        return self.item.blob

    @property
    def type_label(self) -> str:
        """ "JPEG photo": stored in English, shown in the reader's language."""
        return _(self.item.blob.label)


@dataclass(frozen=True)
class WithdrawnView:
    """An item withdrawn from the case that can still be put back."""

    item: EvidenceItem
    kind_title: str
    withdrawn_at: datetime
    kept_until: datetime
    until: str  # "2 December 2026", in the case's time zone


def withdrawn_view(item: EvidenceItem, tz: ZoneInfo) -> WithdrawnView:
    assert item.withdrawn_at is not None, "only a withdrawn item"
    until = kept_until(item.withdrawn_at).astimezone(tz)
    return WithdrawnView(
        item=item,
        kind_title=str(EvidenceItem.Kind(item.kind).label),
        withdrawn_at=item.withdrawn_at.astimezone(tz),
        kept_until=until,
        until=when(until.date(), "date_long"),
    )


def item_time(item: EvidenceItem, tz: ZoneInfo) -> PhotoTime:
    info = item.blob.info
    return photo_time(info.get("taken_local"), info.get("taken_offset"), info.get("gps_utc"), tz)


def duration_text(seconds: float | None) -> str:
    """A recording's length as a driver says it: "1 min 32 s", "1 h 5 min", "45 s"."""
    if seconds is None:
        return ""
    whole = round(seconds)
    if whole < 1:
        return _("under 1 s")
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [(hours, "h"), (minutes, "min"), (secs, "s")]
    return " ".join(f"{amount} {unit}" for amount, unit in parts if amount)


def item_view(item: EvidenceItem, tz: ZoneInfo) -> ItemView:
    info = item.blob.info
    taken = item_time(item, tz)
    text = item.blob.text.strip()
    return ItemView(
        item=item,
        kind_title=str(EvidenceItem.Kind(item.kind).label),
        size=size_text(item.blob.size),
        taken=taken.at.astimezone(tz) if taken.at else None,
        taken_basis=_basis_text(taken.basis, item.blob.family, tz),
        lat=info.get("lat"),
        lon=info.get("lon"),
        camera=info.get("camera", ""),
        pages=info.get("pages"),
        duration=duration_text(info.get("duration_s")),
        # Stored in English (file_facts marks them): shown in the reader's language.
        notes=[_(note) for note in info.get("notes", [])],
        # Catalogue texts: their Spanish comes from the catalogue.
        checklist=[_(c.title) for c in item.satisfies.all()],
        excerpt=text[:EXCERPT_CHARS] + ("…" if len(text) > EXCERPT_CHARS else ""),
    )


def item_views(items: Sequence[EvidenceItem], *, tz: ZoneInfo, day: date | None) -> list[ItemView]:
    """Every item, with the flags on its photos (time outside the day, far from the others)."""
    views = [item_view(item, tz) for item in items]
    photos = [
        Photo(v.item.pk, v.taken, v.lat, v.lon) for v in views if v.item.blob.family == "image"
    ]
    flags = photo_flags(photos, day=day, tz=tz)
    return [replace(view, flags=flags.get(view.item.pk, [])) for view in views]


def photo_plot(views: Sequence[ItemView], *, tile_url: str) -> Plot | None:
    points = [
        MapPoint(
            v.item.pk, v.item.exhibit, v.lat, v.lon, flagged=any(f.code == "far" for f in v.flags)
        )
        for v in views
        if v.lat is not None and v.lon is not None
    ]
    return plot_points(points, tile_url=tile_url)


@dataclass(frozen=True)
class LockerPage:
    case: Case
    items: list[ItemView]
    plot: Plot | None  # None when no photo or video carries a place
    map_tiles: bool  # the map is drawn over tiles fetched from a tile server
    photos: int
    unplaced_photos: int
    flagged: int  # items with at least one flag
    far_photos: bool
    missing: list[ChecklistItem]  # required, not ticked, and no evidence for it
    day: date | None  # the day in question, as the driver set it
    tz: str  # the case's zone name, shown beside the day
    withdrawn: list[WithdrawnView]
    undo: WithdrawnView | None  # the item just withdrawn, to put back in one press


def locker_page(
    case: Case,
    items: Sequence[EvidenceItem],
    *,
    checklist: Sequence[ChecklistItem],
    day: date | None,
    tile_url: str,
    withdrawn: Sequence[EvidenceItem] = (),
    just_withdrawn: int | None = None,
) -> LockerPage:
    """The locker. `just_withdrawn`: the item the driver withdrew a moment ago, to offer Undo
    (ignored unless it is one of `withdrawn`, so a stale link offers nothing)."""
    tz = case.tz
    gone = [withdrawn_view(item, tz) for item in withdrawn]
    views = item_views(items, tz=tz, day=day)
    covered = {c.pk for item in items for c in item.satisfies.all()}
    missing = [c for c in checklist if c.required and not c.done and c.pk not in covered]
    photos = [v for v in views if v.item.blob.family == "image"]
    # Videos with a place are on the map too, but only photos are counted here.
    placed = [v for v in photos if v.lat is not None]
    return LockerPage(
        case=case,
        items=views,
        plot=photo_plot(views, tile_url=tile_url),
        map_tiles=bool(tile_url),
        photos=len(photos),
        unplaced_photos=len(photos) - len(placed),
        flagged=sum(1 for v in views if v.flags),
        far_photos=any(f.code == "far" for v in views for f in v.flags),
        missing=missing,
        day=day,
        tz=tz.key,
        withdrawn=gone,
        undo=next((w for w in gone if w.item.pk == just_withdrawn), None),
    )


def evidence_json(item: EvidenceItem, *, duplicate: bool = False) -> dict[str, Any]:
    """An item as the command line prints it."""
    info = item.blob.info
    taken = item_time(item, item.case.tz)
    lat, lon = info.get("lat"), info.get("lon")
    return {
        "id": item.pk,
        "sha256": item.blob.sha256,
        "bytes": item.blob.size,
        "media_type": item.blob.media_type,
        "kind": item.kind,
        "exhibit": item.exhibit,
        "taken_at": iso(taken.at),
        "gps": {"lat": lat, "lon": lon} if lat is not None and lon is not None else None,
        "duplicate": duplicate,
        "filename": item.filename,
        "description": item.description,
        "satisfies": [c.key for c in item.satisfies.all()],
        "camera": info.get("camera") or None,
        "pages": info.get("pages"),
        "duration_s": info.get("duration_s"),
        "notes": info.get("notes", []),
    }
