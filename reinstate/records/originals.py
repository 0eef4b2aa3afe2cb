"""Receiving a record's files into the evidence blob store, exactly as case evidence is kept.

The same steps as evidence/actions.py:do_add_evidence, from its public parts: the file streams
into blobs/tmp/ while it is hashed and is refused there past its limit (by what its first bytes
say it is), its facts are read from its bytes (type, a photo's time and place from EXIF, a PDF's
pages...), its renditions are made, and only then, holding its Blob row, it is moved into place.
A refused file leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

from reinstate.evidence.actions import limit_for, safe_filename, too_large_message
from reinstate.evidence.blobstore import BlobStore, Staged, TooLarge
from reinstate.evidence.file_facts import FileFacts, inspect_file
from reinstate.evidence.models import Blob
from reinstate.evidence.sniff import SNIFF_BYTES, EvidenceFileError, sniff


@dataclass(frozen=True)
class Received:
    """A file staged and read, waiting for its record's transaction."""

    name: str
    staged: Staged
    facts: FileFacts
    renditions: bool


@contextmanager
def received(source: BinaryIO, filename: str, store: BlobStore) -> Iterator[Received]:
    """Stage one file; raises EvidenceFileError (with the reason, in plain words) for a file
    the locker would refuse. The staged copy is gone after the block unless `keep` moved it."""
    name = safe_filename(filename)
    head = source.read(SNIFF_BYTES)
    family = sniff(head, name).family
    try:
        with store.receive(source, head=head, max_bytes=limit_for(family)) as staged:
            facts = inspect_file(staged.path, name)
            renditions = store.make_renditions(staged.path, staged.sha256, facts.media_type)
            yield Received(name, staged, facts, renditions)
    except TooLarge:
        raise EvidenceFileError(too_large_message(name, family)) from None


def keep(file: Received, store: BlobStore) -> Blob:
    """Inside the caller's transaction: the original's row (made if new, held either way, the
    lock evidence takes too), and the file moved into place."""
    staged, facts = file.staged, file.facts
    blob = Blob.objects.select_for_update().filter(sha256=staged.sha256).first()
    if blob is None:
        blob = Blob.objects.create(
            sha256=staged.sha256,
            size=staged.size,
            media_type=facts.media_type,
            family=facts.family,
            label=facts.label,
            info=facts.info(),
            text=facts.text,
            has_renditions=file.renditions,
        )
    store.commit(staged)
    return blob
