"""Writes of the policies app: a new version of a policy's text, stored once it changed."""

from __future__ import annotations

import hashlib
from datetime import datetime

from django.db import transaction

from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.policies.models import PolicyVersion


def do_store_policy_version(
    *, policy: str, url: str, text: str, fetched_at: datetime
) -> PolicyVersion | None:
    """Keep `text` as the policy's next version, unless it is the text of its last version
    (then nothing is written: None). One event per version stored."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with transaction.atomic():
        last = (
            PolicyVersion.objects.select_for_update()
            .filter(policy=policy)
            .order_by("-number")
            .first()
        )
        if last is not None and last.sha256 == digest:
            return None
        version = PolicyVersion.objects.create(
            policy=policy,
            number=(last.number + 1) if last else 1,
            url=url,
            fetched_at=fetched_at,
            text=text,
            sha256=digest,
        )
        record_event(
            kind=EventKind.POLICY_VERSION_STORED,
            actor=None,
            data={"policy": policy, "version": version.number, "url": url, "sha256": digest},
        )
    return version
