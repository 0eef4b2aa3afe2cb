"""Deleting an account: the user and all their data go; an original another account holds stays."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks

from reinstate.accounts.actions import do_set_identity
from reinstate.accounts.models import Organisation, PlatformAccount, User
from reinstate.appeals.actions import do_save_letter
from reinstate.appeals.models import LetterVersion, Packet
from reinstate.appeals.packet_build import build_packet
from reinstate.audit.models import AuditEvent
from reinstate.audit.queries import verify_chain
from reinstate.cases.actions import do_share_case
from reinstate.cases.models import Case
from reinstate.cases.notice_pictures import hold, intake_folder
from reinstate.comms.actions import do_add_contact
from reinstate.comms.models import Contact
from reinstate.evidence.blobstore import default_store
from reinstate.evidence.models import Blob, EvidenceItem
from reinstate.health.actions import do_record_block
from reinstate.health.models import Block
from reinstate.testing import files
from reinstate.testing.blocks import flex_block
from reinstate.testing.cli import reinstate
from reinstate.testing.evidence import add_file
from reinstate.testing.notices import FLEX_LATE
from reinstate.testing.personas import PASSWORD, client_for

pytestmark = pytest.mark.django_db

URL = reverse("accounts:delete")
SHARED = files.jpeg(color=(10, 20, 30))
OWN = files.jpeg(color=(200, 30, 30))


@pytest.fixture
def danas(driver: User, other_driver: User, open_case: Callable[..., Case]) -> Case:
    """Dana's case with two photos (one Omar holds too), a contact, a letter, a packet built
    on the web, a health block and her platform account; Omar's case holds the shared photo."""
    case = open_case(driver, FLEX_LATE)
    add_file(case, SHARED, "gate.jpg")
    add_file(case, OWN, "door.jpg")
    do_add_contact(
        case=case,
        actor=driver,
        channel="phone",
        direction="to_platform",
        at=case.received_at,
        summary="Called support about the gate",
    )
    do_save_letter(case=case, text="I ask you to reinstate my account.", actor=driver)
    build_packet(case=case, fmt="txt", draft=True, actor=driver)
    do_record_block(owner=driver, platform="amazon_flex", record=flex_block(case.received_at))
    do_set_identity(user=driver, legal_name="Dana Reyes", accounts={"amazon_flex": "d@x.org"})
    omars = open_case(other_driver, FLEX_LATE)
    add_file(omars, SHARED, "same-gate.jpg")
    return case


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_it_asks_first_and_says_what_goes(danas: Case) -> None:
    page = client_for(danas.owner).get(URL).content.decode()
    assert "Delete your account" in page
    assert "1 case," in page and "2 files of evidence" in page
    assert "1 delivery block " in page
    assert User.objects.filter(username="dana").exists()


def test_it_deletes_the_account_and_all_its_data(
    danas: Case, home: Path, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    store = default_store()
    packet = Packet.objects.get(case=danas)
    packet_file = home / packet.path
    assert packet_file.exists()
    own_path = store.path_for(sha(OWN))
    shared_path = store.path_for(sha(SHARED))
    # A screenshot still waiting for her to confirm a new case's text.
    waiting = hold(danas.owner.pk, [(b"\x89PNG\r\n\x1a\n waiting", "notice.png")])
    assert waiting and intake_folder(danas.owner.pk).exists()
    dana_pk = danas.owner.pk

    client = client_for(danas.owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"password": PASSWORD})

    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert not User.objects.filter(username="dana").exists()
    assert not Case.objects.filter(owner__username="dana").exists()
    assert not EvidenceItem.all_objects.filter(case_id=danas.pk).exists()
    assert not Contact.objects.filter(case_id=danas.pk).exists()
    assert not LetterVersion.objects.filter(case_id=danas.pk).exists()
    assert not Packet.objects.filter(case_id=danas.pk).exists()
    assert not Block.objects.exists()
    assert not PlatformAccount.objects.exists()
    # Her own photo is gone from the disk, with its previews; the one Omar holds too stays.
    assert not own_path.exists()
    assert not list(store.renditions.rglob(f"{sha(OWN)}*"))
    assert not Blob.objects.filter(sha256=sha(OWN)).exists()
    assert shared_path.exists() and store.hash_of(sha(SHARED)) == sha(SHARED)
    assert EvidenceItem.objects.filter(case__owner__username="omar").count() == 1
    assert not packet_file.exists() and not packet_file.parent.exists()
    assert not intake_folder(dana_pk).exists()
    assert not list(store.leftovers())
    # The chain is whole; the deletion is in it, with counts, not content.
    assert verify_chain() == []
    event = AuditEvent.objects.get(kind="user.deleted")
    assert event.data["cases"] == [danas.pk] and event.actor is None
    # Signed out: the next page asks to sign in.
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_it_refuses_a_wrong_password(danas: Case) -> None:
    response = client_for(danas.owner).post(URL, {"password": "not it"})
    assert response.status_code == 400
    assert "That is not your password." in response.content.decode()
    assert User.objects.filter(username="dana").exists()


def test_an_outsider_cannot_delete_someone_else(danas: Case, other_driver: User) -> None:
    """The page acts on whoever is signed in: Omar typing Dana's password deletes nothing."""
    response = client_for(other_driver).post(URL, {"password": PASSWORD + "x"})
    assert response.status_code == 400
    # Even with his own password, only Omar goes; Dana and her case stay.
    response = client_for(other_driver).post(URL, {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(username="omar").exists()
    assert Case.objects.filter(pk=danas.pk).exists()
    assert default_store().path_for(sha(SHARED)).exists()  # Dana still holds it


def test_an_anonymous_visitor_is_sent_to_sign_in() -> None:
    for method in ("get", "post"):
        response = getattr(Client(), method)(URL)
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_the_last_advocate_closes_their_organisation(
    advocate: User, driver: User, open_case: Callable[..., Case]
) -> None:
    organisation = Organisation.objects.get(membership__user=advocate)
    case = open_case(driver, FLEX_LATE)
    do_share_case(case=case, actor=driver, invite_code=organisation.invite_code)
    page = client_for(advocate).get(URL).content.decode()
    assert "Drivers Resource Center: you are its only advocate" in page

    client_for(advocate).post(URL, {"password": PASSWORD})

    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    case.refresh_from_db()
    assert case.organisation is None  # Dana's case stays hers, no longer shared


def test_the_command_line_deletes_only_with_yes(
    danas: Case, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    result = reinstate("user", "delete", "dana")
    assert result.returncode == 2 and "Add --yes" in result.stderr
    assert result.stderr.count("\n") == 1
    assert User.objects.filter(username="dana").exists()

    with django_capture_on_commit_callbacks(execute=True):
        out = reinstate("user", "delete", "dana", "--yes").json()
    assert out["cases"] == 1 and out["evidence_items"] == 2
    assert (out["originals_deleted"], out["originals_kept"]) == (1, 1)
    assert not User.objects.filter(username="dana").exists()
    assert reinstate("user", "delete", "dana", "--yes").returncode == 2
    assert reinstate("verify").json() == {"ok": True, "problems": []}
