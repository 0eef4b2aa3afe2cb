"""A case's appeal: the explanation, the corrective action plan, the record of good standing,
the letter versions the driver wrote and approved, and the packets built from them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.evidence.models import EvidenceItem
from reinstate.rules.appeal.shape import DEFAULT_STANCE, STANCES


class Appeal(models.Model):
    case = models.OneToOneField(
        Case, on_delete=models.CASCADE, primary_key=True, related_name="appeal"
    )
    # The reason the explanation answers: when the driver corrects the case's reason later,
    # the readiness check says the explanation no longer addresses it.
    reason = models.CharField(max_length=32, blank=True)
    # Explanation.
    stance = models.CharField(
        max_length=12,
        choices=[(stance, stance) for stance in STANCES],
        default=DEFAULT_STANCE,
    )
    policies = models.JSONField(default=list)  # catalogue refs "<platform>.<policy key>"
    policy_quote = models.TextField(blank=True)
    what_happened = models.TextField(blank=True)
    acknowledgement = models.TextField(blank=True)
    context = models.TextField(blank=True)
    records_requested = models.TextField(blank=True)
    # Corrective action plan.
    root_causes = models.JSONField(default=list)
    monitoring_metric = models.CharField(max_length=200, blank=True)
    monitoring_threshold = models.CharField(max_length=200, blank=True)
    monitoring_frequency = models.CharField(max_length=200, blank=True)
    commitment = models.TextField(blank=True)
    commitment_policies = models.JSONField(default=list)
    # Record of good standing, entered by hand.
    driving_since = models.CharField(max_length=100, blank=True)
    work_completed = models.CharField(max_length=200, blank=True)
    metrics = models.TextField(blank=True)
    positive_feedback = models.TextField(blank=True)
    # The letter's and the packet's language, apart from the pages': English by default, as the
    # platform reads it; the driver reads it in their own language alongside.
    letter_language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Appeal for case {self.case_id}"


class Statement(models.Model):
    """A fact the appeal relies on, and the exhibits that show it."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="statements")
    text = models.TextField()
    exhibits = models.ManyToManyField(EvidenceItem, related_name="statements", blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]


class PlanAction(models.Model):
    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="actions")
    action = models.TextField()
    target = models.CharField(max_length=300, blank=True)
    starts_on = models.DateField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]


class Consent(models.TextChoices):
    """How the driver gave their consent when an advocate approves the letter sent on the
    driver's behalf. Kept in the approval's audit event (`consent`), not on the letter."""

    IN_PERSON = "in_person", _("The driver approved it in person")
    PHONE = "phone", _("The driver approved it by phone")
    WRITING = "writing", _("The driver approved it in writing (message or email)")


class LetterVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="letters")
    number = models.PositiveIntegerField()
    text = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="one_letter_number_per_case")
        ]


class Packet(models.Model):
    """One build of the packet. The file lives under REINSTATE_HOME/packets/ and replaces the
    previous one only once complete, so the last good packet stays downloadable meanwhile."""

    class Status(models.TextChoices):
        BUILDING = "building", _("Building")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="packets")
    format = models.CharField(max_length=4)  # pdf, txt or docx
    draft = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.BUILDING)
    progress = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    letter = models.ForeignKey(
        LetterVersion, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    path = models.CharField(max_length=300, blank=True)  # relative to REINSTATE_HOME
    sha256 = models.CharField(max_length=64, blank=True)
    bytes = models.PositiveBigIntegerField(default=0)
    pages = models.PositiveIntegerField(null=True, blank=True)
    exhibits = models.PositiveIntegerField(default=0)
    requested_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    # The progress of a build no worker has taken yet (the queue's READY, in the driver's words).
    QUEUED = "Waiting to start"

    class Meta:
        ordering = ["-requested_at", "-pk"]

    @property
    def queued(self) -> bool:
        return self.status == self.Status.BUILDING and self.progress == self.QUEUED


class Sending(models.Model):
    """The driver's word that the appeal went to the platform: when, how, the reference it got,
    and the proof kept as evidence. A protective appeal (a short "I appeal; my evidence follows")
    is a sending too; the full appeal after it is another."""

    class Kind(models.TextChoices):
        APPEAL = "appeal", _("The appeal")
        PROTECTIVE = "protective", _("A short protective appeal")

    class Channel(models.TextChoices):
        APP_FORM = "app_form", _("The appeal form in the app or linked from the notice")
        EMAIL = "email", _("Email")
        WEB_FORM = "web_form", _("A web form")
        PORTAL = "portal", _("A support portal or ticket")
        POST = "post", _("Post")
        OTHER = "other", _("Another way")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="sendings")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.APPEAL)
    sent_at = models.DateTimeField()
    channel = models.CharField(max_length=12, choices=Channel.choices)
    reference = models.CharField(max_length=200, blank=True)  # a ticket or confirmation number
    note = models.TextField(blank=True)
    proof = models.ManyToManyField(EvidenceItem, blank=True, related_name="+")
    letter = models.ForeignKey(
        LetterVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]


class Decision(models.Model):
    """What the platform decided on the appeal, as the driver recorded it, with the platform's
    own words when they pasted them. Granted also closes the case as reinstated; the others
    keep it open for what comes next. A later decision (after a second review) is another row."""

    class Outcome(models.TextChoices):
        GRANTED = "granted", _("Granted: my account is back")
        DENIED = "denied", _("Denied")
        PARTIAL = "partial", _("Partly granted")
        NO_ANSWER = "no_answer", _("No answer by now")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    decided_on = models.DateField()
    message = models.TextField(blank=True)  # the platform's message, pasted
    recorded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-pk"]


class RequestSent(models.Model):
    """A request with a legal clock that the driver sent after a "no" (a dispute to the
    background-check company, a request for their data): the day it went out starts the
    clock the options page then counts (rules/appeal/options.py)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="requests_sent")
    option = models.CharField(max_length=32)  # rules/appeal/options.py CLOCKED
    sent_on = models.DateField()
    reference = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "-pk"]
