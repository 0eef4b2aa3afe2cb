"""The appeal pages: each part saved from its form, letters versioned and approved, packets
built and downloaded; an outsider gets 404 on every appeal and packet address."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from pypdf import PdfReader

from reinstate.accounts.models import User
from reinstate.appeals.models import Appeal, LetterVersion, Packet
from reinstate.appeals.packet_build import build_packet
from reinstate.cases.models import Case
from reinstate.testing.personas import client_for

pytestmark = pytest.mark.django_db
MINUS = "\N{MINUS SIGN}"  # as the page writes the points lost


def urls(case: Case, packet: Packet) -> tuple[list[str], list[str]]:
    args = [case.pk]
    gets = [
        reverse("appeals:detail", args=args),
        reverse("appeals:letter", args=[case.pk, 1]),
        reverse("appeals:packet_status", args=[case.pk, packet.pk]),
        reverse("appeals:packet_download", args=[case.pk, packet.pk]),
    ]
    posts = [
        reverse(name, args=args)
        for name in (
            "appeals:explanation", "appeals:add_statement", "appeals:plan", "appeals:add_action",
            "appeals:record", "appeals:draft_letter", "appeals:save_letter", "appeals:build_packet",
        )
    ] + [
        reverse("appeals:remove_statement", args=[case.pk, 0]),
        reverse("appeals:remove_action", args=[case.pk, 0]),
        reverse("appeals:approve_letter", args=[case.pk, 1]),
    ]  # fmt: skip
    return gets, posts


def test_an_outsider_gets_404_on_every_appeal_and_packet_address(
    ready_case: Case, other_driver: User
) -> None:
    client = client_for(ready_case.owner)
    client.post(reverse("appeals:build_packet", args=[ready_case.pk]), {"format": "pdf"})
    packet = ready_case.packets.get()
    gets, posts = urls(ready_case, packet)
    assert client.get(gets[3]).status_code == 200  # the owner downloads it
    outsider = client_for(other_driver)
    for url in gets:
        assert outsider.get(url).status_code == 404, url
    for url in posts:
        assert outsider.post(url, {"text": "x", "format": "pdf"}).status_code == 404, url
    assert ready_case.letters.count() == 1 and ready_case.packets.count() == 1


def test_the_page_shows_readiness_and_what_to_fix(evidence: Case) -> None:
    page = (
        client_for(evidence.owner)
        .get(reverse("appeals:detail", args=[evidence.pk]))
        .content.decode()
    )
    assert "Is it ready?" in page and "out of 100" in page
    assert "The explanation does not name the policy involved." in page
    assert "Amazon Flex Terms of Service" in page  # a policy to choose
    assert "Poor route planning" in page  # a suggested cause


def test_each_part_is_saved_from_its_form(evidence: Case) -> None:
    client = client_for(evidence.owner)
    url = lambda name: reverse(f"appeals:{name}", args=[evidence.pk])  # noqa: E731
    client.post(url("explanation"), {
        "stance": "acknowledge", "policies": ["amazon_flex.terms_of_service"],
        "what_happened": "On 3 November at 10:17 I was late.",
        "acknowledgement": "I was late.", "context": "",
    })  # fmt: skip
    client.post(url("add_statement"), {"text": "The gate was locked.", "exhibits": ["A"]})
    client.post(url("plan"), {
        "root_causes": ["Poor route planning"], "other_causes": "Gate locked",
        "monitoring_metric": "on-time", "monitoring_threshold": "100%",
        "monitoring_frequency": "weekly",
        "commitment": "I will be on time.", "commitment_policies": ["amazon_flex.terms_of_service"],
    })  # fmt: skip
    client.post(
        url("add_action"),
        {
            "action": "Leave 20 minutes earlier for every block",
            "target": "0 late in 20 blocks",
            "starts_on": "2026-12-01",
        },
    )
    client.post(url("record"), {"driving_since": "2023", "work_completed": "900 blocks"})
    appeal = Case.objects.get(pk=evidence.pk).appeal
    assert appeal.policies == ["amazon_flex.terms_of_service"]
    assert [s.text for s in appeal.statements.all()] == ["The gate was locked."]
    assert appeal.root_causes == ["Poor route planning", "Gate locked"]
    assert appeal.actions.get().target == "0 late in 20 blocks"
    assert appeal.work_completed == "900 blocks"
    # Saving the plan again keeps the actions; saving the explanation keeps the facts.
    assert appeal.what_happened.startswith("On 3 November")


def test_a_fact_pointing_at_no_such_exhibit_is_refused_and_nothing_lost(evidence: Case) -> None:
    client = client_for(evidence.owner)
    url = reverse("appeals:add_statement", args=[evidence.pk])
    response = client.post(url, {"text": "Something", "exhibits": ["Z"]})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_letters_are_versioned_and_only_an_approved_one_is_packed(evidence: Case) -> None:
    client = client_for(evidence.owner)
    client.post(reverse("appeals:draft_letter", args=[evidence.pk]))
    client.post(
        reverse("appeals:save_letter", args=[evidence.pk]),
        {"text": "Dear team,\n\nMy edited letter."},
    )
    assert list(evidence.letters.values_list("number", "status")) == [(2, "draft"), (1, "draft")]
    refused = client.post(
        reverse("appeals:build_packet", args=[evidence.pk]), {"format": "pdf"}, follow=True
    )
    assert "No approved letter yet" in refused.content.decode()
    assert not evidence.packets.exists()
    client.post(reverse("appeals:approve_letter", args=[evidence.pk, 2]))
    assert evidence.letters.get(number=2).status == LetterVersion.Status.APPROVED
    client.post(reverse("appeals:build_packet", args=[evidence.pk]), {"format": "pdf"})
    packet = evidence.packets.get()
    assert packet.status == Packet.Status.READY and packet.letter and packet.letter.number == 2
    download = client.get(reverse("appeals:packet_download", args=[evidence.pk, packet.pk]))
    body = b"".join(download.streaming_content)  # type: ignore[attr-defined]
    assert (
        download["Content-Type"] == "application/pdf"
        and "attachment" in download["Content-Disposition"]
    )
    assert "My edited letter." in PdfReader(BytesIO(body)).pages[0].extract_text()


def test_building_shows_progress_and_the_previous_packet_stays(ready_case: Case) -> None:
    client = client_for(ready_case.owner)
    client.post(reverse("appeals:build_packet", args=[ready_case.pk]), {"format": "txt"})
    first = ready_case.packets.get()
    # A build in progress (as another process sees it): the status polls, the old file stays.
    building = Packet.objects.create(case=ready_case, format="txt", progress="Adding exhibit B")
    status = client.get(
        reverse("appeals:packet_status", args=[ready_case.pk, building.pk]), HTTP_HX_REQUEST="true"
    )
    assert (
        'hx-trigger="every 1s"' in status.content.decode()
        and "Adding exhibit B" in status.content.decode()
    )
    page = client.get(reverse("appeals:detail", args=[ready_case.pk])).content.decode()
    assert reverse("appeals:packet_download", args=[ready_case.pk, first.pk]) in page
    assert "characters of the web form" in page
    building.status = Packet.Status.READY
    building.save()
    done = client.get(
        reverse("appeals:packet_status", args=[ready_case.pk, building.pk]), HTTP_HX_REQUEST="true"
    )
    assert done["HX-Refresh"] == "true"


def test_the_case_page_links_the_appeal_with_its_score(evidence: Case) -> None:
    page = (
        client_for(evidence.owner).get(reverse("cases:detail", args=[evidence.pk])).content.decode()
    )
    assert reverse("appeals:detail", args=[evidence.pk]) in page
    assert "Readiness" in page


def test_a_new_web_packet_replaces_the_old_file_and_a_command_line_one_leaves_it(
    ready_case: Case, tmp_path: Path
) -> None:
    client = client_for(ready_case.owner)
    url = reverse("appeals:build_packet", args=[ready_case.pk])
    client.post(url, {"format": "pdf"})
    first = ready_case.packets.get()
    build_packet(case=ready_case, fmt="pdf", draft=False, actor=None, out=tmp_path / "cli.pdf")
    first.refresh_from_db()
    assert first.path and (Path(settings.REINSTATE_HOME) / first.path).is_file()
    client.post(url, {"format": "pdf"})
    second = ready_case.packets.filter(path__gt="").get()
    assert second.pk > first.pk and not (Path(settings.REINSTATE_HOME) / first.path).exists()
    assert (
        client.get(reverse("appeals:packet_download", args=[ready_case.pk, first.pk])).status_code
        == 410  # gone: the page links the newest (test_packet_replaced)
    )


def test_the_page_shows_what_a_threat_costs_and_why_it_is_not_ready(ready_case: Case) -> None:
    client = client_for(ready_case.owner)
    url = lambda name, *args: reverse(f"appeals:{name}", args=[ready_case.pk, *args])  # noqa: E731
    client.post(url("save_letter"), {"text": "Dear team,\n\nReinstate me or I will sue you."})
    client.post(url("approve_letter", 2))
    page = client.get(url("detail")).content.decode()
    assert "Not ready yet" in page and "Ready to send" not in page
    assert "This reads as a threat." in page and "I will sue" in page
    assert "<strong>79</strong> out of 100" in page
    # Each point lost is shown: 21 in all, the threat's including what the cap costs.
    lost = [int(n) for n in re.findall(MINUS + r"(\d+) points?", page)]
    assert sum(lost) == 21
    threat = page.split("This reads as a threat.")[1].split("</li>")[0]
    assert int(re.findall(MINUS + r"(\d+) points", threat)[0]) > 6  # more than the tone check's 6


def test_the_page_shows_the_points_lost_and_the_missing_letter(evidence: Case) -> None:
    page = (
        client_for(evidence.owner)
        .get(reverse("appeals:detail", args=[evidence.pk]))
        .content.decode()
    )
    assert "There is no letter yet." in page and "Not ready yet" in page
    assert f"{MINUS}10 points" in page
    assert "Add your legal name in your profile." in page


def test_the_driver_chooses_the_stance_on_the_page(evidence: Case) -> None:
    client = client_for(evidence.owner)
    page = client.get(reverse("appeals:detail", args=[evidence.pk])).content.decode()
    assert "The decision is wrong" in page and "I understand what went wrong" in page
    client.post(reverse("appeals:explanation", args=[evidence.pk]), {
        "stance": "dispute", "what_happened": "On 3 November at 10:17 I was on time.",
        "records_requested": "The GPS trace.",
    })  # fmt: skip
    appeal = Case.objects.get(pk=evidence.pk).appeal
    assert (appeal.stance, appeal.records_requested) == ("dispute", "The GPS trace.")
    page = client.get(reverse("appeals:detail", args=[evidence.pk])).content.decode()
    assert "does not say what you accept" not in page
    assert "you need not promise any change" in page
    for stance in ("sorry", ""):
        bad = client.post(reverse("appeals:explanation", args=[evidence.pk]), {"stance": stance})
        assert bad.status_code == 400
    assert Case.objects.get(pk=evidence.pk).appeal.stance == "dispute"


def test_a_policy_that_left_the_catalogue_is_refused_in_words_not_a_crash(
    evidence: Case,
) -> None:
    Appeal.objects.create(case=evidence, policies=["amazon_flex.retired_policy"])
    client = client_for(evidence.owner)
    response = client.post(
        reverse("appeals:explanation", args=[evidence.pk]),
        {
            "stance": "dispute",
            "policies": ["amazon_flex.retired_policy"],
            "what_happened": "I delivered every package.",
        },
    )
    assert response.status_code == 400
    assert "no longer in our list" in response.content.decode()
    # What was typed stays on the page, and nothing was stored.
    assert "I delivered every package." in response.content.decode()
    assert Appeal.objects.get(case=evidence).what_happened == ""
