"""Documents that expire: kept, renewed, removed; outsiders get 404."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from reinstate.health.models import Document
from reinstate.testing.personas import client_for


def test_a_document_is_kept_with_how_long_is_left(driver):
    client = client_for(driver)
    # Her today, not the server's: in the hours when they differ, "5 days" is counted from hers.
    soon = (timezone.now().astimezone(ZoneInfo(driver.time_zone)) + timedelta(days=5)).date()
    client.post(
        "/health/documents/", {"kind": "insurance", "title": "", "expires_on": soon.isoformat()}
    )
    page = client.get("/health/documents/").content.decode()
    assert "Vehicle insurance" in page and "expires in 5 days" in page and "status-urgent" in page
    assert "Add your email" in page  # Dana has none yet
    document = Document.objects.get()
    later = soon + timedelta(days=365)
    client.post(f"/health/documents/{document.pk}/renew/", {"expires_on": later.isoformat()})
    document.refresh_from_db()
    assert document.expires_on == later
    client.post(f"/health/documents/{document.pk}/delete/")
    assert not Document.objects.exists()


def test_a_date_is_needed(driver):
    response = client_for(driver).post(
        "/health/documents/", {"kind": "insurance", "expires_on": "soon"}
    )
    assert response.status_code == 400
    assert not Document.objects.exists()


def test_an_outsider_gets_404(driver, other_driver):
    client_for(driver).post(
        "/health/documents/",
        {"kind": "driving_licence", "title": "Dana licence", "expires_on": "2027-01-01"},
    )
    document = Document.objects.get()
    outsider = client_for(other_driver)
    assert (
        outsider.post(
            f"/health/documents/{document.pk}/renew/", {"expires_on": "2030-01-01"}
        ).status_code
        == 404
    )
    assert outsider.post(f"/health/documents/{document.pk}/delete/").status_code == 404
    assert "Dana licence" not in outsider.get("/health/documents/").content.decode()
    assert Document.objects.get().expires_on.year == 2027
