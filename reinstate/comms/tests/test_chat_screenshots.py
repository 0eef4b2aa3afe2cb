"""A support chat from its screenshots: two screens of one long chat (drawn here from text) are
read, joined in order without the lines both show, checked, and saved as a chat contact whose
content is the text and whose screenshots are kept as evidence. Two pictures are read in all."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from reinstate.cases.models import Case
from reinstate.cases.notice_pictures import intake_folder
from reinstate.comms.chat_pictures import join_screens
from reinstate.comms.models import Contact
from reinstate.evidence.models import EvidenceItem
from reinstate.testing.personas import client_for
from reinstate.testing.screenshots import needs_tesseract, phone_screenshot

TOP = """Agent: Hello Dana, how can I help you today?
You: My account was deactivated this morning.
Agent: I am sorry to hear that. Let me check."""
BOTTOM = """Agent: I am sorry to hear that. Let me check.
Agent: Your case number is 48213. A specialist will email you.
You: Thank you, I will wait for the email."""


@pytest.fixture(scope="module")
def screens() -> list[bytes]:
    return [phone_screenshot(text, title="Amazon Flex Support") for text in (TOP, BOTTOM)]


def test_screens_are_joined_without_their_header_clock_or_repeated_lines() -> None:
    first = "9:41\nSupport\n\nAgent: Hi\nYou: Hello\nAgent: One moment"
    second = "9:42\nSupport\n\nYou: Hello\nAgent: One moment\nAgent: Done"
    assert join_screens([first, second]) == (
        "Support\n\nAgent: Hi\nYou: Hello\nAgent: One moment\nAgent: Done"
    )
    assert join_screens(["Agent: Hi", "Agent: Bye"]) == "Agent: Hi\nAgent: Bye"


@needs_tesseract
def test_two_screenshots_become_one_checked_chat_with_its_pictures_kept(
    case: Case, screens: list[bytes]
) -> None:
    url = reverse("comms:chat_pictures", args=[case.pk])
    client = client_for(case.owner)
    files = [SimpleUploadedFile(f"chat-{i}.png", data) for i, data in enumerate(screens, 1)]
    page = client.post(url, {"screenshots": files, "at": "2026-11-20T10:30", "read": "1"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Check what we read" in html
    text = re.search(r"<textarea[^>]*>(.*?)</textarea>", html, re.S)
    assert text is not None
    read = text.group(1).strip()
    assert read.count("Let me check.") == 1  # both screens show it: kept once
    assert read.index("how can I help you today?") < read.index("case number is 48213")
    assert not Contact.objects.exists()

    token = re.search(r'name="pictures" value="([^"]+)"', html)
    assert token is not None
    corrected = read.replace("48213", "48214")
    saved = client.post(
        url, {"text": corrected, "at": "2026-11-20T10:30", "pictures": token.group(1), "save": "1"}
    )
    assert saved.status_code == 302
    contact = Contact.objects.get(case=case)
    assert contact.channel == "in_app_chat" and contact.body == corrected.replace("\r", "")
    assert {"platform", "driver"} <= {t["side"] for t in contact.turns}
    assert {t.number for t in contact.tickets.all()} >= {"48214"}
    kept = {item.blob.sha256 for item in contact.attachments.all()}
    assert kept == {hashlib.sha256(data).hexdigest() for data in screens}
    assert {item.kind for item in EvidenceItem.objects.filter(case=case)} == {"screenshot"}
    assert not any(intake_folder(case.owner.pk).iterdir())  # no longer held


def test_a_file_that_is_not_a_picture_gets_a_clear_message(case: Case) -> None:
    url = reverse("comms:chat_pictures", args=[case.pk])
    response = client_for(case.owner).post(
        url,
        {
            "screenshots": [SimpleUploadedFile("chat.png", b"Agent: hello")],
            "at": "2026-11-20T10:30",
            "tickets": "777",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "chat.png: This file is not a picture." in page
    assert "paste it instead" in page and 'value="777"' in page
    empty = client_for(case.owner).post(url, {"at": "2026-11-20T10:30", "read": "1"})
    assert "Choose at least one photo or file." in empty.content.decode()
    stale = client_for(case.owner).post(
        url, {"at": "2026-11-20T10:30", "text": "Agent: hi", "pictures": "forged", "save": "1"}
    )
    assert stale.status_code == 400 and "the ones you read earlier are gone" in (
        stale.content.decode().replace("&#x27;", "'")
    )
    assert not Contact.objects.exists()


def test_an_outsider_gets_404_and_a_visitor_is_sent_to_sign_in(case: Case, other_driver) -> None:
    url = reverse("comms:chat_pictures", args=[case.pk])
    assert client_for(other_driver).get(url).status_code == 404
    assert client_for(other_driver).post(url, {"at": "2026-11-20T10:30"}).status_code == 404
    response = Client().get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
