"""People: drivers, and the advocates of organisations that carry drivers' cases."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy

US_STATES = [
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"),
    ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
    ("DC", "District of Columbia"), ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"),
    ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"),
    ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"), ("MD", "Maryland"),
    ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"),
    ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"),
    ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NY", "New York"),
    ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"),
    ("OR", "Oregon"), ("PA", "Pennsylvania"), ("PR", "Puerto Rico"), ("RI", "Rhode Island"),
    ("SC", "South Carolina"), ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"),
    ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"),
    ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
]  # fmt: skip


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class User(AbstractUser):
    time_zone = models.CharField(max_length=64, default="America/New_York")
    state = models.CharField(max_length=2, blank=True, choices=US_STATES)
    city = models.CharField(max_length=100, blank=True)
    # The secret in the private calendar subscription URL; reset to revoke it.
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    # Who is appealing, as the platform knows them: the letter is signed with this name, not
    # the user name (blank until the driver gives it; the appeal asks for it).
    legal_name = models.CharField(max_length=200, blank=True)
    # The language of the pages and of the emails sent to this person ("en", "es"); blank until
    # chosen, when the browser's language is used for pages and English for emails.
    language = models.CharField(max_length=8, blank=True, choices=settings.LANGUAGES)
    # Holds a case an advocate opened for a driver until the driver claims it: it has no
    # usable password and no email, so nobody ever signs in as it (cases.ClaimInvite).
    placeholder = models.BooleanField(default=False)

    def display_name(self) -> str:
        """The name an appeal is signed with: the legal name, else the user name."""
        return self.legal_name or self.get_username()


class PlatformAccount(models.Model):
    """How a platform knows the driver: the email or phone number on their account (one per
    platform). The appeal names it so the platform can find the account."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="platform_accounts")
    platform = models.CharField(max_length=32)  # a catalogue platform key
    identifier = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "platform"], name="one_account_per_platform")
        ]

    def __str__(self) -> str:
        return f"{self.platform}: {self.identifier}"


def new_invite_code() -> str:
    return secrets.token_hex(4).upper()


class Organisation(models.Model):
    """A union, legal clinic or resource centre whose advocates carry drivers' cases."""

    name = models.CharField(max_length=200)
    # Drivers type this code to share a case with the organisation's advocates.
    invite_code = models.CharField(max_length=16, unique=True, default=new_invite_code)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """Every member sees the organisation and its cases; its admins also manage who is a
    member and in what role, and its code. An organisation always keeps one admin."""

    class Role(models.TextChoices):
        ADMIN = "admin", gettext_lazy("Admin")
        ADVOCATE = "advocate", gettext_lazy("Advocate")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.ADVOCATE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_membership_per_org")
        ]
