"""A case: one notice a driver received, what it means, and the work towards an appeal."""

from __future__ import annotations

import hashlib
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language, gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from reinstate.accounts.models import Organisation, User

# The guided path's reading steps, as Case.steps_seen names them: pages with nothing to fill
# in, done once the driver has read them and pressed "Continue".
MEANING_STEP, DEADLINE_STEP = "meaning", "deadline"
READING_STEPS = (MEANING_STEP, DEADLINE_STEP)


class Case(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="cases")
    # Shared with an organisation: its advocates see the case too.
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="cases"
    )

    class Outcome(models.TextChoices):
        NONE = "", _("Not said")
        REINSTATED = "reinstated", _("Reinstated")
        DENIED = "denied", _("Appeal denied")
        OTHER = "other", _("Closed without an answer, or other")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    # How the case ended, as the driver said when closing it; reopening clears it.
    outcome = models.CharField(max_length=12, choices=Outcome.choices, default="", blank=True)
    reinstated_on = models.DateField(null=True, blank=True)
    outcome_note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The notice as received.
    notice_text = models.TextField()
    notice_filename = models.CharField(max_length=200, blank=True)
    notice_subject = models.CharField(max_length=300, blank=True)
    notice_sender = models.CharField(max_length=300, blank=True)
    received_at = models.DateTimeField()

    class ReceivedSource(models.TextChoices):
        GIVEN = "given", _("as you said")
        EMAIL_HEADER = "email_header", _("from the email's date")
        ASSUMED_NOW = "assumed_now", _("assumed: when the case was opened")

    # How the received time was known: the deadline counts from it, so the page says so.
    received_source = models.CharField(
        max_length=16, choices=ReceivedSource.choices, default=ReceivedSource.ASSUMED_NOW
    )
    time_zone = models.CharField(max_length=64)

    # The reader's findings, kept as read (phrases, references) for explanation.
    reading = models.JSONField(default=dict)

    # The reading in force: the reader's, or the driver's correction of it.
    platform = models.CharField(max_length=32, null=True, blank=True)
    kind = models.CharField(max_length=32)
    reason = models.CharField(max_length=32, null=True, blank=True)
    stated_deadline = models.DateTimeField(null=True, blank=True)
    stated_deadline_words = models.CharField(max_length=300, blank=True)

    # The deadline the app acts on, and which rule gave it.
    deadline = models.DateTimeField(null=True, blank=True, db_index=True)
    deadline_source = models.CharField(max_length=16, blank=True)
    deadline_rule = models.TextField(blank=True)
    deadline_confidence = models.CharField(max_length=16, blank=True)
    deadline_source_url = models.URLField(max_length=500, blank=True)
    deadline_is_default = models.BooleanField(default=False)
    ask_support_to_confirm = models.BooleanField(default=False)
    law_notes = models.JSONField(default=list)
    # The work plan counts back from the deadline as it stood at this moment.
    plan_anchor = models.DateTimeField()
    # The READING_STEPS the driver has been through: nothing else records that a page was
    # read, and the "Next" card moves on from them.
    steps_seen = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = [models.F("deadline").asc(nulls_last=True), "-created_at"]

    def __str__(self) -> str:
        return f"Case {self.pk}"

    @property
    def tz(self) -> ZoneInfo:
        """The zone the case's times are shown and read in: the owner's profile zone (so
        changing it there changes every page), else the zone the case was opened in."""
        return ZoneInfo(self.owner.time_zone or self.time_zone)


# The stated deadline's words once the driver corrected the date (kept in English; shown
# translated).
CORRECTED_WORDS = gettext_noop("corrected by you")

# What a correction changed, as the page names it (Correction.field holds the key).
CORRECTED_FIELDS = {
    "platform": _("Platform"),
    "kind": _("What happened to the account"),
    "reason": _("Reason"),
    "stated_deadline": _("Deadline the notice states"),
    "received_at": _("When it arrived"),
}


class Correction(models.Model):
    """A driver's correction of what the reader found; the reader's value is kept."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="corrections")
    field = models.CharField(max_length=32)
    old_value = models.CharField(max_length=100, blank=True)
    new_value = models.CharField(max_length=100, blank=True)
    by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    @property
    def field_label(self) -> str:
        """The field's name in another language; in English the key, as the page always said."""
        if (get_language() or "en").startswith("en"):
            return self.field
        return str(CORRECTED_FIELDS.get(self.field, self.field))

    @property
    def old_shown(self) -> str:
        return _shown_value(self.field, self.old_value)

    @property
    def new_shown(self) -> str:
        return _shown_value(self.field, self.new_value)


def _shown_value(field: str, value: str) -> str:
    """A corrected value as kept (a key, an ISO time); in another language than English, the
    catalogue's title or the time in the reader's words. English shows it as it always did."""
    if not value or (get_language() or "en").startswith("en"):
        return value
    from reinstate.lib.dates import when
    from reinstate.rules.catalogue.files import load_catalogue

    catalogue = load_catalogue()
    if field == "platform" and value in catalogue.platforms:
        return catalogue.platforms[value].name
    if field == "kind" and value in catalogue.kinds:
        return gettext(catalogue.kinds[value].title)
    if field == "reason" and value in catalogue.reasons:
        return gettext(catalogue.reasons[value].title)
    if field in {"stated_deadline", "received_at"}:
        try:
            at = datetime.fromisoformat(value)
        except ValueError:
            return value
        return when(timezone.localtime(at) if timezone.is_aware(at) else at, "datetime")
    return value


# The catalogue's checklist item for the notice itself: the case holds the notice from the
# start, so the item is collected when it is created.
NOTICE_DOCUMENT = "notice_copy"


class ChecklistItem(models.Model):
    """A document the appeal for this reason needs, and whether the driver has it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="checklist")
    key = models.CharField(max_length=64)
    title = models.CharField(max_length=200)
    why = models.TextField(blank=True)
    required = models.BooleanField(default=False)
    done = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "key"], name="one_checklist_item_per_key")
        ]


def token_digest(token: str) -> str:
    """What a claim link's secret is stored and looked up as."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ClaimInvite(models.Model):
    """A case an advocate opened for a driver at intake, and the one-time link the driver opens
    to take it into their own account. Only the link's SHA-256 is kept: a copy of the database
    cannot claim a case. Claimed, revoked or replaced, the old link no longer works."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="claim_invite")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    opened_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    driver_name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    # The language the invitation email is written in.
    language = models.CharField(max_length=8, blank=True)
    # None once claimed or revoked: no link then matches.
    token_hash = models.CharField(max_length=64, null=True, unique=True)
    expires_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Claim invite for case {self.case_id}"

    @property
    def claimed(self) -> bool:
        return self.claimed_at is not None

    def link_works(self, now: datetime) -> bool:
        return self.token_hash is not None and not self.claimed and self.expires_at > now
