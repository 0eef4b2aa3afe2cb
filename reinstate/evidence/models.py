"""The evidence locker: each case's items, and the originals they point at.

An original (a Blob) is stored once whatever the number of cases that hold it; an item is one
case's use of it, with the driver's description, its exhibit label and the checklist items it
satisfies.
"""

from __future__ import annotations

from django.db import models

from reinstate.accounts.models import User
from reinstate.cases.models import Case, ChecklistItem


class Blob(models.Model):
    """An original file in the blob store, and what was read from it at intake."""

    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField()
    media_type = models.CharField(max_length=100)
    family = models.CharField(max_length=10)  # image, pdf, text, audio or video
    label = models.CharField(max_length=60)  # "JPEG photo", "PDF"…
    # inspect.FileFacts.info(): size in pixels, photo time and place, camera, pages, notes.
    info = models.JSONField(default=dict)
    text = models.TextField(blank=True)  # a PDF's or text file's words, for search
    has_renditions = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.sha256


class EvidenceItem(models.Model):
    class Kind(models.TextChoices):
        PHOTO = "photo", "Photo"
        DELIVERY_RECORD = "delivery_record", "Delivery record"
        CHAT_LOG = "chat_log", "Chat log"
        EMAIL = "email", "Email"
        POLICE_REPORT = "police_report", "Police report"
        MAINTENANCE_RECORD = "maintenance_record", "Maintenance record"
        WITNESS_STATEMENT = "witness_statement", "Witness statement"
        GPS_TRACE = "gps_trace", "GPS trace"
        SCREENSHOT = "screenshot", "Screenshot"
        OTHER = "other", "Other"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    blob = models.ForeignKey(Blob, on_delete=models.PROTECT, related_name="items")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    filename = models.CharField(max_length=200)
    description = models.CharField(max_length=300, blank=True)
    proves = models.TextField(blank=True)
    note = models.TextField(blank=True)
    exhibit = models.CharField(max_length=8)
    position = models.PositiveIntegerField(default=0)
    # Set when a packet printed this label: from then on it never changes.
    label_locked = models.BooleanField(default=False)
    satisfies = models.ManyToManyField(ChecklistItem, related_name="evidence", blank=True)
    added_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "blob"], name="one_item_per_original_per_case")
        ]

    def __str__(self) -> str:
        return f"Exhibit {self.exhibit}"


class RetiredLabel(models.Model):
    """A label a packet printed for an item since withdrawn: no other item may take it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="retired_labels")
    label = models.CharField(max_length=8)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "label"], name="one_retired_label_per_case")
        ]


class IncidentDay(models.Model):
    """The day the case is about (the disputed delivery): photos from other days are flagged."""

    case = models.OneToOneField(
        Case, on_delete=models.CASCADE, primary_key=True, related_name="incident_day"
    )
    day = models.DateField()
    set_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    set_at = models.DateTimeField(auto_now=True)
