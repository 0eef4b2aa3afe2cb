"""When a case opens, the records from the days before its notice are offered to it; those the
driver picks go into the evidence (the same original) and the support log (at their own time),
never twice. Only the driver: nobody adds someone else's records."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.audit.models import AuditEvent
from reinstate.cases.actions import do_open_case, do_share_case
from reinstate.cases.models import Case
from reinstate.comms.models import Contact
from reinstate.evidence.blobstore import default_store
from reinstate.evidence.models import EvidenceItem
from reinstate.evidence.presenters import item_time
from reinstate.lib.notice_file import notice_from_text
from reinstate.records.actions import RecordInputError, do_add_records_to_case
from reinstate.records.models import Record
from reinstate.records.queries import offered
from reinstate.testing import files
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for, clinic

from .conftest import NOW

pytestmark = pytest.mark.django_db

PHOTO = files.jpeg(exif=files.phone_exif(taken="2026:10:20 10:03:05", offset="-07:00"))


def test_it_offers_the_records_of_the_30_days_before_the_notice(
    driver: User, case: Case, keep: Callable[..., Record]
) -> None:
    too_old = keep(driver, "2026-09-30T10:00:00-07:00")
    inside = keep(driver, "2026-10-20T10:00:00-07:00")
    same_day = keep(driver, "2026-11-02T20:00:00-08:00")
    keep(driver, "2026-11-03T09:00:00-08:00")  # after the notice's day
    assert [r.pk for r in offered(case)] == [same_day.pk, inside.pk]
    assert too_old.pk not in [r.pk for r in offered(case)]


def test_the_case_page_offers_them_to_the_driver_only(
    driver: User, advocate: User, case: Case, keep: Callable[..., Record]
) -> None:
    for day in ("2026-10-20", "2026-10-21", "2026-10-25", "2026-11-01"):
        keep(driver, f"{day}T10:00:00-07:00")
    page = client_for(driver).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "You kept 4 records from the days before this notice" in page
    assert reverse("records:offer", args=[case.pk]) in page
    do_share_case(case=case, actor=driver, invite_code=clinic(advocate).invite_code)
    seen = client_for(advocate).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "You kept" not in seen
    assert client_for(advocate).get(reverse("records:offer", args=[case.pk])).status_code == 404


def test_picked_records_go_into_the_evidence_and_the_support_log(
    driver: User, case: Case, keep: Callable[..., Record]
) -> None:
    photo = keep(driver, "2026-10-20T10:05:00-07:00", files={"gate.jpg": PHOTO})
    call = keep(
        driver,
        "2026-10-21T09:15:00-07:00",
        kind="support_call",
        note="Agent said the late block was excused.",
        who="Priya",
        files={"chat.png": files.png()},
    )
    skipped = keep(driver, "2026-10-22T09:00:00-07:00")
    response = client_for(driver).post(
        reverse("records:offer", args=[case.pk]), {"records": [photo.pk, call.pk]}
    )
    assert response.status_code == 302

    item = EvidenceItem.objects.get(case=case, filename="gate.jpg")
    assert item.blob == photo.files.get().blob  # the same original, so the same SHA-256
    taken = item_time(item, case.tz).at
    assert taken is not None and taken.isoformat() == "2026-10-20T10:03:05-07:00"
    contact = Contact.objects.get(case=case)
    assert contact.at == call.at and contact.channel == "phone" and contact.agent == "Priya"
    assert [a.filename for a in contact.attachments.all()] == ["chat.png"]
    assert [r.pk for r in offered(case)] == [skipped.pk]
    event = AuditEvent.objects.get(kind="records.added_to_case")
    assert event.case_id_ref == case.pk and sorted(event.data["records"]) == [photo.pk, call.pk]


def test_nothing_is_copied_twice(driver: User, case: Case, keep: Callable[..., Record]) -> None:
    photo = keep(driver, "2026-10-20T10:05:00-07:00", files={"gate.jpg": PHOTO})
    call = keep(driver, "2026-10-21T09:15:00-07:00", kind="support_chat", note="Chat about it")
    do_add_records_to_case(case=case, actor=driver, records=[photo, call])
    again = do_add_records_to_case(case=case, actor=driver, records=[photo, call])
    assert again.records == [] and again.items == []
    assert EvidenceItem.objects.filter(case=case).count() == 1
    assert Contact.objects.filter(case=case).count() == 1
    same_file = keep(driver, "2026-10-23T10:05:00-07:00", files={"again.jpg": PHOTO})
    result = do_add_records_to_case(case=case, actor=driver, records=[same_file])
    assert result.items == [] and len(result.already) == 1
    assert EvidenceItem.objects.filter(case=case).count() == 1


def test_no_offer_while_nobody_said_when_the_notice_arrived(
    driver: User, keep: Callable[..., Record]
) -> None:
    unknown = do_open_case(
        owner=driver,
        notice=notice_from_text(FLEX_LATE),
        received=None,
        tz=ZoneInfo(driver.time_zone),
        now=NOW,
    )
    assert unknown.received_source == Case.ReceivedSource.ASSUMED_NOW
    keep(driver, "2026-11-19T10:00:00-08:00")
    assert offered(unknown) == []


def test_nobody_adds_another_drivers_records(
    driver: User, other_driver: User, case: Case, keep: Callable[..., Record]
) -> None:
    dana = keep(driver, "2026-10-20T10:05:00-07:00", files={"gate.jpg": PHOTO})
    omars_case = Case.objects.create(
        owner=other_driver,
        notice_text="x",
        received_at=case.received_at,
        received_source=Case.ReceivedSource.GIVEN,
        time_zone="America/Chicago",
        kind=case.kind,
        plan_anchor=case.received_at,
    )
    with pytest.raises(RecordInputError):
        do_add_records_to_case(case=omars_case, actor=other_driver, records=[dana])
    omar = client_for(other_driver)
    assert omar.get(reverse("records:offer", args=[case.pk])).status_code == 404
    assert (
        omar.post(reverse("records:offer", args=[case.pk]), {"records": [dana.pk]}).status_code
        == 404
    )
    # His own case's offer never lists her record, and a posted id of hers is refused.
    response = omar.post(reverse("records:offer", args=[omars_case.pk]), {"records": [dana.pk]})
    assert response.status_code == 400
    assert not EvidenceItem.objects.filter(case=omars_case).exists()


def test_ticking_nothing_says_so(driver: User, case: Case, keep: Callable[..., Record]) -> None:
    keep(driver, "2026-10-20T10:05:00-07:00")
    response = client_for(driver).post(reverse("records:offer", args=[case.pk]), {})
    assert response.status_code == 400
    assert "Tick at least one record to add." in response.content.decode()


def test_a_record_without_a_file_goes_in_as_a_text_exhibit_of_the_drivers_words(
    driver: User, case: Case, keep: Callable[..., Record]
) -> None:
    record = keep(driver, "2026-10-20T10:05:00-07:00", kind="no_safe_place", note="Rain, no porch.")
    (item,) = do_add_records_to_case(case=case, actor=driver, records=[record]).items
    assert item.filename == f"record-2026-10-20-{record.pk}.txt"
    assert item.blob.text == (
        "Tuesday 20 October 2026, 10:05 AM PDT\nNo safe place to leave it\n\nRain, no porch.\n"
    )


def test_a_lost_original_is_named_not_a_crash(
    driver: User, case: Case, keep: Callable[..., Record]
) -> None:
    record = keep(driver, "2026-10-20T10:05:00-07:00", files={"gate.jpg": PHOTO})
    path = default_store().path_for(record.files.get().blob.sha256)
    path.chmod(0o600)
    path.unlink()
    response = client_for(driver).post(
        reverse("records:offer", args=[case.pk]), {"records": [record.pk]}
    )
    assert response.status_code == 400 and "gate.jpg" in response.content.decode()
    assert not EvidenceItem.objects.filter(case=case).exists()
