"""Refusing an upload that is too large while it arrives, not after it has been stored.

Django streams a large upload to a temporary file (TemporaryFileUploadHandler), never to
memory. This handler goes before it: it reads a file's first bytes to learn whether it is a
video (which may be larger), counts the bytes, and skips the file as soon as it passes its
limit: the temporary copy is deleted and the rest of that file is read and thrown away.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest

from reinstate.evidence.actions import limit_for, safe_filename, too_large_message
from reinstate.evidence.sniff import EvidenceFileError, sniff


class EvidenceLimitHandler(FileUploadHandler):
    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.refused: list[str] = []
        self.limit = limit_for(None)
        self.family: str | None = None

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.family = None
        self.limit = limit_for(None)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if start == 0:
            try:
                self.family = sniff(raw_data, self.file_name or "").family
            except EvidenceFileError:
                self.family = None  # the add itself refuses it, with the reason
            self.limit = limit_for(self.family)
        if start + len(raw_data) > self.limit:
            self.refused.append(too_large_message(safe_filename(self.file_name or ""), self.family))
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def request_limit() -> int:
    """The most one upload request may carry: the largest file, and room for the form."""
    return limit_for("video") + 1_000_000
