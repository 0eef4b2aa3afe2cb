"""Reads of appeals that depend on who is asking: everything hangs off a case the user may see
(cases.queries.get_case_for_user), so an outsider gets 404 for every letter and packet."""

from __future__ import annotations

from datetime import timedelta

from django.http import Http404
from django.utils import timezone

from reinstate.accounts.models import User
from reinstate.appeals.models import Appeal, Decision, LetterVersion, Packet, Sending
from reinstate.cases.models import Case
from reinstate.cases.queries import get_case_for_user


def appeal_of(case: Case) -> Appeal:
    """The case's appeal, or an empty one (not saved) before the driver writes anything. Its
    primary key is the case's, so its (empty) statements and actions can be asked for."""
    appeal = (
        Appeal.objects.filter(case=case).prefetch_related("statements__exhibits", "actions").first()
    )
    return appeal or Appeal(case=case)


def letters_of(case: Case) -> list[LetterVersion]:
    return list(case.letters.select_related("created_by"))


def approved_letter(case: Case) -> LetterVersion | None:
    """The latest version the driver approved: the one a packet carries."""
    return case.letters.filter(status=LetterVersion.Status.APPROVED).order_by("-number").first()


def get_letter_for_user(user: User, case_id: int, number: int) -> LetterVersion:
    case = get_case_for_user(user, case_id)
    letter = case.letters.filter(number=number).first()
    if letter is None:
        raise Http404("No such letter")
    letter.case = case
    return letter


def get_packet_for_user(user: User, case_id: int, packet_id: int) -> Packet:
    case = get_case_for_user(user, case_id)
    packet = case.packets.filter(pk=packet_id).first()
    if packet is None:
        raise Http404("No such packet")
    packet.case = case
    return packet


def latest_packets(case: Case) -> dict[str, Packet]:
    """Per format, the newest packet kept in the data folder: what the download links give
    (the command line writes its packets elsewhere)."""
    ready: dict[str, Packet] = {}
    kept = case.packets.filter(status=Packet.Status.READY).exclude(path="")
    for packet in kept.order_by("-finished_at", "-pk"):
        ready.setdefault(packet.format, packet)
    return ready


# A build takes seconds; one still "building" after this was cut off (a server restart) and
# is not shown, so the page does not poll it for ever.
STALE_BUILD = timedelta(minutes=10)


def building_packet(case: Case) -> Packet | None:
    recent = case.packets.filter(
        status=Packet.Status.BUILDING, requested_at__gte=timezone.now() - STALE_BUILD
    )
    return recent.order_by("-pk").first()


def sendings_of(case: Case) -> list[Sending]:
    """What was sent to the platform for this case, the newest first."""
    return list(case.sendings.prefetch_related("proof"))


def appeal_sent(case: Case) -> bool:
    """Whether the driver has said the appeal went out (a protective appeal counts: the
    window is kept)."""
    return case.sendings.exists()


def latest_sending(case: Case) -> Sending | None:
    """The full appeal sent last, else the last protective appeal: the platform's review time
    counts from the appeal it is deciding."""
    sendings = case.sendings.select_related("recorded_by").prefetch_related("proof")
    full = sendings.filter(kind=Sending.Kind.APPEAL).first()
    return full or sendings.first()


def latest_decision(case: Case) -> Decision | None:
    return case.decisions.select_related("recorded_by").first()
