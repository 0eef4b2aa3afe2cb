from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from reinstate.accounts.actions import do_set_identity
from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db
URL = reverse("cases:new")


def test_it_opens_a_case_from_pasted_text(driver: User) -> None:
    # Dana has said who she is to Amazon Flex: the case page follows at once.
    do_set_identity(user=driver, legal_name="Dana Reyes", accounts={"amazon_flex": "d@x.org"})
    response = client_for(driver).post(
        URL,
        {
            "notice_text": FLEX_LATE,
            "received_date": "2026-11-02",
            "received_time": "16:00",
            "platform": "",
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    assert case.owner == driver
    assert case.platform == "amazon_flex"
    # The form's time is in the driver's own zone (Los Angeles).
    assert case.received_at.isoformat() == "2026-11-03T00:00:00+00:00"
    assert case.received_source == "given"


def test_it_reads_an_uploaded_email_and_its_date(driver: User) -> None:
    eml = (
        "From: Amazon Flex <no-reply@amazonflex.example>\r\n"
        "To: dana@example.com\r\n"
        "Subject: Your Amazon Flex account\r\n"
        "Date: Mon, 02 Nov 2026 16:00:00 -0800\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n" + FLEX_LATE.replace("\n", "\r\n")
    ).encode()
    response = client_for(driver).post(
        URL, {"notice_file": SimpleUploadedFile("notice.eml", eml, "message/rfc822")}
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.notice_subject == "Your Amazon Flex account"
    assert case.received_at.isoformat() == "2026-11-03T00:00:00+00:00"
    assert case.deadline is not None
    assert case.deadline.isoformat() == "2026-11-13T00:00:00+00:00"
    assert case.received_source == "email_header"


def test_it_reads_an_email_in_an_odd_character_set(driver: User) -> None:
    text = (
        "Tu cuenta de Spark Driver ha sido desactivada porque otra persona estaba usando tu cuenta."
    )
    eml = (
        b"From: Spark <spark@example.com>\r\nSubject: =?iso-8859-1?q?Desactivaci=F3n?=\r\n"
        b"Date: Wed, 25 Nov 2026 12:00:00 -0600\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=iso-8859-1\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n" + text.encode("iso-8859-1")
    )
    response = client_for(driver).post(URL, {"notice_file": SimpleUploadedFile("n.eml", eml)})
    assert response.status_code == 302
    case = Case.objects.get()
    assert "Desactivación" in case.notice_text
    assert case.platform == "walmart_spark"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"notice_text": "   "}, "Paste the notice"),
        ({"notice_text": "x" * 300_001}, "too long"),
        (
            {"notice_text": FLEX_LATE, "received_date": "2031-01-01", "received_time": "00:00"},
            "in the future",
        ),
        (
            {"notice_text": FLEX_LATE, "received_date": "last tuesday", "received_time": "9:00"},
            "Enter the day as day, month and year",
        ),
        (
            {"notice_text": FLEX_LATE, "received_date": "2026-11-02", "received_time": "soon"},
            "Enter the time",
        ),
        ({"notice_text": FLEX_LATE}, "Enter the day the notice arrived"),
        ({"notice_text": FLEX_LATE, "platform": "friendster"}, "Select a valid choice"),
    ],
)
def test_it_explains_bad_input_and_stores_nothing(
    driver: User, data: dict[str, str], message: str
) -> None:
    response = client_for(driver).post(URL, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        # A picture's header over garbage: read as the broken screenshot it claims to be.
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "damaged"),
        ("binary.txt", b"\x00\x01\x02\xff" * 100, "not text"),
        ("empty.eml", b"", "empty"),
        ("big.txt", b"a" * (10 * 1024 * 1024), "too large"),
    ],
)
def test_it_refuses_bad_files_and_stores_nothing(
    driver: User, name: str, content: bytes, message: str
) -> None:
    response = client_for(driver).post(URL, {"notice_file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Case.objects.exists()


def test_it_requires_sign_in() -> None:
    response = Client().post(URL, {"notice_text": FLEX_LATE})
    assert response.status_code == 302
    assert not Case.objects.exists()


def test_ten_megabytes_of_pasted_text_gets_a_clear_message(driver: User) -> None:
    response = client_for(driver).post(URL, {"notice_text": "late " * 2_000_000})
    assert response.status_code == 400
    assert "too long" in response.content.decode()
    assert not Case.objects.exists()


def test_a_request_over_every_limit_gets_a_page_not_a_traceback(driver: User) -> None:
    response = client_for(driver).post(URL, {"notice_text": "x" * (13 * 1024 * 1024)})
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert not Case.objects.exists()
