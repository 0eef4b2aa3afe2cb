"""A full disk is the server's trouble, not the person's: it gets a clear page or message that
says nothing was saved, keeps what they typed in front of them, and tells whoever runs the
server in one log line. Never a 500 and never a traceback (issues 15 and 16)."""

from __future__ import annotations

import errno
import sqlite3

from django.db import DatabaseError

# The file system's words for "no room": the disk is full, or the user's quota is.
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
# PostgreSQL's SQLSTATE for disk_full (class 53, insufficient resources).
_PG_DISK_FULL = "53100"


def is_disk_full(error: BaseException) -> bool:
    """Whether an error, or what caused it, means there is no room left to store anything."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _no_room(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def _no_room(error: BaseException) -> bool:
    if isinstance(error, OSError) and error.errno in _NO_ROOM:
        return True
    if isinstance(error, sqlite3.Error):
        # SQLITE_FULL: the database file could not grow (disk full, or its page limit).
        return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
    if isinstance(error, DatabaseError) or type(error).__module__.startswith("psycopg"):
        return getattr(error, "sqlstate", None) == _PG_DISK_FULL
    return False
