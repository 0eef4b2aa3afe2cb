"""Reads of appeals that depend on who is asking: everything hangs off a case the user may see
(cases.queries.get_case_for_user), so an outsider gets 404 for every letter and packet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.http import Http404
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from reinstate.accounts.models import User
from reinstate.appeals import tasks
from reinstate.appeals.models import Appeal, Consent, Decision, LetterVersion, Packet, Sending
from reinstate.audit.kinds import EventKind
from reinstate.audit.models import AuditEvent
from reinstate.cases.models import Case
from reinstate.cases.queries import get_case_for_user
from reinstate.core.worker import is_alive


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


# A build takes seconds. One the web built in its own process (no queue job) and still
# "building" after this was cut off (a server restart): it is not shown, so the page does not
# poll it for ever, and it does not hold up the next build.
STALE_BUILD = timedelta(minutes=10)


def building_packet(case: Case) -> Packet | None:
    """The build of this case still under way, if any (one at a time per case): the newest
    packet still building whose build is alive (see build_alive)."""
    for packet in case.packets.filter(status=Packet.Status.BUILDING).order_by("-pk")[:5]:
        if build_alive(packet):
            return packet
    return None


def build_alive(packet: Packet) -> bool:
    """Whether a packet still "building" will get built. Its queue job decides: waiting in the
    queue (never taken, or put back after its worker died) is alive however long it waits for
    a worker, since the status page says when none runs; taken by a worker that still beats,
    alive; taken by a worker that stopped, dead until a worker puts it back. A job that ended
    without finishing the packet is dead. With no job (built in the web process, or by the
    command line) only its age tells."""
    job = (
        DBTaskResult.objects.filter(
            task_path=tasks.build_packet.module_path, args_kwargs__args__0=packet.pk
        )
        .only("status", "worker_ids")
        .order_by("-enqueued_at")
        .first()
    )
    if job is None:
        return packet.requested_at >= timezone.now() - STALE_BUILD
    if job.status == TaskResultStatus.READY:
        return True
    if job.status == TaskResultStatus.RUNNING:
        return bool(job.worker_ids) and is_alive(job.worker_ids[-1])
    return False


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


@dataclass(frozen=True)
class Approval:
    """Who approved a letter version and, when an advocate did it for the driver, how the
    driver consented (a Consent's words; "" when the driver approved it themselves)."""

    who: str
    consent: str


def approval_of(letter: LetterVersion) -> Approval | None:
    """The latest approval of this version, as its audit event recorded it."""
    event = (
        AuditEvent.objects.filter(
            case_id_ref=letter.case_id,
            kind=EventKind.APPEAL_LETTER_APPROVED,
            data__version=letter.number,
        )
        .select_related("actor")
        .order_by("-seq")
        .first()
    )
    if event is None:
        return None
    who = event.actor.display_name() if event.actor is not None else event.actor_name
    code = event.data.get("consent")
    return Approval(who=who, consent=str(Consent(code).label) if code in Consent.values else "")
