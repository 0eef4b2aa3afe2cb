"""What the health pages say: true for a driver who can no longer open the platform's app, and
"DNR" explained where it first appears."""

from __future__ import annotations

from datetime import datetime, timedelta

from reinstate.health import actions
from reinstate.testing.blocks import LA
from reinstate.testing.personas import client_for

EXPLAINED = "a customer reported the package did not arrive"


def explained_where_it_first_appears(page: str) -> bool:
    main = page[page.index("<main") :]
    return main.index(EXPLAINED) - main.index("DNR") < 400


def test_fewer_blocks_does_not_send_a_deactivated_driver_to_the_app(driver, record_blocks):
    yesterday = datetime.now(LA).replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(
        days=1
    )
    record_blocks(driver, [True] * 56, end=yesterday - timedelta(days=8))
    record_blocks(driver, [True], end=yesterday)
    page = client_for(driver).get("/health/?platform=amazon_flex").content.decode()
    assert "Fewer blocks" in page
    assert "in the app." not in page.replace("in the app. Record", "")
    assert "Check your standing in the app" not in page
    assert "your last screenshot of the standing screen" in page


def test_dnr_is_explained_on_its_card(driver, record_blocks):
    record_blocks(driver, [True] * 3)
    page = client_for(driver).get("/health/?platform=amazon_flex").content.decode()
    assert explained_where_it_first_appears(page)


def test_dnr_is_explained_in_the_first_warning_that_names_it(driver, record_blocks):
    blocks = record_blocks(driver, [True] * 5)
    block = blocks[-1]
    block.dnr_reports = 2
    block.save()
    actions.do_set_watch_level(owner=driver, platform="amazon_flex", metric="dnr_per_1000", level=1)
    page = client_for(driver).get("/health/?platform=amazon_flex").content.decode()
    alerts = page[page.index('id="alerts-h"') :]
    assert "DNR" in alerts[: alerts.index('id="standing-h"')]
    assert explained_where_it_first_appears(page)


def test_the_block_form_and_the_import_page_explain_dnr(driver):
    client = client_for(driver)
    for url in ("/health/blocks/new/?platform=amazon_flex", "/health/import/"):
        page = client.get(url).content.decode()
        assert explained_where_it_first_appears(page), url
