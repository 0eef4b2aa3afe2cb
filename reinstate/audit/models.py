"""The audit log: append-only, each event carrying the hash of the one before it."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ChainHead(models.Model):
    """A single row locked while an event is appended, so the chain never forks.

    SQLite serialises writers anyway; on PostgreSQL several web processes may
    append at once, and SELECT ... FOR UPDATE on this row puts them in line.
    """

    last_hash = models.CharField(max_length=64, default="0" * 64)
    count = models.PositiveBigIntegerField(default=0)


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    kind = models.CharField(max_length=64)
    case_id_ref = models.BigIntegerField(null=True, blank=True, db_index=True)
    data = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]

    def __str__(self) -> str:
        return f"#{self.seq} {self.kind}"
