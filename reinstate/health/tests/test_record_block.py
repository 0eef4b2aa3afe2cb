"""Recording a block on the phone: defaults from the last one, then the standing includes it."""

from __future__ import annotations

from datetime import datetime, timedelta

from reinstate.health.models import Block
from reinstate.testing.blocks import LA
from reinstate.testing.personas import client_for

URL = "/health/blocks/new/?platform=amazon_flex"


def form(**changes: str) -> dict[str, str]:
    data = {
        "platform": "amazon_flex",
        "day": "2026-01-12",
        "start": "08:00",
        "end": "11:00",
        "arrived": "07:50",
        "status": "completed",
        "packages_assigned": "30",
        "packages_delivered": "29",
        "packages_returned": "1",
        "late_deliveries": "0",
        "dnr_reports": "0",
        "earnings": "72.00",
        "tips": "",
        "miles": "41.5",
    }
    return data | changes


def test_it_records_a_block_and_shows_the_standing(driver):
    client = client_for(driver)
    response = client.post(URL, form(), follow=True)
    assert response.status_code == 200
    block = Block.objects.get()
    assert block.owner == driver and block.platform == "amazon_flex"
    assert block.block_start == datetime(2026, 1, 12, 8, tzinfo=LA)
    assert block.arrived_at == datetime(2026, 1, 12, 7, 50, tzinfo=LA)
    assert (block.packages_delivered, block.tips, str(block.earnings)) == (29, None, "72.00")
    page = response.content.decode()
    assert "Block saved" in page
    assert "Your standing" in page


def test_the_form_starts_from_the_last_block(driver, record_blocks):
    record_blocks(driver, [True])
    page = client_for(driver).get(URL).content.decode()
    assert 'name="start" value="08:00"' in page
    assert 'name="end" value="11:00"' in page
    assert 'name="arrived" value="07:50"' in page  # the same 10 minutes early
    assert 'name="packages_assigned" value="30"' in page
    assert "Filled in from your last block" in page


def test_an_end_before_the_start_is_the_next_day(driver):
    client_for(driver).post(URL, form(start="22:30", end="01:30", arrived="22:20"))
    block = Block.objects.get()
    assert block.block_end == datetime(2026, 1, 13, 1, 30, tzinfo=LA)


def test_a_completed_block_needs_its_check_in_time(driver):
    response = client_for(driver).post(URL, form(arrived=""))
    assert response.status_code == 400
    assert "counts as late" in response.content.decode()
    assert not Block.objects.exists()
    ok = client_for(driver).post(URL, form(arrived="", status="no_show"))
    assert ok.status_code == 302


def test_a_time_the_clocks_skipped_is_refused(driver):
    response = client_for(driver).post(
        URL, form(day="2026-03-08", start="02:30", end="05:00", arrived="02:20")
    )
    assert response.status_code == 400
    assert "did not happen in America/Los_Angeles" in response.content.decode()


def test_mistakes_are_explained_and_nothing_is_kept(driver):
    client = client_for(driver)
    bad = client.post(URL, form(packages_delivered="31"))
    assert "more than packages_assigned" in bad.content.decode()
    future = (datetime.now(LA) + timedelta(days=2)).date().isoformat()
    assert "in the future" in client.post(URL, form(day=future)).content.decode()
    negative = client.post(URL, form(packages_returned="-1"))
    assert negative.status_code == 400
    assert not Block.objects.exists()
    client.post(URL, form())
    again = client.post(URL, form())
    assert "already recorded a block that starts at that time" in again.content.decode()
    assert Block.objects.count() == 1


def test_blocks_can_be_listed_and_deleted_and_others_get_404(driver, other_driver, record_blocks):
    [block] = record_blocks(driver, [True])
    assert "Completed" in client_for(driver).get("/health/blocks/").content.decode()
    outsider = client_for(other_driver)
    assert outsider.post(f"/health/blocks/{block.pk}/delete/").status_code == 404
    assert "Completed" not in outsider.get("/health/blocks/?platform=amazon_flex").content.decode()
    response = client_for(driver).post(f"/health/blocks/{block.pk}/delete/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response.content == b""
    assert not Block.objects.exists()
