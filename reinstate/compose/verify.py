"""`reinstate verify`: the audit chain and every stored original, checked in one report."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from reinstate.audit.queries import verify_chain
from reinstate.compose.verify_packets import stale_packet_problems
from reinstate.evidence.integrity import check_store


def verify_everything(case_id: int | None = None) -> list[dict[str, Any]]:
    """What `reinstate verify` reports: each event of the chain that does not match (the chain
    is always walked whole), then each original in the blob store (one case's, with case_id),
    then what an unfinished packet build left in packets/ (always the whole folder)."""
    problems: list[dict[str, Any]] = [
        {"kind": "audit_event", "seq": p.seq, "problem": p.problem} for p in verify_chain()
    ]
    problems += [p.as_json() for p in check_store(case_id)]
    return problems + stale_packet_problems(timezone.now())
