"""The standing the Flex app shows, typed in by date: kept, charted beside Dana's own estimates,
refused clearly when wrong (with what she typed kept), and hers alone."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from reinstate.audit.models import AuditEvent
from reinstate.health.actions import HealthInputError, ScreenshotRead, do_record_standing
from reinstate.health.forms.app_standing import screenshot_token
from reinstate.health.models import StandingReading
from reinstate.testing.blocks import LA
from reinstate.testing.personas import client_for
from reinstate.testing.screenshots import png_bomb_header

NEW = reverse("health:standing_new", args=["amazon_flex"])
HISTORY = reverse("health:standing_history", args=["amazon_flex"])


def typed(**extra: object) -> dict[str, object]:
    return {
        "observed_on": "2026-11-20",
        "tier": "great",
        "m_reliability": "fantastic",
        "m_delivery_completion": "98.5",
        "m_on_time_delivery": "",
        "note": "",
        "save": "1",
    } | extra


def test_it_keeps_a_typed_standing_with_its_audit_event(driver) -> None:
    response = client_for(driver).post(NEW, typed())
    assert response.status_code == 302 and response["Location"] == HISTORY
    reading = StandingReading.objects.get(owner=driver)
    assert (reading.observed_on, reading.tier, reading.source) == (
        date(2026, 11, 20),
        "great",
        "form",
    )
    assert reading.parts == {"reliability": "fantastic"}
    assert reading.percents == {"delivery_completion": 0.985}
    assert reading.screenshot_sha256 == ""
    event = AuditEvent.objects.filter(kind="health.standing_recorded").get()
    assert event.data["tier"] == "great" and event.data["replaced"] is False


def test_a_second_reading_of_the_same_day_replaces_the_first(driver) -> None:
    client = client_for(driver)
    client.post(NEW, typed())
    client.post(NEW, typed(tier="fair", m_delivery_completion="91"))
    reading = StandingReading.objects.get(owner=driver)
    assert (reading.tier, reading.percents) == ("fair", {"delivery_completion": 0.91})
    last = AuditEvent.objects.filter(kind="health.standing_recorded").order_by("seq").last()
    assert last is not None and last.data["replaced"]


def test_the_history_charts_the_apps_number_beside_the_estimate(driver, record_blocks) -> None:
    # Ten completed blocks, each with 30 packages assigned and 29 delivered: an estimate of 96.7 %.
    record_blocks(driver, [True] * 10)
    yesterday = datetime.now(LA).date() - timedelta(days=1)
    for day, value in ((yesterday - timedelta(days=3), 0.99), (yesterday, 0.985)):
        do_record_standing(
            owner=driver,
            platform="amazon_flex",
            observed_on=day,
            tier="great",
            parts={},
            percents={"delivery_completion": value},
        )
    page = client_for(driver).get(HISTORY).content.decode()
    assert "Delivery completion rate" in page and "98.5 %" in page
    chart = page[page.index('id="app-delivery_completion-t"') :]
    chart = chart[: chart.index("</svg>")]
    assert chart.count('class="series series-beside"') == 2  # the line and its legend
    assert "your estimate" in chart
    assert "Great" in page


def test_it_keeps_what_was_typed_when_the_date_is_in_the_future(driver) -> None:
    response = client_for(driver).post(NEW, typed(observed_on="2099-01-01"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "That date is in the future." in page
    assert 'value="98.5"' in page and 'value="great" id="id_tier_2" checked' in page
    assert not StandingReading.objects.exists()


def test_read_without_a_picture_or_values_asks_for_one(driver) -> None:
    response = client_for(driver).post(NEW, {"observed_on": "2026-11-20", "read": "1"})
    assert response.status_code == 400
    assert "Choose the screenshot to read first." in response.content.decode()
    assert not StandingReading.objects.exists()
    # With values typed, a phone's "Go" (the first button, Read) saves them.
    assert client_for(driver).post(NEW, typed(save="", read="1")).status_code == 302


def test_an_empty_form_says_what_to_give(driver) -> None:
    response = client_for(driver).post(NEW, {"observed_on": "2026-11-20", "save": "1"})
    assert response.status_code == 400
    assert "Choose your standing or type at least one number" in response.content.decode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4 not a picture", "This file is not a picture."),
        (png_bomb_header(), "far more pixels than any phone screenshot"),
    ],
)
def test_a_file_that_cannot_be_read_gets_a_clear_message(driver, content, message) -> None:
    response = client_for(driver).post(
        NEW, typed(screenshot=SimpleUploadedFile("standing.png", content), m_on_time_delivery="97")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and "Type the tier and the numbers in the form below." in page
    assert 'value="97"' in page  # nothing typed is lost
    assert not StandingReading.objects.exists()


def test_the_screenshot_token_is_kept_only_for_the_driver_it_was_made_for(
    driver, other_driver
) -> None:
    read = ScreenshotRead(sha256="a" * 64, text="Your standing is Great")
    client_for(other_driver).post(NEW, typed(token=screenshot_token(driver.pk, read)))
    client_for(driver).post(NEW, typed(token="forged"))
    assert {r.screenshot_sha256 for r in StandingReading.objects.all()} == {""}


def test_the_action_refuses_an_unknown_tier_or_measure(driver) -> None:
    wrong: list[tuple[str, dict[str, float]]] = [
        ("superb", {}),
        ("", {"speed": 0.5}),
        ("", {"delivery_completion": 2.0}),
    ]
    for tier, percents in wrong:
        with pytest.raises(HealthInputError):
            do_record_standing(
                owner=driver,
                platform="amazon_flex",
                observed_on=date(2026, 11, 20),
                tier=tier,
                parts={},
                percents=percents,
            )
    assert not StandingReading.objects.exists()


def test_an_outsider_gets_404_and_a_visitor_is_sent_to_sign_in(driver, other_driver) -> None:
    client_for(driver).post(NEW, typed())
    reading = StandingReading.objects.get()
    delete = reverse("health:standing_delete", args=["amazon_flex", reading.pk])
    assert client_for(other_driver).post(delete).status_code == 404
    assert "98.5" not in client_for(other_driver).get(HISTORY).content.decode()
    for url in (NEW, HISTORY, delete):
        response = Client().post(url) if url == delete else Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert StandingReading.objects.filter(pk=reading.pk).exists()
    assert client_for(driver).post(delete).status_code == 302
    assert not StandingReading.objects.exists()


def test_a_platform_whose_app_shows_no_tier_has_no_standing_page(driver) -> None:
    client = client_for(driver)
    assert client.get(reverse("health:standing_new", args=["doordash"])).status_code == 404
    assert client.get(reverse("health:standing_history", args=["doordash"])).status_code == 404


def test_the_overview_offers_to_record_the_apps_standing(driver) -> None:
    page = client_for(driver).get("/health/?platform=amazon_flex").content.decode()
    assert NEW in page
    client_for(driver).post(NEW, typed())
    page = client_for(driver).get("/health/?platform=amazon_flex").content.decode()
    assert HISTORY in page and "Great" in page


def test_a_driver_who_chose_spanish_reads_the_pages_in_spanish(driver) -> None:
    from django.utils import translation

    driver.language = "es"
    driver.save(update_fields=["language"])
    client = client_for(driver)
    try:
        form = client.get(NEW).content.decode()
        assert "Leer la captura" in form and "Tasa de entregas completadas (%)" in form
        assert "Great (muy bien)" in form
        refused = client.post(NEW, typed(observed_on="2099-01-01")).content.decode()
        assert "Esa fecha es futura." in refused
        client.post(NEW, typed())
        history = client.get(HISTORY).content.decode()
        assert "Los números de la app junto a tus estimaciones" in history
        assert "Escrito a mano" in history
    finally:
        translation.deactivate()
