"""A confirmed spreadsheet of blocks is imported by a worker, not in the request.

The import is one transaction that also marks the file imported (imports._import): a worker
killed midway leaves nothing, and the job run again imports the file exactly once. A refusal
puts the file back as it was, waiting, with the reason in its owner's language.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from reinstate.accounts.models import User
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.health import tasks
from reinstate.health.actions import HealthInputError
from reinstate.health.imports import do_confirm_import
from reinstate.health.models import BlockImport

Status = BlockImport.Status
BROKEN = gettext_noop("The import stopped on an error. Nothing was added: try again.")
GAVE_UP = gettext_noop(
    "The import was stopped several times before it finished. Nothing was added: try again, "
    "and if this keeps happening, tell whoever runs this site."
)


def do_queue_import(*, staged: BlockImport, actor: User) -> None:
    """Queue the import of a checked file; a worker runs it once this commits."""
    if staged.status != Status.PENDING or staged.data is None:
        raise HealthInputError(_("This file was already imported."))
    with transaction.atomic():
        # Only from "pending": two taps at once queue it once.
        queued = BlockImport.objects.filter(pk=staged.pk, status=Status.PENDING).update(
            status=Status.QUEUED, reason=""
        )
        if not queued:
            raise HealthInputError(_("This file was already imported."))
        record_event(kind=EventKind.HEALTH_IMPORT_QUEUED, actor=actor, data={"import": staged.pk})
        transaction.on_commit(lambda: tasks.import_blocks.enqueue(staged.pk, actor.pk))


def do_fail_import(*, staged: BlockImport, reason: str) -> None:
    """The queued import did not happen: the file waits again, whole, with the reason."""
    with transaction.atomic():
        BlockImport.objects.filter(pk=staged.pk).update(status=Status.PENDING, reason=reason[:300])
        # No actor: the import failed, nobody did it (who asked is in health.import_queued).
        record_event(
            kind=EventKind.HEALTH_IMPORT_FAILED,
            actor=None,
            data={"import": staged.pk, "reason": reason[:300]},
        )


def run_queued(import_id: int, actor_id: int, *, attempt: int) -> str:
    """The queued import, in a worker: the file's status when it ends."""
    staged = BlockImport.objects.select_related("owner").filter(pk=import_id).first()
    if staged is None or staged.status != Status.QUEUED:
        return "gone" if staged is None else staged.status  # done before its worker died
    actor = User.objects.filter(pk=actor_id).first() or staged.owner
    # The reason a file is refused is shown to its owner: in their language.
    with translation.override(staged.owner.language or settings.LANGUAGE_CODE):
        if attempt > settings.TASK_MAX_ATTEMPTS:
            do_fail_import(staged=staged, reason=_(GAVE_UP))
            return Status.PENDING
        try:
            do_confirm_import(staged=staged, actor=actor)
        except HealthInputError as error:
            do_fail_import(staged=staged, reason=str(error))
            return Status.PENDING
        except Exception:
            do_fail_import(staged=staged, reason=_(BROKEN))
            raise
    return Status.DONE
