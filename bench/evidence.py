"""The evidence locker's figures, run as its own process on an empty data folder:

    python -m bench.evidence     (REINSTATE_HOME must name an empty folder)

Prints one JSON object: adding 30 phone photos (12 MP JPEG, about 2.7 MB, with EXIF time and
GPS) with their renditions, beside a plain copy of the same bytes; and hashing speed as
`reinstate verify` re-hashes a stored original, beside hashing the same bytes in memory.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

PHOTOS = 30
SIZE = (4032, 3024)  # 12 MP, an iPhone's
HASH_MB = 512


def phone_photos(folder: Path) -> list[Path]:
    """30 distinct noisy 12 MP JPEGs of about 2.7 MB, with time, offset and GPS in EXIF."""
    from PIL import Image, ImageFilter

    from reinstate.testing.files import phone_exif

    small = Image.effect_noise((SIZE[0] // 8, SIZE[1] // 8), 60).convert("RGB")
    scene = small.resize(SIZE, Image.Resampling.BICUBIC).filter(ImageFilter.SMOOTH)
    grain = Image.effect_noise(SIZE, 18).convert("RGB")
    base = Image.blend(scene, grain, 0.28)
    paths = []
    for number in range(PHOTOS):
        photo = base.copy()
        photo.paste((number * 8, 90, 200 - number * 5), (number * 100, 0, number * 100 + 90, 90))
        exif = phone_exif(
            taken=f"2026:11:02 14:{number:02d}:05", gps=(34.05 + number / 1000, -118.24)
        )
        out = io.BytesIO()
        photo.save(out, "JPEG", quality=85, exif=exif)
        path = folder / f"IMG_{number:04d}.JPG"
        path.write_bytes(out.getvalue())
        paths.append(path)
    return paths


def plain_copy_s(paths: list[Path], folder: Path) -> float:
    """The floor: read each file and write it durably elsewhere."""
    folder.mkdir()
    start = time.perf_counter()
    for path in paths:
        target = folder / path.name
        with path.open("rb") as source, target.open("wb") as out:
            shutil.copyfileobj(source, out)
            out.flush()
            os.fsync(out.fileno())
    return time.perf_counter() - start


def add_photos(paths: list[Path]) -> float:
    from zoneinfo import ZoneInfo

    from django.core.management import call_command

    from reinstate.accounts.models import User
    from reinstate.cases.actions import do_open_case
    from reinstate.evidence.actions import do_add_evidence
    from reinstate.lib.notice_file import notice_from_text

    call_command("migrate", interactive=False, verbosity=0)
    user = User.objects.create_user(username="bench", time_zone="America/Los_Angeles")
    case = do_open_case(
        owner=user,
        notice=notice_from_text("Your Amazon Flex account has been deactivated."),
        received=None,
        tz=ZoneInfo("America/Los_Angeles"),
    )
    start = time.perf_counter()
    for path in paths:
        with path.open("rb") as source:
            do_add_evidence(case=case, actor=user, source=source, filename=path.name)
    return time.perf_counter() - start


def rendition_times(paths: list[Path], folder: Path) -> list[float]:
    """Each photo's page image and thumbnail alone (part of the add above)."""
    from reinstate.evidence.renditions import make_renditions

    times = []
    for path in paths:
        start = time.perf_counter()
        make_renditions(path, "image/jpeg", page=folder / "page.jpg", thumb=folder / "thumb.jpg")
        times.append(time.perf_counter() - start)
    return times


def hashing(folder: Path) -> tuple[float, float]:
    """MB/s re-hashing a stored original (as verify does), and hashing bytes in memory."""
    from reinstate.evidence.blobstore import BlobStore

    store = BlobStore(folder)
    data = os.urandom(64 * 1024 * 1024) * (HASH_MB // 64)
    sha = hashlib.sha256(data).hexdigest()
    path = store.path_for(sha)
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    store.hash_of(sha)  # warm the page cache, as a second verify would find it
    start = time.perf_counter()
    assert store.hash_of(sha) == sha
    from_disk = HASH_MB / (time.perf_counter() - start)
    start = time.perf_counter()
    hashlib.sha256(data).hexdigest()
    in_memory = HASH_MB / (time.perf_counter() - start)
    path.unlink()
    return from_disk, in_memory


def main() -> None:
    home = Path(os.environ["REINSTATE_HOME"])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reinstate.settings")
    import django

    django.setup()
    (home / "photos").mkdir()
    photos = phone_photos(home / "photos")
    copy_s = plain_copy_s(photos, home / "copy")
    add_s = add_photos(photos)
    renditions = rendition_times(photos, home / "copy")
    from_disk, in_memory = hashing(home / "hash")
    sizes = [p.stat().st_size / 1e6 for p in photos]
    json.dump(
        {
            "photos": len(photos),
            "photo_mb_mean": round(statistics.mean(sizes), 2),
            "add_s": round(add_s, 3),
            "baseline_plain_copy_s": round(copy_s, 3),
            "rendition_ms_median": round(statistics.median(renditions) * 1000, 1),
            "rendition_ms_max": round(max(renditions) * 1000, 1),
            "hash_mb_s": round(from_disk),
            "baseline_hash_in_memory_mb_s": round(in_memory),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
