"""A driver's own records, kept before any trouble: a diary of their blocks, not tied to a case.

A record is one entry: when it happened (in the driver's zone), what it was about (a note, a
problem on the route, a call or chat with support), the driver's words and, for support, who
they spoke to. Its files are originals in the evidence blob store (an evidence Blob, stored once
by its SHA-256 whatever holds it), so a record added to a case gives the case the very same
original. A RecordUse says a record went into a case: it is never added twice.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.comms.models import Contact
from reinstate.evidence.models import Blob


class Kind(models.TextChoices):
    NOTE = "note", gettext_lazy("A note or photos")
    LOCKED_BUILDING = "locked_building", gettext_lazy("Locked building")
    NO_SAFE_PLACE = "no_safe_place", gettext_lazy("No safe place to leave it")
    APP_PROBLEM = "app_problem", gettext_lazy("Problem with the app")
    CUSTOMER_ABSENT = "customer_absent", gettext_lazy("Customer not there")
    WRONG_ADDRESS = "wrong_address", gettext_lazy("Address wrong")
    OTHER_PROBLEM = "other_problem", gettext_lazy("Other problem on the route")
    SUPPORT_CALL = "support_call", gettext_lazy("Call with support")
    SUPPORT_CHAT = "support_chat", gettext_lazy("Chat with support")


ROUTE_PROBLEMS = (
    Kind.LOCKED_BUILDING,
    Kind.NO_SAFE_PLACE,
    Kind.APP_PROBLEM,
    Kind.CUSTOMER_ABSENT,
    Kind.WRONG_ADDRESS,
    Kind.OTHER_PROBLEM,
)
SUPPORT_KINDS = (Kind.SUPPORT_CALL, Kind.SUPPORT_CHAT)


class Record(models.Model):
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="records")
    at = models.DateTimeField()  # when it happened
    # The zone the driver wrote it in: it is shown on that clock, as they saw it.
    time_zone = models.CharField(max_length=64)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NOTE)
    note = models.TextField(blank=True)  # for support: what was said
    who = models.CharField(max_length=200, blank=True)  # for support: who they spoke to
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["owner", "at"], name="record_owner_at")]

    def __str__(self) -> str:
        return f"Record {self.pk}"

    @property
    def is_support(self) -> bool:
        return self.kind in SUPPORT_KINDS


class RecordFile(models.Model):
    """One file kept with a record: its original is an evidence Blob, never changed."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="files")
    # PROTECT: an original a record holds is never deleted from under it (the purge of withdrawn
    # evidence and the deletion of another account keep it; see evidence/holders.py).
    blob = models.ForeignKey(Blob, on_delete=models.PROTECT, related_name="record_files")
    filename = models.CharField(max_length=200)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["record", "blob"], name="one_file_per_original")
        ]


class RecordUse(models.Model):
    """A record added to a case (its files to the evidence, a support call to the log)."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="uses")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record", "case"], name="one_use_per_record_per_case")
        ]
