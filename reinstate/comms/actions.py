"""Writes to the support log. Each runs in one transaction and appends an audit event.

Files (screenshots, email attachments) go to the evidence locker through its own action, which
stores them once and records its own event; the contact then links to the items.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO

from django.db import transaction
from django.utils.translation import gettext as _

from reinstate.accounts.models import User
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.cases.models import Case
from reinstate.comms.bulk import insert_contacts, insert_links, insert_tickets
from reinstate.comms.mail import About, Mail, Skipped
from reinstate.comms.models import Channel, Contact, Direction, Ticket
from reinstate.evidence.actions import do_add_evidence, safe_filename
from reinstate.evidence.models import EvidenceItem
from reinstate.evidence.sniff import EvidenceFileError
from reinstate.lib.bulk_insert import paused_gc
from reinstate.rules.comms.chat import Turn
from reinstate.rules.notice.references import ticket_numbers

MAX_SUMMARY = 500
MAX_AGENT = 200
# Imported messages are written this many at a time: one query finds which are already kept.
BATCH = 500


class CommsInputError(ValueError):
    """Input a person can fix; the message says what to do."""


@dataclass(frozen=True)
class Upload:
    name: str
    source: BinaryIO


@dataclass
class ImportResult:
    added: int = 0
    duplicates: int = 0
    not_about_case: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    tickets: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "not_about_case": self.not_about_case,
            "skipped": [{"item": s.item, "reason": s.reason} for s in self.skipped],
            "tickets": self.tickets,
        }


def clean_tickets(values: Iterable[str]) -> list[str]:
    """Ticket numbers as a person typed them: "#123", " 123 " and "123" are one ticket."""
    cleaned = (value.strip().lstrip("#").strip()[:64] for value in values)
    return list(dict.fromkeys(value for value in cleaned if value))


def do_add_contact(
    *,
    case: Case,
    actor: User | None,
    channel: str,
    direction: str,
    at: datetime,
    summary: str,
    agent: str = "",
    body: str = "",
    at_known: bool = True,
    tickets: Sequence[str] = (),
    files: Sequence[Upload] = (),
    turns: Sequence[Turn] = (),
    source_key: str = "",
) -> Contact:
    """Log one contact by hand (or a pasted chat). Its files are kept as evidence first."""
    summary = " ".join(summary.split())[:MAX_SUMMARY]
    if channel not in Channel.values:
        raise CommsInputError(
            _("Unknown channel %(channel)r: use one of %(channels)s.")
            % {"channel": channel, "channels": ", ".join(Channel.values)}
        )
    if direction not in Direction.values:
        raise CommsInputError(_("Say who contacted whom: to_platform or from_platform."))
    if at.tzinfo is None:
        raise CommsInputError(_("The time needs a time zone offset, like 2026-11-03T10:00-08:00."))
    if not summary:
        raise CommsInputError(_("Write a few words about what was said."))
    numbers = clean_tickets([*tickets, *ticket_numbers(f"{summary}\n{body[:5000]}")])
    items = _keep_files(case, actor, files, about=summary)
    with transaction.atomic():
        if source_key and case.contacts.filter(source_key=source_key).exists():
            raise CommsInputError(_("This chat is already in the support log."))
        contact = Contact.objects.create(
            case=case,
            channel=channel,
            direction=direction,
            at=at,
            at_known=at_known,
            agent=" ".join(agent.split())[:MAX_AGENT],
            summary=summary,
            body=body,
            turns=[turn.as_dict() for turn in turns],
            source_key=source_key,
            added_by=actor,
        )
        contact.tickets.set(_tickets_for(case, numbers).values())
        contact.attachments.set(items)
        record_event(
            kind=EventKind.COMMS_CONTACT_ADDED,
            actor=actor,
            case_id=case.pk,
            data={
                "contact": contact.pk,
                "channel": channel,
                "direction": direction,
                "at": at.isoformat(),
                "tickets": numbers,
                "evidence": [item.pk for item in items],
            },
        )
    return contact


def chat_key(text: str) -> str:
    """A pasted chat's identity: the same words pasted again are the same chat."""
    normal = "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    return "sha256:" + hashlib.sha256(normal.encode()).hexdigest()


def do_import_mails(
    *,
    case: Case,
    actor: User | None,
    mails: Iterable[Mail | Skipped],
    now: datetime,
    about: About | None = None,
) -> ImportResult:
    """Import emails read from files, a batch at a time, in one transaction and one event.

    A message already kept (same Message-ID, else same content) is counted, not added again.
    """
    result = ImportResult()
    driver_address = (case.owner.email or "").lower()
    tickets: dict[str, int] = {}  # number -> id
    # Thousands of messages make objects that live to the end of a batch: the collector
    # would walk them again and again for nothing (up to a fifth of its CPU time, measured).
    with paused_gc(), transaction.atomic():
        batch: list[Mail] = []
        for mail in mails:
            if isinstance(mail, Skipped):
                result.skipped.append(mail)
            elif about is not None and not about.matches(mail):
                result.not_about_case += 1
            else:
                batch.append(mail)
                if len(batch) >= BATCH:
                    _import_batch(case, actor, batch, now, driver_address, tickets, result)
                    batch = []
        _import_batch(case, actor, batch, now, driver_address, tickets, result)
        result.tickets = list(tickets)
        record_event(
            kind=EventKind.COMMS_IMPORTED,
            actor=actor,
            case_id=case.pk,
            data=result.as_json() | {"skipped": len(result.skipped)},
        )
    return result


def _import_batch(
    case: Case,
    actor: User | None,
    batch: list[Mail],
    now: datetime,
    driver_address: str,
    tickets: dict[str, int],
    result: ImportResult,
) -> None:
    if not batch:
        return
    kept = set(
        case.contacts.filter(source_key__in=[m.key for m in batch]).values_list(
            "source_key", flat=True
        )
    )
    fresh: dict[str, Mail] = {}
    for mail in batch:
        if mail.key in kept or mail.key in fresh:
            result.duplicates += 1
        else:
            fresh[mail.key] = mail
    ids = insert_contacts(
        [_contact_row(actor, mail, now, driver_address) for mail in fresh.values()],
        case_id=case.pk,
        now=now,
    )
    needed = dict.fromkeys(number for mail in fresh.values() for number in mail.tickets)
    tickets.update(_ticket_ids(case, [n for n in needed if n not in tickets]))
    ticket_links = [
        (ids[mail.key], tickets[number])
        for mail in fresh.values()
        for number in dict.fromkeys(mail.tickets)
    ]
    file_links = []
    for mail in fresh.values():
        for attachment in mail.attachments:
            try:
                item = _keep_file(
                    case,
                    actor,
                    Upload(attachment.filename, io.BytesIO(attachment.data)),
                    about=f"Attached to the email “{mail.subject or mail.label}”",  # i18n: kept
                )
            except EvidenceFileError as error:
                name = safe_filename(attachment.filename)
                result.skipped.append(Skipped(f"{mail.label}: {name}", str(error)))
            else:
                file_links.append((ids[mail.key], item.pk))
    insert_links(Contact.tickets.through, ("contact", "ticket"), ticket_links)
    # A message may carry the same file twice: it is one item, linked once.
    insert_links(
        Contact.attachments.through, ("contact", "evidenceitem"), list(dict.fromkeys(file_links))
    )
    result.added += len(ids)


def _contact_row(
    actor: User | None, mail: Mail, now: datetime, driver_address: str
) -> dict[str, Any]:
    sent_by_driver = bool(driver_address) and mail.sender_address == driver_address
    # Stored as the contact's summary: English whatever the page's language.
    untitled = "(no subject)"  # i18n: stored
    summary = mail.subject or " ".join(mail.body[:1000].split())[:200] or untitled
    return {
        "channel": Channel.EMAIL,
        "direction": Direction.TO_PLATFORM if sent_by_driver else Direction.FROM_PLATFORM,
        "at": mail.at or now,
        "at_known": mail.at is not None,
        "agent": "",
        "sender": mail.sender,
        "subject": mail.subject,
        "summary": summary[:MAX_SUMMARY],
        "body": mail.body,
        "source_key": mail.key[:300],
        "added_by": actor.pk if actor else None,
    }


def _tickets_for(case: Case, numbers: Iterable[str]) -> dict[str, Ticket]:
    wanted = list(dict.fromkeys(number[:64] for number in numbers))
    if not wanted:
        return {}
    Ticket.objects.bulk_create(
        [Ticket(case=case, number=number) for number in wanted], ignore_conflicts=True
    )
    return {t.number: t for t in Ticket.objects.filter(case=case, number__in=wanted)}


def _ticket_ids(case: Case, numbers: Iterable[str]) -> dict[str, int]:
    """The ids of a case's tickets by number, adding those it lacks."""
    return insert_tickets(case_id=case.pk, numbers=[number[:64] for number in numbers])


def _keep_files(
    case: Case, actor: User | None, files: Sequence[Upload], *, about: str
) -> list[EvidenceItem]:
    try:
        return [_keep_file(case, actor, upload, about=about) for upload in files]
    except EvidenceFileError as error:
        raise CommsInputError(str(error)) from None


def _keep_file(case: Case, actor: User | None, upload: Upload, *, about: str) -> EvidenceItem:
    # The locker reads the kind from the bytes (a PNG is a screenshot) and names it safely.
    added = do_add_evidence(
        case=case, actor=actor, source=upload.source, filename=upload.name, description=about
    )
    return added.item
