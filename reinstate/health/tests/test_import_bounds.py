"""A spreadsheet with absurdly many columns is refused with a message, and nothing is kept."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from reinstate.health.models import Block, BlockImport
from reinstate.rules.health.blocks_csv import MAX_COLUMNS
from reinstate.testing.personas import client_for

COLUMNS = 30_000


def wide_csv(columns: int = COLUMNS) -> bytes:
    """Three columns we know, then thousands of one-letter ones (a line under the length limit)."""
    header = "block_start,block_end,status" + ",x" * (columns - 3)
    row = "2026-01-05 08:00,2026-01-05 11:00,completed" + ",1" * (columns - 3)
    return f"{header}\n{row}\n".encode()


def upload(client, data: bytes):
    return client.post(
        "/health/import/",
        {
            "file": SimpleUploadedFile("wide.csv", data, content_type="text/csv"),
            "platform": "amazon_flex",
            "time_zone": "America/Los_Angeles",
        },
    )


def test_it_refuses_a_30000_column_csv_at_upload_and_keeps_nothing(driver):
    response = upload(client_for(driver), wide_csv())
    assert response.status_code == 400
    page = response.content.decode()
    assert "The first line has 30,000 columns" in page
    assert f"the {MAX_COLUMNS} a list of blocks can have" in page
    assert not BlockImport.objects.exists()
    assert not Block.objects.exists()


def test_it_answers_a_wide_file_staged_before_the_limit_with_the_message(driver):
    staged = BlockImport.objects.create(
        owner=driver,
        platform="amazon_flex",
        filename="wide.csv",
        time_zone="America/Los_Angeles",
        data=wide_csv(),
    )
    client = client_for(driver)
    page = client.get(f"/health/import/{staged.pk}/").content.decode()
    assert "The first line has 30,000 columns" in page
    client.post(f"/health/import/{staged.pk}/", {"step": "confirm"})
    assert not Block.objects.exists()
    staged.refresh_from_db()
    assert staged.status == BlockImport.Status.PENDING


def test_it_still_reads_a_file_at_the_column_limit(driver):
    response = upload(client_for(driver), wide_csv(MAX_COLUMNS))
    assert response.status_code == 302
    staged = BlockImport.objects.get()
    assert "1 block to add" in client_for(driver).get(response["Location"]).content.decode()
    assert staged.owner == driver


def test_it_gives_an_outsider_404_on_someone_elses_wide_import(driver, other_driver):
    staged = BlockImport.objects.create(
        owner=driver, platform="amazon_flex", filename="wide.csv", data=wide_csv()
    )
    outsider = client_for(other_driver)
    assert outsider.get(f"/health/import/{staged.pk}/").status_code == 404
    assert outsider.post(f"/health/import/{staged.pk}/", {"step": "confirm"}).status_code == 404
