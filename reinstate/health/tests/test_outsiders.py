"""Another driver gets 404 on every health URL that names one of Dana's things, and sees none
of her numbers on the pages that are their own."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reinstate.health import actions, imports
from reinstate.health.models import Alert, Block, BlockImport, Document, Target
from reinstate.testing.blocks import LA
from reinstate.testing.personas import client_for


@pytest.fixture
def danas(driver, record_blocks) -> dict[str, int]:
    [block] = record_blocks(driver, [False])
    actions.do_set_watch_level(
        owner=driver, platform="amazon_flex", metric="reliability", level=0.9
    )
    staged = imports.do_stage_import(
        owner=driver,
        platform="amazon_flex",
        filename="dana.csv",
        data=b"block_start,block_end,status\n2026-01-05 08:00,2026-01-05 11:00,no_show\n",
        time_zone="America/Los_Angeles",
    )
    document = actions.do_add_document(
        owner=driver, kind="insurance", title="Dana's policy", expires_on=date(2026, 12, 1)
    )
    target = actions.do_add_target(
        owner=driver,
        platform="amazon_flex",
        metric="reliability",
        threshold=0.95,
        since=date(2026, 1, 1),
    )
    return {
        "block": block.pk,
        "import": staged.pk,
        "document": document.pk,
        "target": target.pk,
        "alert": Alert.objects.filter(owner=driver).first().pk,  # type: ignore[union-attr]
    }


ROUTES = [
    ("post", "health:block_delete", "block_id", "block", {}),
    ("get", "health:import_detail", "import_id", "import", {}),
    ("post", "health:import_detail", "import_id", "import", {"step": "confirm"}),
    ("post", "health:import_detail", "import_id", "import", {"step": "discard"}),
    ("post", "health:import_detail", "import_id", "import", {"step": "map", "block_start": "0"}),
    ("post", "health:target_delete", "target_id", "target", {}),
    ("post", "health:document_renew", "document_id", "document", {"expires_on": "2027-01-01"}),
    ("post", "health:document_delete", "document_id", "document", {}),
    ("post", "health:alert_dismiss", "alert_id", "alert", {}),
]


@pytest.mark.parametrize(("method", "name", "kwarg", "thing", "data"), ROUTES)
def test_an_outsider_gets_404_and_changes_nothing(
    other_driver, danas, method, name, kwarg, thing, data
):
    url = reverse(name, kwargs={kwarg: danas[thing]})
    response = getattr(client_for(other_driver), method)(url, data)
    assert response.status_code == 404
    assert Block.objects.filter(pk=danas["block"]).exists()
    assert BlockImport.objects.get(pk=danas["import"]).status == "pending"
    assert Document.objects.get(pk=danas["document"]).expires_on == date(2026, 12, 1)
    assert Target.objects.filter(pk=danas["target"]).exists()
    assert Alert.objects.get(pk=danas["alert"]).dismissed_at is None


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(danas):
    from django.test import Client

    for method, name, kwarg, thing, data in ROUTES:
        response = getattr(Client(), method)(reverse(name, kwargs={kwarg: danas[thing]}), data)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "url",
    [
        "/health/?platform=amazon_flex",
        "/health/blocks/?platform=amazon_flex",
        "/health/import/",
        "/health/levels/?platform=amazon_flex",
        "/health/targets/?platform=amazon_flex",
        "/health/documents/",
        "/health/checkin/",
    ],
)
def test_an_outsiders_own_pages_show_none_of_danas_things(other_driver, danas, url):
    page = client_for(other_driver).get(url).content.decode()
    for secret in (
        "dana.csv",
        "Dana&#x27;s policy",
        "Reliability is below",
        "target 95",
        "1 block",
    ):
        assert secret not in page


def test_another_drivers_blocks_never_enter_dana_s_standing(driver, other_driver, record_blocks):
    record_blocks(other_driver, [False] * 5)
    now = datetime.now(LA)
    from reinstate.health.assessment import assess

    assert assess(driver, "amazon_flex", as_of=now).standing.windows["30d"].counted == 0
    assert (
        assess(other_driver, "amazon_flex", as_of=now + timedelta(seconds=1))
        .standing.windows["30d"]
        .counted
        == 5
    )


def test_an_upload_cannot_name_someone_elses_import(driver, other_driver, danas):
    # Staging always belongs to the uploader, whatever the form says.
    client_for(other_driver).post(
        "/health/import/",
        {
            "file": SimpleUploadedFile(
                "o.csv",
                b"block_start,block_end,status\n2026-01-05 08:00,2026-01-05 11:00,no_show\n",
            ),
            "platform": "amazon_flex",
            "time_zone": "America/Chicago",
            "import_id": str(danas["import"]),
        },
    )
    assert BlockImport.objects.get(filename="o.csv").owner == other_driver
