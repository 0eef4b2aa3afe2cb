"""Everything a packet shows, gathered once from the database, so that the PDF, the plain
text and the .docx say the same things. The renderers only read these values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from reinstate.appeals.facts import appeal_facts
from reinstate.appeals.models import LetterVersion
from reinstate.appeals.queries import approved_letter, letters_of
from reinstate.cases.models import Case
from reinstate.comms.packet import support_log_rows
from reinstate.evidence.blobstore import BlobStore
from reinstate.evidence.file_facts import PDF_ERRORS, open_pdf
from reinstate.evidence.models import EvidenceItem
from reinstate.evidence.presenters import item_time
from reinstate.evidence.sniff import EvidenceFileError
from reinstate.rules.appeal.letter import long_date

# The packet is written in the letter's language (packet_build wraps it in its override).
CHANNELS = {
    "email": gettext_lazy("Email"),
    "in_app_chat": gettext_lazy("In-app chat"),
    "phone": gettext_lazy("Phone"),
    "in_person": gettext_lazy("In person"),
    "web_form": gettext_lazy("Web form"),
}


class PacketRefused(ValueError):
    """The packet cannot be built as asked; the message says why and what to do."""


@dataclass(frozen=True)
class ExhibitEntry:
    label: str
    title: str  # the driver's description, else the kind
    kind: str
    filename: str
    taken: str  # "3 November 2026, 10:02 PST" or ""
    place: str  # "33.91620, -118.35210" or ""
    sha256: str
    family: str  # image, pdf, text, audio, video
    original: Path
    picture: Path | None  # the page-width rendition of a photo
    text: str  # a text file's words, for exhibits that are text
    locked: bool = False  # a PDF that needs a password to open: described, not merged


@dataclass(frozen=True)
class LogEntry:
    at: str
    channel: str
    direction: str
    agent: str
    tickets: str
    summary: str
    exhibits: str
    chat: list[str]  # a chat's every line, both sides, in order ("Sam (support), 10:31: Hi")


@dataclass(frozen=True)
class NoticeEntry:
    """The notice as the case stores it: the checklist counts it as given with the case, so
    the packet must carry it."""

    text: str  # verbatim: what was pasted, or the email's subject and body
    received: str  # "Received 3 November 2026, 16:00 PST", and how that time is known
    sender: str  # the email's From, "" when pasted
    filename: str  # the file it came from, "" when pasted

    @property
    def details(self) -> list[str]:
        """The lines above the text: when it came, from whom, from which file."""
        lines = [self.received]
        if self.sender:
            lines.append(_("From: %(sender)s") % {"sender": self.sender})
        if self.filename:
            lines.append(_("Original file: %(name)s") % {"name": self.filename})
        return lines


# The support log appendix lists at most this many contacts, the latest (an imported mailbox
# may hold 100,000): a reviewer reads a few pages of it, and the build stays quick.
PACKET_LOG_CONTACTS = 100


@dataclass(frozen=True)
class PacketContent:
    case_id: int
    driver_name: str  # the legal name, else the user name
    platform_name: str
    platform_account: str  # how the platform knows the driver, "" when not given
    references: tuple[str, ...]  # the notice's ticket and case numbers
    date: str
    letter: str
    letter_version: int | None
    draft: bool
    exhibits: list[ExhibitEntry]
    support_log: list[LogEntry]
    notice: NoticeEntry | None
    # Under the appendix when it lists only the latest contacts: how many more, and where.
    support_log_more: str = ""

    @property
    def identity(self) -> list[str]:
        """Who is appealing, as the platform can look them up: each page and the letter's
        head say it."""
        lines = []
        if self.platform_account:
            lines.append(
                _("%(platform)s account: %(account)s")
                % {"platform": self.platform_name, "account": self.platform_account}
            )
        if self.references:
            lines.append(
                _("Notice reference: %(references)s") % {"references": ", ".join(self.references)}
            )
        return lines

    @property
    def running_title(self) -> str:
        """The line on every page: "Appeal of Maria Lopez, Amazon Flex account maria@…,
        notice reference 12345"."""
        named = {
            "name": self.driver_name,
            "platform": self.platform_name,
            "account": self.platform_account,
            "references": ", ".join(self.references),
        }
        if self.platform_account and self.references:
            title = _(
                "Appeal of %(name)s, %(platform)s account %(account)s, "
                "notice reference %(references)s"
            )
        elif self.platform_account:
            title = _("Appeal of %(name)s, %(platform)s account %(account)s")
        elif self.references:
            title = _("Appeal of %(name)s, %(platform)s, notice reference %(references)s")
        else:
            title = _("Appeal of %(name)s, %(platform)s")
        return title % named


def gather(case: Case, *, store: BlobStore, draft: bool, now: datetime) -> PacketContent:
    letter = _letter_for(case, draft=draft)
    facts = appeal_facts(case)  # the names as the letter's draft gives them
    tz = case.tz
    items = case.evidence.select_related("blob", "case").order_by("position", "pk")
    return PacketContent(
        case_id=case.pk,
        driver_name=facts.driver_name,
        platform_name=facts.platform_name or _("the platform"),
        platform_account=facts.platform_account,
        references=facts.notice_references,
        date=long_date(now.astimezone(tz).date()),
        letter=letter.text if letter else "",
        letter_version=letter.number if letter else None,
        draft=draft,
        exhibits=[_exhibit(item, store=store, tz_case=case) for item in items],
        support_log=[
            LogEntry(
                at=f"{row.at.astimezone(tz):%Y-%m-%d %H:%M}" if row.at_known else _("Date unknown"),
                channel=str(CHANNELS.get(row.channel, row.channel)),
                direction=_("To support") if row.direction == "to_platform" else _("From support"),
                agent=row.agent,
                tickets=", ".join(row.tickets),
                summary=row.summary,
                exhibits=", ".join(row.exhibits),
                chat=row.chat,
            )
            for row in support_log_rows(case, latest=PACKET_LOG_CONTACTS)
        ],
        notice=_notice(case),
        support_log_more=_more_contacts(case),
    )


def _more_contacts(case: Case) -> str:
    """The line that says how many contacts the appendix leaves out, and where they are."""
    more = case.contacts.count() - PACKET_LOG_CONTACTS
    if more <= 0:
        return ""
    return ngettext(
        "The latest %(shown)s contacts are listed above. %(count)s earlier contact is not "
        "listed, to keep this packet short: it is in the driver's full support log, which "
        "can be sent on request.",
        "The latest %(shown)s contacts are listed above. %(count)s earlier contacts are not "
        "listed, to keep this packet short: they are in the driver's full support log, which "
        "can be sent on request.",
        more,
    ) % {"shown": f"{PACKET_LOG_CONTACTS:,}", "count": f"{more:,}"}


def _notice(case: Case) -> NoticeEntry | None:
    # No second size limit: intake already caps the notice (NOTICE_MAX_BYTES, 200 KB: about
    # 70 pages, set in 2.5 seconds), and it is evidence, so it goes in whole.
    if not case.notice_text.strip():
        return None
    at = case.received_at.astimezone(case.tz)
    when = f"{long_date(at.date())}, {at:%H:%M %Z}"
    if case.received_source == Case.ReceivedSource.EMAIL_HEADER:
        received = _("Received %(when)s (the email's date)") % {"when": when}
    elif case.received_source == Case.ReceivedSource.ASSUMED_NOW:
        # The time the case was opened, not when the notice arrived: say so.
        received = _(
            "Received by %(when)s, when the driver saved it; the exact time was not noted"
        ) % {"when": when}
    else:
        received = _("Received %(when)s") % {"when": when}
    return NoticeEntry(
        text=case.notice_text,
        received=received,
        sender=case.notice_sender,
        filename=case.notice_filename,
    )


def _letter_for(case: Case, *, draft: bool) -> LetterVersion | None:
    letter = approved_letter(case)
    if letter is not None:
        return letter
    if not draft:
        raise PacketRefused(
            _(
                "No approved letter yet: approve a version of the letter first, "
                "or build a draft (--draft), which marks every page DRAFT."
            )
        )
    letters = letters_of(case)
    return letters[0] if letters else None


def _exhibit(item: EvidenceItem, *, store: BlobStore, tz_case: Case) -> ExhibitEntry:
    blob = item.blob
    tz = tz_case.tz
    taken = item_time(item, tz).at
    lat, lon = blob.info.get("lat"), blob.info.get("lon")
    kind = str(EvidenceItem.Kind(item.kind).label)  # in the letter's language (packet_build)
    # A file on this machine (fetched from a bucket): the PDF tools read paths.
    original = _original(store, blob.sha256)
    return ExhibitEntry(
        label=item.exhibit,
        title=item.description or kind,
        kind=kind,
        filename=item.filename,
        taken=f"{long_date(taken.astimezone(tz).date())}, {taken.astimezone(tz):%H:%M %Z}"
        if taken
        else "",
        place=f"{lat:.5f}, {lon:.5f}" if lat is not None and lon is not None else "",
        sha256=blob.sha256,
        family=blob.family,
        original=original,
        picture=_picture(store, blob.sha256, blob.media_type) if blob.family == "image" else None,
        text=blob.text[:6000] if blob.family == "text" else "",
        locked=blob.family == "pdf" and _locked(original),
    )


def _locked(original: Path) -> bool:
    """Whether the PDF needs a password to be opened (a damaged one is not "locked": merging
    it says what is wrong)."""
    try:
        return open_pdf(original) is None
    except PDF_ERRORS:
        return False


def _original(store: BlobStore, sha256: str) -> Path:
    """The original's file; a lost one is the path it should have (merging it then says the
    exhibit is missing, as `reinstate verify` does)."""
    try:
        return store.local_path(sha256)
    except FileNotFoundError:
        return store.path_for(sha256) if store.local else Path(store.name_for(sha256))


def _picture(store: BlobStore, sha256: str, media_type: str) -> Path | None:
    """The page-width rendition, made again from the original when it was deleted."""
    try:
        made = store.ensure_renditions(sha256, media_type)
    except (EvidenceFileError, FileNotFoundError):
        return None
    return store.local_rendition(sha256, "page") if made else None
