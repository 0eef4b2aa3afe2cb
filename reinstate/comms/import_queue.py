"""The web's mailbox import, run by a worker: the request keeps the upload and queues the job.

The worker first reads the files through, counting the picked messages it finds (the progress
the waiting page shows), then writes every contact in one transaction (imports.do_finish_import).
A worker killed at any point leaves nothing half-written: the queue runs the job again and it
imports everything exactly once. Reasons are stored in English; the page translates them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from reinstate.accounts.models import User
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.comms import tasks
from reinstate.comms.actions import CommsInputError
from reinstate.comms.imports import do_finish_import, mails_in, pending_sources
from reinstate.comms.mail import Skipped
from reinstate.comms.models import PendingImport
from reinstate.core.disk_full import is_disk_full

log = logging.getLogger(__name__)
REPORT_EVERY = 100  # messages read between two progress writes
Status = PendingImport.Status

UNREADABLE = gettext_noop(
    "Your file could not be read on the server (it may have been removed). "
    "Nothing was imported: upload it again."
)
DISK_FULL = gettext_noop(
    "The server's disk is full, so nothing was imported. Tell whoever runs this site, "
    "then try again."
)
BROKEN = gettext_noop("The import stopped on an error. Nothing was imported: try again.")
GAVE_UP = gettext_noop(
    "The import was stopped several times before it finished. Nothing was imported: try "
    "again, and if this keeps happening, tell whoever runs this site."
)


def do_queue_import(*, pending: PendingImport, actor: User, keys: Sequence[str]) -> None:
    """Queue the import of the picked messages; a worker runs it once this commits."""
    picked = list(dict.fromkeys(keys))
    if not picked:
        raise CommsInputError(_("Tick at least one message to import."))
    with transaction.atomic():
        # Only from "staged": two taps at once queue it once (the second finds it queued).
        queued = PendingImport.objects.filter(pk=pending.pk, status=Status.STAGED).update(
            picked=picked, status=Status.QUEUED, read=0, total=len(picked), reason=""
        )
        if not queued:
            return
        record_event(
            kind=EventKind.COMMS_IMPORT_QUEUED,
            actor=actor,
            case_id=pending.case_id,
            data={"import": pending.pk, "messages": len(picked)},
        )
        transaction.on_commit(lambda: tasks.import_mail.enqueue(pending.pk, actor.pk))


def do_fail_import(*, pending: PendingImport, reason: str) -> None:
    with transaction.atomic():
        PendingImport.objects.filter(pk=pending.pk).update(status=Status.FAILED, reason=reason)
        # No actor: the import failed, nobody did it (who asked is in comms.import_queued).
        record_event(
            kind=EventKind.COMMS_IMPORT_FAILED,
            actor=None,
            case_id=pending.case_id,
            data={"import": pending.pk, "reason": reason},
        )


def do_report_import_progress(*, pending: PendingImport, status: str, read: int) -> None:
    # Not audited: progress is a status for the waiting page, not a change to the case.
    PendingImport.objects.filter(pk=pending.pk).update(status=status, read=read)


def run_queued(pending_id: int, actor_id: int | None, *, attempt: int) -> str:
    """The queued import, in a worker: the import's status when it ends."""
    pending = PendingImport.objects.select_related("case").filter(pk=pending_id).first()
    if pending is None or not pending.running:
        return "gone" if pending is None else pending.status  # done before its worker died
    if attempt > settings.TASK_MAX_ATTEMPTS:
        # Each attempt stopped its worker (out of memory, a restart): another would too.
        do_fail_import(pending=pending, reason=GAVE_UP)
        return Status.FAILED
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    try:
        _read_through(pending)
        do_report_import_progress(pending=pending, status=Status.SAVING, read=pending.total)
        do_finish_import(pending=pending, actor=actor, keys=pending.picked, now=timezone.now())
    except OSError as error:
        log.warning("mail import %s failed: %s", pending.pk, error)
        do_fail_import(pending=pending, reason=DISK_FULL if is_disk_full(error) else UNREADABLE)
        return Status.FAILED
    except CommsInputError as error:
        do_fail_import(pending=pending, reason=str(error))
        return Status.FAILED
    except Exception:
        do_fail_import(pending=pending, reason=BROKEN)
        raise
    return Status.DONE


def _read_through(pending: PendingImport) -> None:
    """Read every file once, counting the picked messages found: the waiting page's progress,
    and a file that cannot be read fails here, before anything is written."""
    wanted = set(pending.picked)
    found: set[str] = set()
    do_report_import_progress(pending=pending, status=Status.READING, read=0)
    with pending_sources(pending) as sources:
        for mail in mails_in(sources):
            if isinstance(mail, Skipped) or mail.key not in wanted or mail.key in found:
                continue
            found.add(mail.key)
            if len(found) % REPORT_EVERY == 0:
                do_report_import_progress(pending=pending, status=Status.READING, read=len(found))
