from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from reinstate.evidence.file_facts import inspect_file
from reinstate.evidence.renditions import PAGE_PX, THUMB_PX, make_renditions
from reinstate.evidence.sniff import EvidenceFileError
from reinstate.testing import files


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_it_reads_a_phone_photos_time_offset_place_and_camera(tmp_path: Path) -> None:
    facts = inspect_file(write(tmp_path, "p.jpg", files.jpeg()), "p.jpg")
    assert (facts.media_type, facts.width, facts.height) == ("image/jpeg", 640, 480)
    assert facts.taken_local == "2026-11-02T14:03:05"
    assert facts.taken_offset == "-08:00"
    assert facts.lat == pytest.approx(34.052235, abs=1e-5)
    assert facts.lon == pytest.approx(-118.243683, abs=1e-5)
    assert facts.camera == "Apple iPhone 13"
    assert facts.notes == []


def test_it_reads_an_iphone_heic(tmp_path: Path) -> None:
    facts = inspect_file(write(tmp_path, "IMG_1.HEIC", files.heic()), "IMG_1.HEIC")
    assert facts.media_type == "image/heic"
    assert facts.taken_local == "2026-11-02T14:03:05"
    assert facts.lat is not None


def test_it_reads_a_pdfs_pages_and_text(tmp_path: Path) -> None:
    facts = inspect_file(write(tmp_path, "r.pdf", files.pdf("Brake pads replaced", 3)), "r.pdf")
    assert facts.pages == 3
    assert "Brake pads replaced page 2" in facts.text


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")
def test_garbage_in_the_exif_block_is_noted_and_the_photo_kept(tmp_path: Path) -> None:
    facts = inspect_file(write(tmp_path, "g.jpg", files.garbage_exif_jpeg()), "g.jpg")
    assert facts.taken_local is None and facts.lat is None
    assert any("damaged" in note for note in facts.notes)


def test_impossible_exif_values_are_dropped_not_trusted(tmp_path: Path) -> None:
    exif = files.phone_exif(taken="2026:13:45 25:61:00", offset="+99:00", gps=(0.0, 0.0))
    facts = inspect_file(write(tmp_path, "w.jpg", files.jpeg(exif=exif)), "w.jpg")
    assert facts.taken_local is None and facts.taken_offset is None
    assert facts.lat is None  # 0, 0 is what a phone without a fix writes
    assert "no readable time" in " ".join(facts.notes)


def test_a_photo_without_exif_says_so(tmp_path: Path) -> None:
    facts = inspect_file(write(tmp_path, "n.jpg", files.jpeg(exif=Image.Exif())), "n.jpg")
    assert facts.taken_local is None
    assert facts.notes == ["The photo carries no time or place (it has no EXIF block)."]


@pytest.mark.parametrize("data", [files.png_bomb(), files.jpeg_bomb()])
def test_it_refuses_a_decompression_bomb_before_decoding(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(EvidenceFileError, match="far more pixels"):
        inspect_file(write(tmp_path, "bomb.png", data), "bomb.png")


@pytest.mark.parametrize(
    ("size", "page_size"),
    [
        ((4032, 3024), (756, 1008)),  # 12 MP: decoded at a quarter, already page-sized
        ((3264, 2448), (1200, 1600)),  # 8 MP: a half is 1632 wide, then shrunk to 1600
        ((800, 600), (600, 800)),  # small: never enlarged
    ],
)
def test_renditions_are_upright_and_bounded(
    tmp_path: Path, size: tuple[int, int], page_size: tuple[int, int]
) -> None:
    # Orientation 6: the camera was turned; the picture must be shown turned back.
    source = write(tmp_path, "p.jpg", files.jpeg(size, exif=files.phone_exif(orientation=6)))
    page, thumb = tmp_path / "page.jpg", tmp_path / "thumb.jpg"
    assert make_renditions(source, "image/jpeg", page=page, thumb=thumb)
    with Image.open(page) as image:
        assert image.size == page_size  # portrait after the turn
        assert max(image.size) <= PAGE_PX
    with Image.open(thumb) as image:
        assert max(image.size) == THUMB_PX


def test_a_truncated_photo_is_refused_and_no_rendition_is_left(tmp_path: Path) -> None:
    data = files.jpeg((2000, 1500))
    source = write(tmp_path, "cut.jpg", data[: len(data) // 2])
    page, thumb = tmp_path / "page.jpg", tmp_path / "thumb.jpg"
    with pytest.raises(EvidenceFileError, match="incomplete"):
        make_renditions(source, "image/jpeg", page=page, thumb=thumb)
    assert list(tmp_path.iterdir()) == [source]


def test_a_pdfs_first_page_is_rendered_and_text_has_none(tmp_path: Path) -> None:
    page, thumb = tmp_path / "page.jpg", tmp_path / "thumb.jpg"
    assert make_renditions(
        write(tmp_path, "r.pdf", files.pdf()), "application/pdf", page=page, thumb=thumb
    )
    assert page.exists() and thumb.exists()
    assert not make_renditions(
        write(tmp_path, "n.txt", b"hi"), "text/plain", page=page, thumb=thumb
    )
