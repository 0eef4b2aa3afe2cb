"""Importing a spreadsheet in the web app: upload, check the preview, confirm; all or nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reinstate.health.bulk import insert_blocks
from reinstate.health.models import Block, BlockImport
from reinstate.testing.personas import client_for
from reinstate.testing.tasks import run_queue

HEADER = "Start,End,Check-in,Status,Packages,Delivered,Pay\n"
GOOD = (
    "2026-01-05 08:00,2026-01-05 11:00,07:55,completed,30,30,72\n"
    "2026-01-06 08:00,2026-01-06 11:00,08:09,completed,30,28,70\n"
    "2026-01-07 08:00,2026-01-07 11:00,,no_show,,,\n"
)
BAD = "2026-01-08 08:00,2026-01-08 11:00,07:55,completed,-4,30,72\n"


def upload(client, text: str, name: str = "blocks.csv", platform: str = "amazon_flex"):
    return client.post(
        "/health/import/",
        {
            "file": SimpleUploadedFile(name, text.encode(), content_type="text/csv"),
            "platform": platform,
            "time_zone": "America/Los_Angeles",
        },
    )


# Real commits where the import is confirmed: the request's on_commit queues the job, and the
# worker (run_queue) reads it as another process would.
queued = pytest.mark.django_db(transaction=True)


@queued
def test_upload_preview_confirm_and_the_rejected_lines_are_listed(driver):
    client = client_for(driver)
    response = upload(client, HEADER + GOOD + BAD)
    assert response.status_code == 302
    staged = BlockImport.objects.get()
    preview = client.get(response["Location"]).content.decode()
    assert "3 blocks to add" in preview
    assert "Line 5: packages_assigned cannot be negative (-4)" in preview
    assert "Import 3 blocks" in preview
    assert not Block.objects.exists()  # nothing before the driver confirms

    confirmed = client.post(f"/health/import/{staged.pk}/", {"step": "confirm"})
    assert confirmed["Location"] == f"/health/import/{staged.pk}/"
    waiting = client.get(confirmed["Location"]).content.decode()
    assert "Adding the blocks of blocks.csv" in waiting and 'hx-trigger="every 2s"' in waiting
    assert not Block.objects.exists()  # the request only queued it
    run_queue()
    done = client.get(confirmed["Location"]).content.decode()
    assert "3 blocks added" in done
    assert "Line 5: packages_assigned cannot be negative (-4)" in done
    assert Block.objects.filter(owner=driver).count() == 3
    staged.refresh_from_db()
    assert (staged.status, staged.added, staged.data) == ("done", 3, None)
    # Showing it again shows the result; confirming again adds nothing.
    assert "3 blocks added" in client.get(f"/health/import/{staged.pk}/").content.decode()
    client.post(f"/health/import/{staged.pk}/", {"step": "confirm"})
    run_queue()
    assert Block.objects.count() == 3
    poll = client.get(f"/health/import/{staged.pk}/", headers={"HX-Request": "true"})
    assert poll["HX-Refresh"] == "true"  # the waiting page's poll reloads it once done


@queued
def test_importing_the_same_rows_again_adds_nothing(driver):
    client = client_for(driver)
    for _ in range(2):
        upload(client, HEADER + GOOD)
        staged = BlockImport.objects.latest("pk")
        client.post(f"/health/import/{staged.pk}/", {"step": "confirm"})
        run_queue()
    second = BlockImport.objects.latest("pk")
    assert (second.rows, second.added, second.duplicates) == (3, 0, 3)
    assert Block.objects.count() == 3


def test_the_columns_can_be_remapped(driver):
    client = client_for(driver)
    text = "when,until,what,pay\n2026-01-05 08:00,2026-01-05 11:00,completed,70\n"
    response = upload(client, text)
    assert response.status_code == 400  # no column is named block_start: refused with why
    assert "no column for block_start, block_end, status" in response.content.decode()

    text = "Start,until,Status\n2026-01-05 08:00,2026-01-05 11:00,no_show\n"
    assert upload(client, text).status_code == 400
    # A file whose end column has an unknown name can still be mapped by hand.
    text = "Start,End,Status,other end\n2026-01-05 08:00,xx,no_show,2026-01-05 11:00\n"
    response = upload(client, text)
    staged = BlockImport.objects.get()
    preview = client.get(response["Location"]).content.decode()
    assert "block_end &#x27;xx&#x27; is not a date" in preview or "block_end 'xx'" in preview
    mapping = {"step": "map", "block_start": "0", "block_end": "3", "status": "2"}
    client.post(f"/health/import/{staged.pk}/", mapping)
    assert "1 block to add" in client.get(f"/health/import/{staged.pk}/").content.decode()


def test_garbage_is_refused_at_upload_and_nothing_is_kept(driver):
    response = upload(client_for(driver), "\x00\x01binary" * 100)
    assert response.status_code == 400
    assert "binary data" in response.content.decode()
    assert not BlockImport.objects.exists()


def test_a_file_over_the_size_limit_is_refused(driver, monkeypatch):
    monkeypatch.setattr("reinstate.health.forms.imports.MAX_CSV_BYTES", 100)
    response = upload(client_for(driver), HEADER + GOOD)
    assert response.status_code == 400
    assert "larger than" in response.content.decode()


@queued
def test_nothing_is_half_imported_when_writing_fails(driver, monkeypatch):
    client = client_for(driver)
    upload(client, HEADER + GOOD)
    staged = BlockImport.objects.get()
    real = insert_blocks

    def fail_after_writing(**kwargs):
        real(**kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr("reinstate.health.imports.insert_blocks", fail_after_writing)
    client.post(f"/health/import/{staged.pk}/", {"step": "confirm"})
    run_queue()  # the worker's job fails (and is logged as failed)
    assert not Block.objects.exists()
    staged.refresh_from_db()
    assert staged.status == "pending" and staged.data is not None
    page = client.get(f"/health/import/{staged.pk}/").content.decode()
    assert "The import stopped on an error. Nothing was added" in page
    assert "3 blocks to add" in page  # the file is whole, ready to try again


@queued
def test_a_refused_import_keeps_the_file_and_why(driver):
    client = client_for(driver)
    upload(client, HEADER + GOOD)
    staged = BlockImport.objects.get()
    client.post(f"/health/import/{staged.pk}/", {"step": "confirm"})
    BlockImport.objects.filter(pk=staged.pk).update(platform="nowhere")  # refused by the worker
    run_queue()
    staged.refresh_from_db()
    assert staged.status == "pending" and staged.data is not None
    assert staged.reason.startswith("Unknown platform 'nowhere'")
    assert not Block.objects.exists()


def test_a_file_can_be_discarded(driver):
    client = client_for(driver)
    upload(client, HEADER + GOOD)
    staged = BlockImport.objects.get()
    client.post(f"/health/import/{staged.pk}/", {"step": "discard"})
    assert not BlockImport.objects.exists() and not Block.objects.exists()


def test_an_outsider_gets_404_on_someone_elses_import(driver, other_driver):
    upload(client_for(driver), HEADER + GOOD)
    staged = BlockImport.objects.get()
    outsider = client_for(other_driver)
    assert outsider.get(f"/health/import/{staged.pk}/").status_code == 404
    for step in ("confirm", "map", "discard"):
        assert outsider.post(f"/health/import/{staged.pk}/", {"step": step}).status_code == 404
    assert not Block.objects.exists() and BlockImport.objects.filter(pk=staged.pk).exists()
    assert "blocks.csv" not in outsider.get("/health/import/").content.decode()
