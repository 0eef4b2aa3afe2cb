"""A queued preview with the originals in an S3 bucket: the job fetches the original and
sends the renditions up beside it."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from django.urls import reverse
from pytest_django.fixtures import Settings

from reinstate.cases.models import Case
from reinstate.testing import files
from reinstate.testing.evidence import add_file
from reinstate.testing.personas import client_for
from reinstate.testing.s3 import Bucket, new_bucket, s3_server
from reinstate.testing.tasks import run_queue

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="runs in the SQLite pass only (the bucket code is the same on PostgreSQL)",
    ),
]


@pytest.fixture
def bucket(settings: Settings) -> Iterator[Bucket]:
    with s3_server() as endpoint:
        made = new_bucket(endpoint)
        settings.STORAGES = {**settings.STORAGES, "data": made.storage_settings()}
        yield made


def test_the_job_sends_the_renditions_up_beside_the_original(
    bucket: Bucket, case: Case, settings: Settings
) -> None:
    settings.REINSTATE_RENDITIONS_INLINE = False
    item = add_file(case, files.jpeg(), "gate.jpg", inline_renditions=False).item
    sha = item.blob.sha256
    assert bucket.keys("renditions/") == []

    run_queue()

    assert bucket.keys("renditions/") == [
        f"renditions/{sha[:2]}/{sha[2:4]}/{sha}-page.jpg",
        f"renditions/{sha[:2]}/{sha[2:4]}/{sha}-thumb.jpg",
    ]
    thumb = client_for(case.owner).get(
        reverse("evidence:preview", args=[case.pk, item.pk, "thumb"])
    )
    assert b"".join(thumb.streaming_content)[:2] == b"\xff\xd8"  # type: ignore[attr-defined]
