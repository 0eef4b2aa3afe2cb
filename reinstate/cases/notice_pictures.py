"""The screenshots a notice was read from, held between reading them and the driver's "the text
is right", then handed to whoever keeps evidence (the evidence app, through `pictures_kept`:
cases sits beneath evidence and may not call it).

Held in REINSTATE_HOME/intake/<user>/, named by their SHA-256; the page carries a signed list of
them, so a driver can only hand over pictures they uploaded. What is never confirmed (a driver
who went away, or deleted their account) is removed a day later, the next time anyone uploads.
"""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.dispatch import Signal

# Sent with case, actor and pictures (a list of (Path, filename)) once a case opens from them.
pictures_kept = Signal()

KEEP_UNCONFIRMED_S = 24 * 3600
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def intake_folder(user_pk: int) -> Path:
    """Where a driver's screenshots wait until the case opens (deleted with the account)."""
    return Path(settings.REINSTATE_HOME) / "intake" / str(int(user_pk))


def _salt(user_pk: int) -> str:
    return f"reinstate.cases.notice_pictures:{user_pk}"


def hold(user_pk: int, pictures: list[tuple[bytes, str]]) -> str:
    """Keep the pictures until the driver confirms; the token the page sends back."""
    folder = intake_folder(user_pk)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    _prune(folder.parent)
    held = []
    for data, name in pictures:
        sha256 = hashlib.sha256(data).hexdigest()
        path = folder / sha256
        if not path.exists():
            partial = folder / f".{sha256}.part"
            partial.write_bytes(data)
            partial.replace(path)
        held.append([sha256, name])
    return signing.dumps(held, salt=_salt(user_pk), compress=True)


def take(user_pk: int, token: str) -> list[tuple[Path, str]]:
    """The pictures a token names that are still held; none for a bad or stale token."""
    try:
        held = signing.loads(token, salt=_salt(user_pk), max_age=KEEP_UNCONFIRMED_S)
    except signing.BadSignature:
        return []
    folder = intake_folder(user_pk)
    found = []
    for sha256, name in held:
        path = folder / str(sha256)
        if _SHA256.match(str(sha256)) and path.is_file():
            found.append((path, str(name)))
    return found


def release(pictures: list[tuple[Path, str]]) -> None:
    for path, _name in pictures:
        path.unlink(missing_ok=True)


def _prune(intake: Path) -> None:
    """Remove held pictures over a day old, of every driver (links are never followed)."""
    cutoff = time.time() - KEEP_UNCONFIRMED_S
    for folder in intake.iterdir():
        if folder.is_symlink() or not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.is_file() and not path.is_symlink() and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
