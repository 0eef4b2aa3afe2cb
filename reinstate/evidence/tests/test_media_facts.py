"""A video's or recording's time, length and place are read from its boxes, shown on the item
and in the packet; broken or hostile files are kept with nothing read, after a bounded walk."""

from __future__ import annotations

import contextlib
import struct
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, cast
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.appeals.packet_content import gather
from reinstate.cases.models import Case
from reinstate.evidence.blobstore import default_store
from reinstate.evidence.file_facts import FileFacts, inspect_file
from reinstate.evidence.media_boxes import MAX_BOXES, BadBoxes, read_boxes
from reinstate.evidence.presenters import duration_text, evidence_json, item_view
from reinstate.testing import files
from reinstate.testing.evidence import add_file
from reinstate.testing.files import box
from reinstate.testing.personas import client_for
from reinstate.testing.streams import Counted

MB = 1024 * 1024


def read(tmp_path: Path, data: bytes, name: str = "clip.mp4") -> FileFacts:
    path = tmp_path / name
    path.write_bytes(data)
    return inspect_file(path, name)


def test_it_reads_a_dashcam_clips_utc_time_and_length_from_mvhd(tmp_path: Path) -> None:
    facts = read(tmp_path, files.mp4())
    assert (facts.media_type, facts.family) == ("video/mp4", "video")
    assert (facts.taken_local, facts.taken_offset) == ("2026-11-02T22:03:05", "+00:00")
    assert facts.duration_s == 92.4
    assert facts.lat is None
    assert facts.notes == ["No place of recording could be read from this video."]


def test_it_reads_a_version_1_mvhd_after_a_64_bit_media_box(tmp_path: Path) -> None:
    facts = read(tmp_path, files.mp4(mvhd_version=1, large_mdat=True, duration_s=3725))
    assert (facts.taken_local, facts.taken_offset) == ("2026-11-02T22:03:05", "+00:00")
    assert facts.duration_s == 3725


def test_it_reads_an_android_videos_place_from_xyz(tmp_path: Path) -> None:
    facts = read(tmp_path, files.mp4(xyz="+34.0522-118.2437/"))
    assert (facts.lat, facts.lon) == (34.0522, -118.2437)
    assert facts.notes == []


def test_a_place_in_degrees_and_minutes_is_read_too(tmp_path: Path) -> None:
    facts = read(tmp_path, files.mp4(xyz="+3403.1341-11814.6210+087/"))
    assert facts.lat == pytest.approx(34.052235, abs=1e-5)
    assert facts.lon == pytest.approx(-118.243683, abs=1e-5)


def test_it_prefers_the_iphones_local_time_with_offset_and_reads_its_place(
    tmp_path: Path,
) -> None:
    facts = read(tmp_path, files.iphone_mov(), "IMG_0042.MOV")
    assert facts.media_type == "video/quicktime"
    assert (facts.taken_local, facts.taken_offset) == ("2026-11-02T14:03:05", "-08:00")
    assert (facts.lat, facts.lon) == (34.0522, -118.2437)
    assert facts.camera == "Apple iPhone 13"


def test_day_with_an_offset_counts_and_day_without_one_gives_way_to_mvhd(tmp_path: Path) -> None:
    with_offset = read(tmp_path, files.mp4(created=None, day="2026-11-02T14:03:05-0800"))
    assert (with_offset.taken_local, with_offset.taken_offset) == ("2026-11-02T14:03:05", "-08:00")
    local = read(tmp_path, files.mp4(day="2026-11-02T14:03:05"))
    assert (local.taken_local, local.taken_offset) == ("2026-11-02T22:03:05", "+00:00")
    only_local = read(tmp_path, files.mp4(created=None, day="2026-11-02T14:03:05"))
    assert (only_local.taken_local, only_local.taken_offset) == ("2026-11-02T14:03:05", None)


@pytest.mark.parametrize("created", [None, datetime(1950, 1, 1, tzinfo=UTC)])
def test_an_unknown_or_unset_movie_clock_gives_no_time_but_the_length(
    tmp_path: Path, created: datetime | None
) -> None:
    facts = read(tmp_path, files.mp4(created=created))
    assert facts.taken_local is None and facts.duration_s == 92.4
    assert "No time of recording could be read from this video." in facts.notes


def test_it_reads_m4a_and_3gp_recordings(tmp_path: Path) -> None:
    memo = read(tmp_path, files.mp4(brand=b"M4A ", duration_s=12), "memo.m4a")
    assert (memo.media_type, memo.duration_s, memo.taken_offset) == ("audio/mp4", 12, "+00:00")
    assert memo.notes == []  # a voice memo is not expected to know its place
    clip = read(tmp_path, files.mp4(brand=b"3gp5", xyz="+34.0522-118.2437/"), "clip.3gp")
    assert (clip.media_type, clip.lat, clip.duration_s) == ("video/3gpp", 34.0522, 92.4)


def test_a_wav_recordings_length_is_read_and_bounded_by_the_file(tmp_path: Path) -> None:
    assert read(tmp_path, files.wav(3.0), "call.wav").duration_s == 3.0
    stopped = bytearray(files.wav(2.0))
    data = stopped.index(b"data")
    stopped[data + 4 : data + 8] = struct.pack("<I", 0xFFFFFFFE)  # the recorder never finished
    assert read(tmp_path, bytes(stopped), "call.wav").duration_s == pytest.approx(2.0, abs=0.01)


def _nested(depth: int) -> bytes:
    inner = files.mp4()[-120:]  # anything at all at the bottom
    heads = [struct.pack(">I", len(inner) + 8 * (depth - i)) + b"udta" for i in range(depth)]
    return b"".join(heads) + inner


def _hostile() -> dict[str, bytes]:
    good = files.mp4()
    ftyp = good[: good.index(b"mdat") - 4]
    moov = good[good.index(b"moov") - 4 :]
    mvhd = good.index(b"mvhd") - 4
    header = good[mvhd : mvhd + int.from_bytes(good[mvhd : mvhd + 4], "big")]
    keys = box("keys", bytes(4), struct.pack(">I", 1), struct.pack(">I", 9999) + b"mdta")
    handler = box("hdlr", bytes(8), b"mdta", bytes(13))
    return {
        "cut short in the movie box": good[:-40],
        "cut short in the media": good[: len(ftyp) + 100],
        "cut inside a box header": ftyp + b"\x00\x00\x01",
        "size 0 inside the movie box": good[:mvhd] + bytes(4) + good[mvhd + 4 :],
        "size 0 box before the movie box": ftyp + bytes(4) + b"free" + moov,
        "size larger than the file": ftyp + struct.pack(">I", 0xFFFFFFFF) + b"mdat" + moov,
        "64-bit size beyond the file": ftyp + b"\x00\x00\x00\x01mdat" + b"\xff" * 8 + moov,
        "64-bit size smaller than its header": ftyp + b"\x00\x00\x00\x01mdat" + bytes(8) + moov,
        "size smaller than a header": ftyp + struct.pack(">I", 4) + b"free" + moov,
        "a metadata key with a false size": ftyp + box("moov", header, box("meta", handler, keys)),
        "10,000 boxes side by side": ftyp + box("free") * 10_000 + moov,
        "10,000 boxes side by side in the movie box": ftyp + box("moov", box("free") * 10_000),
        "10,000 boxes nested in the movie box": ftyp + box("moov", _nested(10_000)),
    }


def boxes_read(path: Path) -> Counted:
    """The reads the box walker makes of the file, whether it finds its boxes or not."""
    with path.open("rb", buffering=0) as raw:
        counted = Counted(raw)
        with contextlib.suppress(BadBoxes):
            read_boxes(cast(BinaryIO, counted), path.stat().st_size)
    return counted


# How fast these are read is not asserted: what keeps them quick is that no more than
# MAX_BOXES box headers are read, each once, and nothing else but a few small boxes.
@pytest.mark.parametrize("name", list(_hostile()))
def test_a_broken_or_hostile_file_is_kept_with_nothing_read_after_a_bounded_walk(
    tmp_path: Path, name: str
) -> None:
    data = _hostile()[name]
    facts = read(tmp_path, data)
    assert facts.media_type == "video/mp4"
    assert (facts.taken_local, facts.duration_s, facts.lat, facts.camera) == (None, None, None, "")
    assert any("No time of recording" in n or "could not be read" in n for n in facts.notes)
    walk = boxes_read(tmp_path / "clip.mp4")
    assert walk.reads <= MAX_BOXES + 10, walk.reads
    assert walk.bytes_read <= len(data), walk.bytes_read


def _sparse(path: Path, media_bytes: int, claimed: int, moov: bytes) -> None:
    """ftyp, then a media box whose contents are a hole in the file (no disk, no memory)."""
    with path.open("wb") as handle:
        handle.write(box("ftyp", b"isom", bytes(4), b"isom"))
        handle.write(b"\x00\x00\x00\x01mdat" + struct.pack(">Q", claimed + 16))
        handle.truncate(handle.tell() + media_bytes)
        handle.seek(0, 2)
        handle.write(moov)


@pytest.mark.parametrize(
    ("claimed", "moov", "duration"),
    [
        (200 * MB, files.mp4()[files.mp4().index(b"moov") - 4 :], 92.4),  # sound: read past
        (400 * MB, b"", None),  # its media claims more than the file holds
    ],
)
def test_a_200_mb_media_box_is_skipped_not_read(
    tmp_path: Path, claimed: int, moov: bytes, duration: float | None
) -> None:
    path = tmp_path / "dashcam.mp4"
    _sparse(path, 200 * MB, claimed, moov)
    tracemalloc.start()
    try:
        facts = inspect_file(path, path.name)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2 * MB
    assert facts.duration_s == duration
    # only box headers and the movie box's small boxes are read: a few hundred bytes
    assert boxes_read(path).bytes_read < 64 * 1024


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (92.4, "1 min 32 s"),
        (45, "45 s"),
        (60, "1 min"),
        (3725, "1 h 2 min 5 s"),
        (0.2, "under 1 s"),
    ],
)
def test_a_length_reads_as_a_driver_says_it(seconds: float, text: str) -> None:
    assert duration_text(seconds) == text
    assert duration_text(None) == ""


@pytest.mark.django_db
def test_an_uploaded_dashcam_clip_shows_its_time_in_the_drivers_zone_and_its_length(
    case: Case,
) -> None:
    response = client_for(case.owner).post(
        reverse("evidence:add", args=[case.pk]),
        {"evidence_files": [SimpleUploadedFile("dashcam.mp4", files.mp4())]},
        follow=True,
    )
    page = response.content.decode()
    assert "Added “dashcam.mp4” as exhibit A." in page
    assert "Mon 2 Nov 2026, 2:03:05 PM PST" in page  # 22:03:05 UTC, in Dana's Los Angeles
    assert "1 min 32 s" in page
    info = case.evidence.get().blob.info
    assert (info["taken_local"], info["taken_offset"], info["duration_s"]) == (
        "2026-11-02T22:03:05",
        "+00:00",
        92.4,
    )


@pytest.mark.django_db
def test_the_same_utc_clock_is_shown_in_another_drivers_zone(case: Case) -> None:
    item = add_file(case, files.mp4(), "dashcam.mp4").item
    view = item_view(item, ZoneInfo("America/Chicago"))
    assert view.taken is not None and f"{view.taken:%H:%M:%S %Z}" == "16:03:05 CST"
    assert evidence_json(item)["duration_s"] == 92.4


@pytest.mark.django_db
def test_the_item_page_shows_an_iphone_videos_time_place_length_and_camera(case: Case) -> None:
    item = add_file(case, files.iphone_mov(), "IMG_0042.MOV").item
    page = (
        client_for(case.owner)
        .get(reverse("evidence:item", args=[case.pk, item.pk]))
        .content.decode()
    )
    for fact in (
        "Monday 2 November 2026, 2:03:05 PM PST",
        "as the video recorded it, with its time zone",
        "34.052200, -118.243700",
        "1 min 32 s",
        "Apple iPhone 13",
        "QuickTime video",
    ):
        assert fact in page, fact


@pytest.mark.django_db
def test_a_damaged_video_is_kept_and_says_so_on_its_page(case: Case) -> None:
    item = add_file(case, files.mp4()[:-40], "dashcam.mp4").item
    page = (
        client_for(case.owner)
        .get(reverse("evidence:item", args=[case.pk, item.pk]))
        .content.decode()
    )
    assert "No time recorded" in page and "could not be read" in page


@pytest.mark.django_db
def test_the_packet_index_gives_a_video_exhibit_its_time_and_place(case: Case) -> None:
    add_file(case, files.mp4(), "dashcam.mp4")
    add_file(case, files.iphone_mov(), "IMG_0042.MOV")
    packet = gather(
        case, store=default_store(), draft=True, now=datetime(2026, 11, 5, 18, tzinfo=UTC)
    )
    dashcam, iphone = packet.exhibits
    assert (dashcam.family, dashcam.taken, dashcam.place) == (
        "video",
        "2 November 2026, 14:03 PST",
        "",
    )
    assert (iphone.taken, iphone.place) == ("2 November 2026, 14:03 PST", "34.05220, -118.24370")


@pytest.mark.django_db
def test_an_outsider_gets_404_on_a_video_exhibit(case: Case, other_driver: User) -> None:
    item = add_file(case, files.mp4(), "dashcam.mp4").item
    client = client_for(other_driver)
    for name in ("evidence:item", "evidence:download"):
        assert client.get(reverse(name, args=[case.pk, item.pk])).status_code == 404


@pytest.mark.django_db
def test_a_placed_video_is_on_the_map_and_not_counted_as_a_placed_photo(case: Case) -> None:
    add_file(case, files.jpeg(exif=files.phone_exif(gps=None)), "door.jpg")
    add_file(case, files.iphone_mov(), "IMG_0042.MOV")
    page = client_for(case.owner).get(reverse("evidence:locker", args=[case.pk])).content.decode()
    assert "<svg" in page and "34.05220, -118.24370" in page
    assert "1 photo carries no GPS position and is not on the map." in page
