"""Appending to the audit log. Every write action in the app calls record_event."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from reinstate.audit.kinds import EventKind
from reinstate.audit.models import AuditEvent, ChainHead

if TYPE_CHECKING:  # the log names people; it needs nothing else of accounts
    from reinstate.accounts.models import User


def event_digest(
    *,
    seq: int,
    at: datetime,
    actor_name: str,
    kind: str,
    case_id: int | None,
    data: dict[str, Any],
    prev_hash: str,
) -> str:
    """The hash of one event: its own fields and the hash of the event before it."""
    body = json.dumps(
        {
            "seq": seq,
            "at": at.isoformat(),
            "actor": actor_name,
            "kind": kind,
            "case": case_id,
            "data": data,
            "prev": prev_hash,
        },
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def record_event(
    *,
    kind: EventKind,
    actor: User | None,
    case_id: int | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain, inside the caller's transaction."""
    # The plain string is what is stored and hashed; an unknown one (from a caller the type
    # checker did not see) raises ValueError here rather than entering the chain.
    kind_value = EventKind(kind).value
    payload = json.loads(json.dumps(data or {}, default=str))
    with transaction.atomic():
        head, _ = ChainHead.objects.select_for_update().get_or_create(pk=1)
        seq = head.count + 1
        at = timezone.now().replace(microsecond=0)
        actor_name = actor.username if actor is not None else "system"
        digest = event_digest(
            seq=seq,
            at=at,
            actor_name=actor_name,
            kind=kind_value,
            case_id=case_id,
            data=payload,
            prev_hash=head.last_hash,
        )
        event = AuditEvent.objects.create(
            seq=seq,
            at=at,
            actor=actor,
            actor_name=actor_name,
            kind=kind_value,
            case_id_ref=case_id,
            data=payload,
            prev_hash=head.last_hash,
            hash=digest,
        )
        head.count = seq
        head.last_hash = digest
        head.save(update_fields=["count", "last_hash"])
    return event
