"""Reads of a driver's records. Records are the driver's alone: an advocate of a case they shared
does not see them, and anyone else gets 404 for every record and file."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.http import Http404

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.records.models import Record, RecordFile, RecordUse

# The days a case's notice looks back on: what the driver kept then is offered to the case.
OFFER_DAYS = 30


def records_of(user: User) -> QuerySet[Record]:
    """The driver's records, the newest first, with their files."""
    return Record.objects.filter(owner=user).prefetch_related("files__blob").order_by("-at", "-pk")


def get_record_for_user(user: User, record_id: int) -> Record:
    try:
        return records_of(user).get(pk=record_id)
    except (Record.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None


def get_file_for_user(user: User, record_id: int, file_id: int) -> RecordFile:
    record = get_record_for_user(user, record_id)
    try:
        return RecordFile.objects.select_related("blob", "record").get(pk=file_id, record=record)
    except (RecordFile.DoesNotExist, ValueError, TypeError):
        raise Http404("No such file") from None


def notice_known(case: Case) -> bool:
    return case.received_source != Case.ReceivedSource.ASSUMED_NOW


def offer_window(case: Case) -> tuple[datetime, datetime]:
    """From OFFER_DAYS days before the notice arrived to the end of that day, in its zone."""
    arrived = case.received_at.astimezone(case.tz)
    end = arrived.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    return arrived - timedelta(days=OFFER_DAYS), end


def offered(case: Case, records: list[int] | None = None) -> list[Record]:
    """The owner's records from the days before the notice not yet added to the case; none
    while nobody said when the notice arrived. `records` narrows to those ids."""
    if not notice_known(case):
        return []
    start, end = offer_window(case)
    used = RecordUse.objects.filter(case=case).values("record_id")
    found = records_of(case.owner).filter(at__gte=start, at__lt=end).exclude(pk__in=used)
    if records is not None:
        found = found.filter(pk__in=records)
    return list(found)


def uses_of(record: Record) -> list[RecordUse]:
    return list(record.uses.select_related("case").order_by("added_at"))
