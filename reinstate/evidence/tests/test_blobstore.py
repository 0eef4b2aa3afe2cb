from __future__ import annotations

import hashlib
import io
import stat

import pytest

from reinstate.evidence.blobstore import BlobStore, TooLarge


def test_an_original_is_stored_by_its_hash_read_only(store: BlobStore) -> None:
    data = b"receipt from the garage"
    with store.receive(io.BytesIO(data), max_bytes=1000) as staged:
        assert staged.sha256 == hashlib.sha256(data).hexdigest()
        assert staged.path.parent == store.tmp
        assert store.commit(staged)
    final = store.path_for(staged.sha256)
    assert final == store.root / staged.sha256[:2] / staged.sha256[2:4] / staged.sha256
    assert final.read_bytes() == data
    assert not final.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert list(store.tmp.iterdir()) == []


def test_the_same_content_is_stored_once(store: BlobStore) -> None:
    for _ in range(2):
        with store.receive(io.BytesIO(b"same"), max_bytes=100) as staged:
            committed = store.commit(staged)
    assert committed is False
    assert len(list(store.stored())) == 1
    assert store.leftovers() == []


def test_too_many_bytes_stop_the_copy_and_leave_nothing(store: BlobStore) -> None:
    with pytest.raises(TooLarge), store.receive(io.BytesIO(b"x" * 5000), max_bytes=4096):
        pass
    assert store.leftovers() == [] and list(store.stored()) == []


def test_a_deletion_is_undone_when_its_transaction_fails(store: BlobStore) -> None:
    with store.receive(io.BytesIO(b"keep me"), max_bytes=100) as staged:
        store.commit(staged)
    trashed = store.trash(staged.sha256)
    assert trashed is not None and not store.path_for(staged.sha256).exists()
    store.restore(trashed)
    assert store.path_for(staged.sha256).read_bytes() == b"keep me"
    assert store.leftovers() == []


def test_a_name_that_is_no_hash_is_refused(store: BlobStore) -> None:
    with pytest.raises(ValueError, match="not a SHA-256"):
        store.path_for("../../etc/passwd")
