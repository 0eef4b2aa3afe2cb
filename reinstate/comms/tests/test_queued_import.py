"""The web's mail import runs in the queue: the page follows it (reading, done, failed with
the reason), only its uploader sees it, and a job run again never imports twice."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from reinstate.accounts.models import Organisation, User
from reinstate.audit.models import AuditEvent
from reinstate.cases.models import Case
from reinstate.comms.import_queue import do_queue_import, run_queued
from reinstate.comms.imports import pending_folder
from reinstate.comms.models import Contact, PendingImport
from reinstate.testing.mails import email, mbox
from reinstate.testing.personas import client_for
from reinstate.testing.tasks import run_queue

# Real commits: the request's on_commit queues the job, the worker reads it as another
# process would.
pytestmark = pytest.mark.django_db(transaction=True)

MAILS = [email(message_id=f"<m{i}@flex.example>", subject=f"Update {i}") for i in range(5)]


def queue(case: Case, picked: list[str]) -> PendingImport:
    """Upload a mailbox and tick `picked`, as the driver does on the import pages."""
    client = client_for(case.owner)
    upload = SimpleUploadedFile("export.mbox", mbox(*MAILS))
    client.post(reverse("comms:import", args=[case.pk]), {"mail_files": [upload]})
    pending = PendingImport.objects.get()
    done = client.post(
        reverse("comms:import_finish", args=[case.pk, pending.pk]), {"message": picked}
    )
    assert done["Location"] == progress_url(pending)
    pending.refresh_from_db()
    return pending


def progress_url(pending: PendingImport) -> str:
    return reverse("comms:import_progress", args=[pending.case_id, pending.pk])


def test_it_imports_the_picked_messages_in_the_queue(case: Case) -> None:
    pending = queue(case, ["m0@flex.example", "m3@flex.example"])
    client = client_for(case.owner)
    waiting = client.get(progress_url(pending)).content.decode()
    assert "Waiting its turn" in waiting and 'hx-trigger="every 2s"' in waiting
    assert not case.contacts.exists()  # the request only queued it

    run_queue()

    subjects = sorted(case.contacts.values_list("subject", flat=True))
    assert subjects == ["Update 0", "Update 3"]
    part = client.get(progress_url(pending), headers={"HX-Request": "true"}).content.decode()
    assert "Imported 2 messages." in part and "hx-trigger" not in part  # polling stops
    assert reverse("comms:log", args=[case.pk]) in part
    assert AuditEvent.objects.filter(kind="comms.import_queued").count() == 1
    assert AuditEvent.objects.filter(kind="comms.imported").count() == 1
    assert not any(pending_folder().iterdir())  # the upload is forgotten once imported


def test_a_job_run_again_after_it_finished_imports_nothing_more(case: Case) -> None:
    pending = queue(case, ["m1@flex.example"])
    run_queue()
    assert run_queued(pending.pk, case.owner.pk, attempt=2) == "done"
    assert case.contacts.count() == 1
    assert AuditEvent.objects.filter(kind="comms.imported").count() == 1


def test_an_unreadable_file_fails_with_the_reason_and_keeps_the_log(case: Case) -> None:
    kept = Contact.objects.create(
        case=case, channel="email", direction="to_platform", at=case.received_at, summary="Mine"
    )
    pending = queue(case, ["m2@flex.example"])
    (pending_folder() / pending.files[0]["path"]).unlink()  # gone before the worker reads it

    run_queue()

    pending.refresh_from_db()
    assert pending.status == "failed"
    page = client_for(case.owner).get(progress_url(pending)).content.decode()
    assert "The import did not finish: Your file could not be read on the server" in page
    assert "hx-trigger" not in page
    assert list(case.contacts.all()) == [kept]
    assert AuditEvent.objects.filter(kind="comms.import_failed").count() == 1


def test_the_progress_page_counts_what_was_read(case: Case) -> None:
    pending = queue(case, ["m0@flex.example", "m1@flex.example", "m2@flex.example"])
    PendingImport.objects.filter(pk=pending.pk).update(status="reading", read=2)
    page = client_for(case.owner).get(progress_url(pending)).content.decode()
    assert "Reading your mail… (2 of 3)" in page


def test_a_second_tap_on_import_queues_nothing_more(case: Case) -> None:
    pending = queue(case, ["m0@flex.example"])
    again = client_for(case.owner).post(
        reverse("comms:import_finish", args=[case.pk, pending.pk]), {"message": ["m1@x"]}
    )
    assert again["Location"] == progress_url(pending)
    run_queue()
    assert case.contacts.count() == 1


def test_two_taps_at_the_same_moment_queue_it_once(case: Case) -> None:
    """Both requests read "staged" before either wrote: the second queues nothing."""
    client = client_for(case.owner)
    upload = SimpleUploadedFile("export.mbox", mbox(*MAILS))
    client.post(reverse("comms:import", args=[case.pk]), {"mail_files": [upload]})
    first, second = PendingImport.objects.get(), PendingImport.objects.get()
    do_queue_import(pending=first, actor=case.owner, keys=["m0@flex.example"])
    do_queue_import(pending=second, actor=case.owner, keys=["m1@flex.example"])
    assert AuditEvent.objects.filter(kind="comms.import_queued").count() == 1
    run_queue()
    assert list(case.contacts.values_list("subject", flat=True)) == ["Update 0"]


def test_only_the_uploader_sees_the_import(case: Case, other_driver: User, advocate: User) -> None:
    case.organisation = Organisation.objects.get()
    case.save()
    pending = queue(case, ["m0@flex.example"])
    url = progress_url(pending)
    assert client_for(case.owner).get(url).status_code == 200
    assert client_for(other_driver).get(url).status_code == 404
    assert client_for(advocate).get(url).status_code == 404  # the case's advocate: not hers
    assert (
        client_for(other_driver)
        .post(reverse("comms:import_finish", args=[case.pk, pending.pk]), {"message": ["m1@x"]})
        .status_code
        == 404
    )
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]


def test_it_says_when_no_worker_is_running_and_speaks_spanish(case: Case) -> None:
    cache.clear()  # no worker's heartbeat from another test
    pending = queue(case, ["m0@flex.example"])
    case.owner.language = "es"
    case.owner.save(update_fields=["language"])
    client = client_for(case.owner)
    waiting = client.get(progress_url(pending)).content.decode()
    assert "Esperando su turno" in waiting and "no está en marcha" in waiting
    (pending_folder() / pending.files[0]["path"]).unlink()
    run_queue()
    failed = client.get(progress_url(pending)).content.decode()
    assert "La importación no terminó: No se pudo leer tu archivo en el servidor" in failed
