"""The web mail import refuses a file over REINSTATE_MAIL_MAX_BYTES, with a message, before
reading it, and keeps nothing of it."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.comms.imports import pending_folder
from reinstate.comms.models import PendingImport
from reinstate.testing.mails import email, mbox
from reinstate.testing.personas import client_for


def test_it_refuses_a_mail_file_over_the_limit_and_keeps_nothing(case: Case, settings) -> None:
    settings.MAIL_MAX_BYTES = 2_000
    big = SimpleUploadedFile("export.mbox", mbox(*(email(message_id=f"<{i}@x>") for i in range(8))))
    assert (big.size or 0) > 2_000
    small = SimpleUploadedFile("one.eml", email())
    response = client_for(case.owner).post(
        reverse("comms:import", args=[case.pk]), {"mail_files": [small, big]}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "export.mbox is larger than 0.002 MB" in page
    assert "split the file" in page
    assert not PendingImport.objects.exists()
    assert not pending_folder().exists() or not any(pending_folder().iterdir())
    assert not case.contacts.exists()


def test_it_takes_a_mail_file_within_the_limit(case: Case, settings) -> None:
    data = mbox(email())
    settings.MAIL_MAX_BYTES = len(data)
    response = client_for(case.owner).post(
        reverse("comms:import", args=[case.pk]),
        {"mail_files": [SimpleUploadedFile("export.mbox", data)]},
    )
    assert response.status_code == 200
    assert PendingImport.objects.count() == 1


def test_it_gives_an_outsider_404_on_the_import(case: Case, other_driver: User, settings) -> None:
    settings.MAIL_MAX_BYTES = 10
    url = reverse("comms:import", args=[case.pk])
    outsider = client_for(other_driver)
    assert outsider.get(url).status_code == 404
    upload = SimpleUploadedFile("export.mbox", mbox(email()))
    assert outsider.post(url, {"mail_files": [upload]}).status_code == 404
    assert not PendingImport.objects.exists()
