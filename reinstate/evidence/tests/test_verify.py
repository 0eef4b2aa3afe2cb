from __future__ import annotations

import io

import pytest

from reinstate.cases.models import Case
from reinstate.compose.verify import verify_everything
from reinstate.evidence.blobstore import BlobStore
from reinstate.evidence.models import Blob
from reinstate.testing import files
from reinstate.testing.evidence import add_file

pytestmark = pytest.mark.django_db


def test_an_intact_locker_verifies(case: Case) -> None:
    add_file(case, files.jpeg())
    add_file(case, files.pdf(), "r.pdf")
    assert verify_everything() == [] and verify_everything(case.pk) == []


def test_a_row_pointed_at_other_content_is_named_from_the_audit_log(
    case: Case, store: BlobStore
) -> None:
    # Someone swaps both the file and its row for other content: the hashes agree with each
    # other, but not with what the audit log recorded when the item was added.
    item = add_file(case, files.jpeg()).item
    with store.receive(io.BytesIO(b"forged"), max_bytes=100) as staged:
        store.commit(staged)
    Blob.objects.filter(pk=item.blob_id).update(sha256=staged.sha256, size=staged.size)
    problems = verify_everything(case.pk)
    assert problems == [
        {
            "kind": "evidence",
            "path": f"case {case.pk}, exhibit A (item {item.pk})",
            "problem": "the audit log records another original for this item",
            "sha256": staged.sha256,
            "cases": [case.pk],
        }
    ]


def test_without_a_case_it_names_files_no_row_accounts_for(case: Case, store: BlobStore) -> None:
    with store.receive(io.BytesIO(b"stray"), max_bytes=100) as staged:
        store.commit(staged)
    store.tmp.mkdir(parents=True, exist_ok=True)
    (store.tmp / "cut.part").write_bytes(b"half")
    problems = verify_everything()
    assert [(p["kind"], p["problem"]) for p in problems] == [
        ("leftover", "a stored file that no evidence refers to (an add that did not finish)"),
        ("leftover", "an upload or deletion that did not finish"),
    ]
    assert verify_everything(case.pk) == []  # one case's report is about that case
