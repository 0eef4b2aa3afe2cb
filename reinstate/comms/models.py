"""The support log: every email, chat, call and visit with a platform's support, per case.

A contact is one exchange (an email, a chat, a call). Ticket numbers found in it or given by
the driver group contacts into threads (one Ticket per number per case). An imported message
keeps its Message-ID, else a hash of its content, so importing it again adds nothing.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.evidence.models import EvidenceItem


class Channel(models.TextChoices):
    EMAIL = "email", gettext_lazy("Email")
    IN_APP_CHAT = "in_app_chat", gettext_lazy("In-app chat")
    PHONE = "phone", gettext_lazy("Phone")
    IN_PERSON = "in_person", gettext_lazy("In person")
    WEB_FORM = "web_form", gettext_lazy("Web form")


class Direction(models.TextChoices):
    TO_PLATFORM = "to_platform", gettext_lazy("I contacted them")
    FROM_PLATFORM = "from_platform", gettext_lazy("They contacted me")


class Ticket(models.Model):
    """A ticket or case number support gave: the contacts that carry it form one thread."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tickets")
    number = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="one_ticket_per_number")
        ]

    def __str__(self) -> str:
        return self.number


class Contact(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    channel = models.CharField(max_length=16, choices=Channel.choices)
    direction = models.CharField(max_length=16, choices=Direction.choices)
    at = models.DateTimeField(db_index=True)
    # False when the source gave no time (an email without a Date): `at` is when it was imported.
    at_known = models.BooleanField(default=True)
    agent = models.CharField(max_length=200, blank=True)
    sender = models.CharField(max_length=300, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    summary = models.CharField(max_length=500)
    body = models.TextField(blank=True)
    # Chat transcripts: [{"speaker", "side", "time", "text"}], as the driver confirmed them.
    turns = models.JSONField(default=list, blank=True)
    # Message-ID of an imported email, else "sha256:<hex>" of its content; "" for manual entries.
    source_key = models.CharField(max_length=300, blank=True)
    tickets = models.ManyToManyField(Ticket, related_name="contacts", blank=True)
    attachments = models.ManyToManyField(EvidenceItem, related_name="contacts", blank=True)
    added_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        # An import looks up hundreds of keys at once: the partial unique index cannot serve it.
        indexes = [models.Index(fields=["case", "source_key"], name="contact_source_key")]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "source_key"],
                condition=~models.Q(source_key=""),
                name="one_contact_per_imported_message",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.at:%Y-%m-%d}"


class FollowUpSent(models.Model):
    """A follow-up reminder emailed for a contact that went unanswered: never sent twice."""

    contact = models.OneToOneField(
        Contact, on_delete=models.CASCADE, primary_key=True, related_name="follow_up_sent"
    )
    sent_at = models.DateTimeField()


class PendingImport(models.Model):
    """Email files uploaded and previewed, waiting for the driver to pick what to import.

    The files wait under comms-pending/ in the data storage (REINSTATE_HOME, or the bucket
    when one is set; not in memory, not in the database: an mbox may be large), so any web
    process, and the worker that imports them, can read them.
    """

    class Status(models.TextChoices):
        STAGED = "staged"  # uploaded, the driver is picking
        QUEUED = "queued"  # picked, waiting for a worker
        READING = "reading"  # a worker is reading the files: `read` of `total` found
        SAVING = "saving"  # writing the contacts, in one transaction
        DONE = "done"
        FAILED = "failed"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    # [{"name": shown name, "path": file name in the pending folder}]
    files = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    # The queued import: the picked messages' keys, its progress for the waiting page, and
    # what it did (ImportResult.as_json) or why it failed (in English; the page translates).
    picked = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.STAGED)
    read = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    result = models.JSONField(default=dict)
    reason = models.CharField(max_length=300, blank=True)

    @property
    def running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.READING, self.Status.SAVING)
