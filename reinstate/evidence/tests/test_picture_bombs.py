"""A small file that decodes to a huge picture cannot take the server's memory (issue 15): a
screenshot format is refused above 30 megapixels; what is accepted is made small before it is
turned upright and flattened, so one decoded copy is the most it holds."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable

import pytest
from PIL import Image

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.evidence.sniff import EvidenceFileError
from reinstate.testing.evidence import add_file
from reinstate.testing.notices import FLEX_LATE

pytestmark = pytest.mark.django_db


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (width, height), (255, 255, 255, 0)).save(out, "PNG")
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that says it is this large: enough for a decoder to set aside the memory."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data).to_bytes(4, "big")
        return len(data).to_bytes(4, "big") + kind + data + crc

    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 6, 0, 0, 0])
    pixels = zlib.compress(b"\x00" * (width * 4 + 1) * 64)  # the first rows; the rest is cut
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", pixels)


def test_a_png_bomb_is_refused_before_it_is_decoded(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    bomb = png_header(7990, 7990)
    with pytest.raises(EvidenceFileError, match="far more pixels"):
        add_file(case, bomb, "screenshot.png")
    assert not case.evidence.exists()


def test_a_long_scrolling_screenshot_is_kept_with_its_previews(
    driver: User, open_case: Callable[..., Case]
) -> None:
    case = open_case(driver, FLEX_LATE)
    added = add_file(case, png(1290, 8000), "chat.png")
    assert added.item.blob.has_renditions
    assert (added.item.blob.info["width"], added.item.blob.info["height"]) == (1290, 8000)
