"""The words a packet's pages say around the letter (headings, column titles, captions), in
the active language: packet_build writes the packet in the letter's language, whatever the
page's. The PDF and the .docx say the same words."""

from __future__ import annotations

from django.utils.translation import gettext as _

from reinstate.appeals.packet_content import ExhibitEntry


def titles() -> dict[str, str]:
    """The sections' headings, in the active language (the letter's: packet_build's override).
    Typst sets them and the outline carries them; the sections are found back by them."""
    return {
        "letter": _("Letter of appeal"),
        "index": _("Exhibit index"),
        "notice": _("Appendix: the notice, as received"),
        "support": _("Appendix: contacts with support"),
    }


def exhibit_title(label: str) -> str:
    return _("Exhibit %(label)s") % {"label": label}


def words() -> dict[str, str]:
    """Every other word the packet's pages say, in the active language."""
    return {
        "re": _("Re: appeal of account deactivation, %(platform)s"),
        "index_intro": _(
            "Each exhibit is a copy of an original file the driver holds. The SHA-256 "
            "fingerprint identifies that original exactly: any change to the file would "
            "change it."
        ),
        "exhibit": _("Exhibit"),
        "description": _("Description"),
        "time": _("Time"),
        "place": _("Place"),
        "locked": _("Locked with a password: not included in this packet."),
        "sha_original": _("SHA-256 of the original:"),
        "locked_note": _(
            "This PDF is locked with a password, so it cannot be shown here. The original is "
            "kept unchanged and can be sent, with its password, on request; its fingerprint "
            "above identifies it."
        ),
        "notice_intro": _("The message from the platform, word for word as the driver saved it."),
        "when": _("When"),
        "channel": _("Channel"),
        "summary": _("Summary"),
        "tickets": _("Ticket / exhibit"),
        "agent": _("Agent: %(name)s"),
        "time_and_place": _("Time and place"),
        "draft": _("DRAFT: not approved for sending"),
        "pdf_not_drawn": _(
            "The pages of this PDF could not be shown in this document. They are in the PDF "
            "packet; the original file is kept unchanged, and its fingerprint above identifies "
            "it."
        ),
    }


def photo_details(e: ExhibitEntry) -> str:
    """The line under a photo: when and where it was taken, and the original's name."""
    parts = []
    if e.taken:
        parts.append(_("Taken %(when)s.") % {"when": e.taken})
    if e.place:
        parts.append(_("Place: %(place)s.") % {"place": e.place})
    parts.append(_("Original file: %(name)s") % {"name": e.filename})
    return " ".join(parts)


def unprintable(e: ExhibitEntry) -> str:
    return _(
        "This exhibit is a %(kind)s file that cannot be shown on paper. The original is kept "
        "unchanged and can be sent on request; its fingerprint above identifies it."
    ) % {"kind": e.kind.lower()}
