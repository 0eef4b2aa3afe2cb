"""Account health: the driver's delivery blocks, what they watch, and what we told them.

Everything here belongs to one driver (``owner``); nobody else reads it (see queries.py).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.rules.health.expiry import DOCUMENT_KINDS
from reinstate.rules.health.standing import STATUS_TITLES


class Block(models.Model):
    """One delivery block. Its identity is its start, to the minute, per driver and platform."""

    class Source(models.TextChoices):
        FORM = "form", gettext_lazy("Recorded in the app")
        IMPORT = "import", gettext_lazy("Imported from a file")

    # Indexed by the unique (owner, platform, block_start) alone: one index less to keep up to
    # date makes an import of 100,000 blocks noticeably quicker.
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks", db_index=False)
    platform = models.CharField(max_length=32)
    block_start = models.DateTimeField()
    block_end = models.DateTimeField()
    arrived_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=24, choices=list(STATUS_TITLES.items()))
    # Empty (NULL) means not recorded, which is not the same as 0.
    packages_assigned = models.PositiveIntegerField(null=True, blank=True)
    packages_delivered = models.PositiveIntegerField(null=True, blank=True)
    packages_returned = models.PositiveIntegerField(null=True, blank=True)
    late_deliveries = models.PositiveIntegerField(null=True, blank=True)
    dnr_reports = models.PositiveIntegerField(null=True, blank=True)
    earnings = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    tips = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    miles = models.DecimalField(max_digits=8, decimal_places=1, null=True, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.FORM)
    imported_by = models.ForeignKey(
        "BlockImport",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="blocks",
        db_index=False,  # only ever looked up when an import is deleted, which is rare
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-block_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "platform", "block_start"], name="one_block_per_start"
            )
        ]


class BlockImport(models.Model):
    """A CSV file of blocks: kept while the driver checks the preview, then what it added."""

    class Status(models.TextChoices):
        PENDING = "pending", gettext_lazy("Waiting for you to confirm")
        QUEUED = "queued", gettext_lazy("Importing")  # confirmed: a worker imports it
        DONE = "done", gettext_lazy("Imported")

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="block_imports")
    platform = models.CharField(max_length=32)
    filename = models.CharField(max_length=200, blank=True)
    time_zone = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    # The file itself until it is imported (in the database, so any web process can confirm).
    data = models.BinaryField(null=True, blank=True)
    mapping = models.JSONField(default=dict)  # field -> column position, as the driver chose
    rows = models.PositiveIntegerField(default=0)
    added = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    rejected = models.JSONField(default=list)  # [{"line", "error"}]
    created_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    # Why the last queued import of it failed (in its owner's language): the file is back to
    # PENDING, whole, for the driver to fix the columns or discard it.
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at"]


class WatchLevel(models.Model):
    """A level the driver wants to hear about, where the platform publishes none."""

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="watch_levels")
    platform = models.CharField(max_length=32)
    metric = models.CharField(max_length=40)
    level = models.FloatField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["platform", "metric"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "platform", "metric"], name="one_watch_level_per_metric"
            )
        ]


class Target(models.Model):
    """A corrective action plan's target, kept after reinstatement: "on time at least 95 %".

    Set by hand, or from a reinstated case's plan ("Keep watching your plan"): then ``case``
    names it, and the case page shows how the target is going.
    """

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="health_targets")
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="health_targets"
    )
    platform = models.CharField(max_length=32)
    metric = models.CharField(max_length=40)
    threshold = models.FloatField()
    since = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["platform", "metric", "-since"]


class Reading(models.Model):
    """A number the platform's app shows (a rating, a completion rate) or one event it counts
    (a violation), for measures that block records cannot give."""

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="health_readings")
    platform = models.CharField(max_length=32)
    metric = models.CharField(max_length=40)
    value = models.FloatField()
    observed_at = models.DateTimeField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-observed_at"]
        indexes = [models.Index(fields=["owner", "platform", "metric", "observed_at"])]


class StandingReading(models.Model):
    """The standing the platform's app showed on a day: its tier and the measures behind it,
    typed in or read from a screenshot (then the picture's SHA-256 and the text read from it
    are kept beside what the driver confirmed; the picture itself is not)."""

    class Source(models.TextChoices):
        FORM = "form", gettext_lazy("Typed in")
        SCREENSHOT = "screenshot", gettext_lazy("Read from a screenshot")

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="standing_readings")
    platform = models.CharField(max_length=32)
    observed_on = models.DateField()
    tier = models.CharField(max_length=16, blank=True)  # rules/health/standing_screen.py TIERS
    parts = models.JSONField(default=dict, blank=True)  # {"reliability": "great"}
    percents = models.JSONField(default=dict, blank=True)  # {"delivery_completion": 0.985}
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.FORM)
    screenshot_sha256 = models.CharField(max_length=64, blank=True)
    screenshot_text = models.TextField(blank=True)
    note = models.CharField(max_length=300, blank=True)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-observed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "platform", "observed_on"], name="one_standing_a_day"
            )
        ]


class PaymentChange(models.Model):
    """The driver's note that the payment details on a platform account changed."""

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="payment_changes")
    platform = models.CharField(max_length=32)
    changed_at = models.DateTimeField()
    by_driver = models.BooleanField(default=False)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-changed_at"]


class Document(models.Model):
    """A document that expires: a licence, insurance, a registration, a background check."""

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="health_documents")
    kind = models.CharField(max_length=32, choices=list(DOCUMENT_KINDS.items()))
    title = models.CharField(max_length=120, blank=True)
    expires_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["expires_on", "pk"]

    @property
    def name(self) -> str:
        """The driver's own name for it, else its kind in the reader's language."""
        return self.title or _(DOCUMENT_KINDS.get(self.kind, self.kind))


class Alert(models.Model):
    """A warning about the driver's numbers, open while its cause lasts (one per ``key``)."""

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="health_alerts")
    platform = models.CharField(max_length=32)
    key = models.CharField(max_length=200)
    kind = models.CharField(max_length=20)
    title = models.CharField(max_length=300)
    detail = models.TextField(blank=True)
    opened_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "key"],
                condition=models.Q(resolved_at__isnull=True),
                name="one_open_alert_per_key",
            )
        ]


class ReminderSent(models.Model):
    """A reminder `reinstate remind` emailed (a document expiring, an alert, the weekly
    check-in), so that running it again sends nothing twice. One email may carry several."""

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="health_reminders_sent")
    key = models.CharField(max_length=200)  # "document:12:2026-12-01:7", "alert:5", "weekly:…"
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "key"], name="send_once")]
