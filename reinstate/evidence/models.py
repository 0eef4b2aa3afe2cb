"""The evidence locker: each case's items, and the originals they point at.

An original (a Blob) is stored once whatever the number of cases that hold it; an item is one
case's use of it, with the driver's description, its exhibit label and the checklist items it
satisfies.

A withdrawn item is out of its case at once but kept, with its original, for
settings.WITHDRAWN_KEEP_DAYS so that the driver can put it back (reinstate.evidence.purge deletes
it after). `EvidenceItem.objects`, and so every related manager (case.evidence, a checklist item's
evidence, a statement's exhibits, a contact's attachments), sees only the items in the case;
`EvidenceItem.all_objects` sees the withdrawn ones too.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

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
    has_renditions = models.BooleanField(default=False)  # the page image and thumbnail exist
    # Queued (evidence/tasks.py) and not made yet: the pages show a placeholder meanwhile.
    preview_pending = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.sha256


class InCaseManager(models.Manager["EvidenceItem"]):
    """Items that are in their case: withdrawn ones are left out."""

    def get_queryset(self) -> models.QuerySet[EvidenceItem]:
        return super().get_queryset().filter(withdrawn_at__isnull=True)


class EvidenceItem(models.Model):
    class Kind(models.TextChoices):
        PHOTO = "photo", gettext_lazy("Photo")
        DELIVERY_RECORD = "delivery_record", gettext_lazy("Delivery record")
        CHAT_LOG = "chat_log", gettext_lazy("Chat log")
        EMAIL = "email", gettext_lazy("Email")
        POLICE_REPORT = "police_report", gettext_lazy("Police report")
        MAINTENANCE_RECORD = "maintenance_record", gettext_lazy("Maintenance record")
        WITNESS_STATEMENT = "witness_statement", gettext_lazy("Witness statement")
        GPS_TRACE = "gps_trace", gettext_lazy("GPS trace")
        SCREENSHOT = "screenshot", gettext_lazy("Screenshot")
        OTHER = "other", gettext_lazy("Other")

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
    # Set when the driver withdrew it: out of the case, kept until it can no longer be put back.
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    all_objects = models.Manager()  # every item, withdrawn or not
    objects = InCaseManager()

    class Meta:
        # Related managers (case.evidence, a checklist item's evidence…) are made from the
        # default manager: they see only the items in the case.
        default_manager_name = "objects"
        ordering = ["position", "pk"]
        # A withdrawn item keeps its row (and so its place in this rule): adding the same file
        # again puts it back (evidence.actions.do_add_evidence).
        constraints = [
            models.UniqueConstraint(fields=["case", "blob"], name="one_item_per_original_per_case")
        ]
        indexes = [models.Index(fields=["withdrawn_at"], name="evidence_withdrawn_at")]

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
