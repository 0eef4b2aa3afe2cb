"""A case an advocate opens for a driver at intake, and the driver claiming it.

Until the driver claims it, the case belongs to a placeholder user (`User.placeholder`: no usable
password and no email, so nobody ever signs in as it) carrying the driver's name, and it is
shared with the advocate's organisation from the start, so its advocates can do everything the
driver could. The driver opens a one-time link (`ClaimInvite`): the case moves to their own
account, stays shared, and keeps its whole history. Only the link's SHA-256 is stored.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reinstate.accounts.identity import IdentityInputError, clean_identifier, clean_legal_name
from reinstate.accounts.models import Membership, Organisation, PlatformAccount, User
from reinstate.audit.actions import record_event
from reinstate.audit.kinds import EventKind
from reinstate.cases.actions import CaseInputError, do_open_case
from reinstate.cases.models import Case, ClaimInvite, token_digest
from reinstate.lib.notice_file import NoticeInput

# How long a claim link works: long enough for a driver who checks email once a week.
CLAIM_LINK_DAYS = 14


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, token_digest(token)


@dataclass(frozen=True)
class DriverDetails:
    """Who the case is for, as the advocate gave it at intake."""

    name: str
    email: str = ""
    phone: str = ""
    language: str = ""  # of the invitation email; blank: English
    # The email or phone the platform knows them by: the appeal names it. Needs the platform.
    platform_account: str = ""


def do_open_case_for_driver(
    *,
    advocate: User,
    organisation: Organisation,
    driver: DriverDetails,
    notice: NoticeInput,
    received: datetime | None,
    tz: ZoneInfo,
    platform_hint: str | None = None,
    now: datetime | None = None,
) -> tuple[Case, str]:
    """Open a case for a driver, shared with the advocate's organisation; returns the case and
    its claim link's token (shown once: only its digest is kept)."""
    now = now or timezone.now()
    if not Membership.objects.filter(organisation=organisation, user=advocate).exists():
        raise CaseInputError(_("Only an advocate of the organisation can open a case for it."))
    name = clean_legal_name(driver.name)
    if not name:
        raise CaseInputError(_("Enter the driver's name."))
    token, digest = _new_token()
    with transaction.atomic():
        placeholder = User(
            username=f"unclaimed-{secrets.token_hex(8)}",
            legal_name=name,
            time_zone=tz.key,
            # Where the clinic works: the deadline's local rules until the driver says otherwise.
            state=advocate.state,
            city=advocate.city,
            language=driver.language,
            placeholder=True,
        )
        placeholder.set_unusable_password()
        placeholder.save()
        case = do_open_case(
            owner=placeholder,
            notice=notice,
            received=received,
            tz=tz,
            platform_hint=platform_hint,
            now=now,
            opened_for=organisation,
            actor=advocate,
        )
        _keep_platform_account(placeholder, case, driver.platform_account)
        ClaimInvite.objects.create(
            case=case,
            organisation=organisation,
            opened_by=advocate,
            driver_name=name,
            email=driver.email.strip(),
            phone=driver.phone.strip()[:40],
            language=driver.language,
            token_hash=digest,
            expires_at=now + timedelta(days=CLAIM_LINK_DAYS),
        )
    return case, token


def _keep_platform_account(placeholder: User, case: Case, given: str) -> None:
    if not given.strip():
        return
    if case.platform is None:
        raise CaseInputError(
            _(
                "The notice does not name the platform: choose it, or leave the platform "
                "account empty."
            )
        )
    try:
        identifier = clean_identifier(case.platform, given)
    except IdentityInputError as error:
        raise CaseInputError(str(error)) from None
    PlatformAccount.objects.create(user=placeholder, platform=case.platform, identifier=identifier)


def do_send_claim_invite(*, invite: ClaimInvite, actor: User, link: str) -> None:
    """Email the claim link to the driver, in the language chosen for them. A failed sending
    records nothing: the advocate is told, and can give the link another way."""
    if not invite.email or invite.claimed:
        raise CaseInputError(_("There is no email address to send the link to."))
    with translation.override(invite.language or "en"):
        context = {
            "invite": invite,
            "link": link,
            "advocate": actor.display_name(),
            "days": CLAIM_LINK_DAYS,
        }
        subject = render_to_string("cases/claim_email_subject.txt", context).strip()
        body = render_to_string("cases/claim_email.txt", context)
    with transaction.atomic():
        record_event(
            kind=EventKind.CASE_INVITE_SENT,
            actor=actor,
            case_id=invite.case_id,
            data={"by": "email", "language": invite.language or "en"},
        )
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invite.email])


def do_renew_claim_link(*, invite: ClaimInvite, actor: User, now: datetime | None = None) -> str:
    """A new link, for CLAIM_LINK_DAYS more days; the old one stops working at once."""
    now = now or timezone.now()
    if invite.claimed:
        raise CaseInputError(_("The driver has already claimed this case."))
    token, digest = _new_token()
    with transaction.atomic():
        invite.token_hash = digest
        invite.expires_at = now + timedelta(days=CLAIM_LINK_DAYS)
        invite.save(update_fields=["token_hash", "expires_at"])
        record_event(
            kind=EventKind.CASE_INVITE_RENEWED,
            actor=actor,
            case_id=invite.case_id,
            data={"expires": invite.expires_at.isoformat()},
        )
    return token


def do_revoke_claim_link(*, invite: ClaimInvite, actor: User) -> None:
    """No link claims the case any more (until a new one is made)."""
    if invite.token_hash is None or invite.claimed:
        return
    with transaction.atomic():
        invite.token_hash = None
        invite.save(update_fields=["token_hash"])
        record_event(kind=EventKind.CASE_INVITE_REVOKED, actor=actor, case_id=invite.case_id)


def do_claim_case(*, token: str, driver: User, now: datetime | None = None) -> Case:
    """The driver takes the case into their account: it stays shared with the organisation
    (they may stop sharing it), every event stays in its history, the link stops working, and
    the placeholder is left inactive."""
    now = now or timezone.now()
    gone = CaseInputError(
        _(
            "This link does not work any more: it was used, replaced or is more than "
            "%(days)s days old. Ask your advocate for a new one."
        )
        % {"days": CLAIM_LINK_DAYS}
    )
    if driver.placeholder or not driver.is_active or "\x00" in token:
        raise gone
    with transaction.atomic():
        invite = (
            ClaimInvite.objects.select_for_update()
            .select_related("case__owner")
            .filter(token_hash=token_digest(token))
            .first()
        )
        if invite is None or not invite.link_works(now):
            raise gone
        if Membership.objects.filter(organisation_id=invite.organisation_id, user=driver).exists():
            raise CaseInputError(
                _("This link is for the driver. Give it to them: an advocate cannot claim a case.")
            )
        case, placeholder = invite.case, invite.case.owner
        case.owner = driver
        case.save(update_fields=["owner", "updated_at"])
        named = False
        if not driver.legal_name and placeholder.legal_name:
            # The appeal is signed with it; the driver can change it on their profile.
            driver.legal_name, named = placeholder.legal_name, True
            driver.save(update_fields=["legal_name"])
        # What the advocate gave of how the platform knows the driver, where they gave none.
        theirs = set(driver.platform_accounts.values_list("platform", flat=True))
        taken = placeholder.platform_accounts.exclude(platform__in=theirs)
        accounts = sorted(taken.values_list("platform", flat=True))
        taken.update(user=driver)
        invite.claimed_at, invite.claimed_by, invite.token_hash = now, driver, None
        # How to reach the driver was for the invitation: their account holds their own.
        invite.email, invite.phone = "", ""
        invite.save(update_fields=["claimed_at", "claimed_by", "token_hash", "email", "phone"])
        if not Case.objects.filter(owner=placeholder).exists():
            placeholder.is_active = False
            placeholder.save(update_fields=["is_active"])
        record_event(
            kind=EventKind.CASE_CLAIMED,
            actor=driver,
            case_id=case.pk,
            data={
                "organisation": invite.organisation_id,
                "legal_name_taken": named,
                "platform_accounts_taken": accounts,
            },
        )
    return case
