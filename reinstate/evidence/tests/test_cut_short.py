"""A JPEG or PNG cut short is told from a whole one by its structure, without decoding it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from reinstate.evidence.cut_short import is_cut_short
from reinstate.testing import files


def noisy(fmt: str, **options: Any) -> bytes:
    """A photo-like picture: noise makes real entropy-coded data (0xFF bytes, stuffing)."""
    out = io.BytesIO()
    image = Image.effect_noise((800, 600), 80).convert("RGB")
    image.save(out, fmt, **options)
    return out.getvalue()


def check(tmp_path: Path, data: bytes, media_type: str = "image/jpeg") -> bool:
    path = tmp_path / "picture"
    path.write_bytes(data)
    return is_cut_short(path, media_type)


WHOLE = {
    "baseline": lambda: noisy("JPEG", quality=90),
    "progressive": lambda: noisy("JPEG", progressive=True),
    "restart markers": lambda: noisy("JPEG", restart_marker_blocks=4),
    "phone exif": lambda: files.jpeg((1600, 1200)),
    # Samsung trailers and motion photos put bytes after the end-of-image marker.
    "a trailer after the end": lambda: noisy("JPEG") + b"SEFH" + b"\xff\xd8\x00" * 100,
}


@pytest.mark.parametrize("make", WHOLE.values(), ids=WHOLE.keys())
def test_it_passes_a_whole_jpeg(tmp_path: Path, make: Any) -> None:
    assert not check(tmp_path, make())


@pytest.mark.parametrize("make", WHOLE.values(), ids=WHOLE.keys())
@pytest.mark.parametrize("keep", [0.1, 0.5, 0.99])
def test_it_finds_a_jpeg_cut_short(tmp_path: Path, make: Any, keep: float) -> None:
    data = make()
    end = data.rindex(b"\xff\xd9") if b"SEFH" in data else len(data)
    assert check(tmp_path, data[: int(end * keep)])


def test_a_png_is_whole_only_with_its_end_chunk(tmp_path: Path) -> None:
    data = noisy("PNG")
    assert not check(tmp_path, data, "image/png")
    assert check(tmp_path, data[: len(data) // 2], "image/png")
    assert check(tmp_path, data[:-12], "image/png")  # everything but IEND


def test_other_kinds_and_empty_files_are_left_to_the_decoder(tmp_path: Path) -> None:
    assert not check(tmp_path, files.heic()[:100], "image/heic")
    assert not check(tmp_path, b"", "image/jpeg")
