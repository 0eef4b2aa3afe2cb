"""The packet as plain text, to paste into a platform's web form. It says what the PDF says in
words: the letter, the exhibit index with each original's SHA-256, and the support log. (The
.docx, with the exhibits themselves, is written by packet_docx.) The notice is not repeated: the
platform sent it, the form counts characters, and the head names its reference."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from reinstate.appeals.packet_content import ExhibitEntry, PacketContent


def plain_text(content: PacketContent) -> str:
    parts = []
    if content.draft:
        parts.append(_("DRAFT: not approved for sending"))
    parts.append("\n".join([content.driver_name, *content.identity]))
    parts.append(content.letter.strip())
    if content.exhibits:
        parts.append(_("Exhibits (attached separately)"))
        parts.append("\n".join(_exhibit_line(e) for e in content.exhibits))
    if content.support_log:
        parts.append(_("Contacts with support"))
        parts.append(
            "\n".join(
                f"- {r.at}, {r.channel.lower()}, {r.direction.lower()}: {r.summary}"
                + (" " + _("(ticket %(tickets)s)") % {"tickets": r.tickets} if r.tickets else "")
                + "".join("\n    " + line.replace("\n", "\n      ") for line in r.chat)
                for r in content.support_log
            )
        )
        parts.append(content.support_log_more)
    return "\n\n".join(p for p in parts if p) + "\n"


@dataclass(frozen=True)
class TextCount:
    """What the web form will count: characters, and how many are over its limit."""

    chars: int
    limit: int
    fits: bool
    over: int


def character_count(text: str, *, limit: int) -> TextCount:
    chars = len(text.rstrip("\n"))
    return TextCount(chars=chars, limit=limit, fits=chars <= limit, over=max(0, chars - limit))


def _exhibit_line(e: ExhibitEntry) -> str:
    details = ", ".join(x for x in (e.taken, e.place) if x)
    return (
        "- "
        + _("Exhibit %(label)s: %(title)s") % {"label": e.label, "title": e.title}
        + (f" ({details})" if details else "")
        + (f"; SHA-256 {e.sha256}")
    )
