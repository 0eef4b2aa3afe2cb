"""The packet as a PDF: Typst sets the letter, the index, the photo pages and the appendices
(the notice as received, the support log);
pypdf merges the PDF exhibits in their place and lays the page numbers, the exhibit stamps
("Exhibit C, page 2 of 5") and DRAFT over every page.

Typst reads only the build folder: the templates are copied in from this app beside the data.
Photos are not given to Typst: it lays out an empty box of each photo's size, and the photo's
JPEG is drawn into that box afterwards (see `_place_pictures`).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from io import BytesIO
from pathlib import Path
from typing import Any

import typst
from django.conf import settings
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _
from PIL import Image
from pypdf import PageObject, PdfReader, PdfWriter

from reinstate.appeals.packet_content import ExhibitEntry, PacketContent, PacketRefused
from reinstate.appeals.packet_words import exhibit_title, photo_details, titles, unprintable, words
from reinstate.appeals.pdf_inert import make_inert
from reinstate.appeals.pdf_stamp import (
    Jpeg,
    draw_jpeg,
    fit_for_labels,
    lay_over,
    set_upright,
    take_links,
)
from reinstate.evidence.file_facts import PDF_ERRORS, open_pdf
from reinstate.evidence.pdf_repair import open_repaired
from reinstate.rules.appeal.letter import letter_blocks

Progress = Callable[[str], None]
PICTURE_LINK = "reinstate-picture:"  # packet.typ marks each photo's box with this link
PICTURE_BOX_IN = (6.5, 7.2)  # the widest and tallest a photo is set, in inches
# Typst breaks a line only where a break is allowed (a space, a link's slash): a run without
# one (base64, a token) would go off the page. 80 characters of 9pt DejaVu Sans Mono fit the
# notice's box, so longer runs are cut at 80.
NOTICE_LINE_CHARS = 80
_UNBROKEN = re.compile(rf"\S{{{NOTICE_LINE_CHARS + 1},}}")


@dataclass(frozen=True)
class Built:
    pages: int


@dataclass
class _Section:
    title: str
    pages: list[PageObject]
    stamp: str = ""  # "Exhibit C" on merged pages


def render_pdf(content: PacketContent, *, out: Path, work: Path, progress: Progress) -> Built:
    """Write the packet to `out`. `work` is an empty folder for the build."""
    # Stored in English; the status page translates it (partials/_packet_status.html).
    progress(gettext_noop("Setting the letter and the exhibit index"))
    body = PdfReader(BytesIO(_compile("packet.typ", "packet.json", _body_data(content), work)))
    sections = _assemble(content, body, progress, work)
    writer = PdfWriter()
    for section in sections:
        first = len(writer.pages)
        for page in section.pages:
            added = writer.add_page(page)
            # Stamps go on the page as it is seen: sane boxes, the drawing turned upright, and
            # a canvas with room for the labels (a tiny or oddly boxed page keeps them in view).
            fit_for_labels(writer, added, grow=False)
            set_upright(added)
            fit_for_labels(writer, added)
        writer.add_outline_item(title=section.title, page_number=first)
    _place_pictures(writer, content)
    progress(gettext_noop("Numbering the pages"))
    _overlay(writer, sections, content, work)
    writer.add_metadata({"/Title": content.running_title, "/Author": content.driver_name})
    with out.open("wb") as handle:
        writer.write(handle)
    return Built(pages=len(writer.pages))


def _assemble(
    content: PacketContent, body: PdfReader, progress: Progress, work: Path
) -> list[_Section]:
    """The sections in packet order: Typst's pages by their outline entry, each PDF exhibit's
    pages where its turn comes."""
    starts = [
        (item.title, body.get_destination_page_number(item))
        for item in body.outline
        if not isinstance(item, list)
    ]
    ranges = {
        title: body.pages[start : starts[i + 1][1] if i + 1 < len(starts) else len(body.pages)]
        for i, (title, start) in enumerate(starts)
    }
    named = titles()
    sections = [
        _Section(title, list(ranges[title]))
        for title in (named["letter"], named["index"])
        if title in ranges
    ]
    # What one packet may hold (REINSTATE_PACKET_MAX_PAGES): a reviewer reads a few dozen pages,
    # and a 20,000-page exhibit (2 MB on disk) took 1.5 GB to merge. Refused before any page
    # is copied, with what to do.
    room = settings.PACKET_MAX_PAGES - len(body.pages)
    for entry in content.exhibits:
        title = exhibit_title(entry.label)
        if _layout(entry) == "merged":
            progress(f"Adding exhibit {entry.label}")
            pages = _pdf_pages(entry, room, work)
            room -= len(pages)
            sections.append(_Section(title, pages, stamp=title))
        else:
            sections.append(_Section(title, list(ranges[title])))
    appendices = (named["notice"], named["support"])
    sections += [_Section(title, list(ranges[title])) for title in appendices if title in ranges]
    return sections


def _pdf_pages(entry: ExhibitEntry, room: int, work: Path) -> list[PageObject]:
    """The exhibit's pages, inert; refused when they would take the packet past its limit.
    A damaged PDF pypdf refuses is merged from poppler's repaired copy, made again here (see
    evidence/pdf_repair.py): the locker keeps the original as it was given."""
    try:
        try:
            reader = open_pdf(entry.original)
            count = len(reader.pages) if reader is not None else 0
        except PDF_ERRORS:
            reader = open_repaired(entry.original, work)
            if reader is None:
                raise
            count = len(reader.pages)
        if reader is not None and count <= room:
            pages = list(reader.pages)
    except PDF_ERRORS as error:
        raise PacketRefused(
            f"Exhibit {entry.label} ({entry.filename}) cannot be read as a PDF: {error}"
        ) from None
    if count > room:
        raise PacketRefused(
            f"Exhibit {entry.label} ({entry.filename}) has {count:,} pages, more than a packet "
            f"can hold ({settings.PACKET_MAX_PAGES:,} pages in all). Add only the pages that "
            "matter, as a shorter PDF, and build the packet again."
        )
    if count == 0:  # locked ones are not merged (_layout); one that opened empty is damaged
        raise PacketRefused(f"Exhibit {entry.label} ({entry.filename}) has no pages.")
    for page in pages:  # before the writer copies what the page refers to
        make_inert(page)
    return pages


def _overlay(
    writer: PdfWriter, sections: list[_Section], content: PacketContent, work: Path
) -> None:
    stamps = [
        _("%(exhibit)s, page %(number)s of %(total)s")
        % {"exhibit": section.stamp, "number": number, "total": len(section.pages)}
        if section.stamp
        else ""
        for section in sections
        for number in range(1, len(section.pages) + 1)
    ]
    total = len(writer.pages)
    pages: list[dict[str, Any]] = [
        {
            "w": float(page.mediabox.width),
            "h": float(page.mediabox.height),
            "stamp": stamp,
            "number": _("Page %(number)s of %(total)s") % {"number": number, "total": total},
        }
        for number, (page, stamp) in enumerate(zip(writer.pages, stamps, strict=True), 1)
    ]
    footer = content.running_title
    if content.draft:
        footer = _("%(title)s (DRAFT)") % {"title": footer}
    data = {"pages": pages, "draft": content.draft, "footer": footer, "watermark": _("DRAFT")}
    overlay = PdfReader(BytesIO(_compile("overlay.typ", "overlay.json", data, work)))
    for number, (page, layer) in enumerate(zip(writer.pages, overlay.pages, strict=True)):
        lay_over(writer, page, layer, f"/ReinstateStamp{number}")


def _layout(entry: ExhibitEntry) -> str:
    if entry.family == "pdf" and not entry.locked:
        return "merged"
    return "picture" if entry.picture is not None else "note"


def _body_data(content: PacketContent) -> dict[str, Any]:
    return {
        "lang": get_language() or "en",
        "titles": titles(),
        "words": words() | {"re": words()["re"] % {"platform": content.platform_name}},
        "driver_name": content.driver_name,
        "platform_name": content.platform_name,
        "title": content.running_title,
        "identity": content.identity,
        "date": content.date,
        "letter": [
            {"kind": b.kind, "text": b.text, "items": list(b.items)}
            for b in letter_blocks(content.letter)
        ],
        "exhibits": [
            {
                "label": e.label,
                "heading": exhibit_title(e.label),
                "details": photo_details(e),
                "unprintable": unprintable(e),
                "title": e.title,
                "kind": e.kind,
                "filename": e.filename,
                "taken": e.taken,
                "place": e.place,
                "sha256": e.sha256,
                "text": e.text,
                "layout": _layout(e),
                "locked": e.locked,
                **_picture_size(e.picture),
            }
            for e in content.exhibits
        ],
        "support_log": [
            vars(row)
            | {
                "agent_line": words()["agent"] % {"name": row.agent} if row.agent else "",
                "exhibit_line": exhibit_title(row.exhibits) if row.exhibits else "",
            }
            for row in content.support_log
        ],
        "support_log_more": content.support_log_more,
        "notice": _notice_data(content),
    }


def _notice_data(content: PacketContent) -> dict[str, Any] | None:
    notice = content.notice
    if notice is None:
        return None
    # The text goes to Typst as data, shown with raw(): nothing in it is read as markup.
    return {"details": notice.details, "text": _UNBROKEN.sub(_wrap, notice.text)}


def _wrap(run: re.Match[str]) -> str:
    word = run.group()
    return "\n".join(
        word[i : i + NOTICE_LINE_CHARS] for i in range(0, len(word), NOTICE_LINE_CHARS)
    )


def _picture_size(picture: Path | None) -> dict[str, float]:
    """The photo's size on the page in inches: the page's width (6.5 in), or 7.2 in tall when
    it is upright, leaving room for the caption."""
    if picture is None:
        return {"width": 0, "height": 0}
    with Image.open(picture) as image:  # reads the header only
        width, height = image.size
    if width * PICTURE_BOX_IN[1] >= height * PICTURE_BOX_IN[0]:
        return {"width": PICTURE_BOX_IN[0], "height": PICTURE_BOX_IN[0] * height / width}
    return {"width": PICTURE_BOX_IN[1] * width / height, "height": PICTURE_BOX_IN[1]}


def _place_pictures(writer: PdfWriter, content: PacketContent) -> None:
    """Draw each photo into the box Typst left for it, found by the box's link."""
    pictures = {e.label: e.picture for e in content.exhibits if e.picture is not None}
    for number, page in enumerate(writer.pages):
        for label, rect in take_links(page, PICTURE_LINK):
            picture = pictures.get(label)
            if picture is not None:
                draw_jpeg(writer, page, _jpeg(picture), rect, f"/ReinstatePicture{number}")


def _jpeg(picture: Path) -> Jpeg:
    """The rendition's own bytes when they are a plain JPEG (they are: renditions are written
    as RGB JPEG); anything else is converted."""
    with Image.open(picture) as image:
        if image.format == "JPEG" and image.mode in ("RGB", "L"):
            return Jpeg(picture.read_bytes(), image.width, image.height, image.mode == "L")
        converted = BytesIO()
        image.convert("RGB").save(converted, "JPEG", quality=85)
        return Jpeg(converted.getvalue(), image.width, image.height, gray=False)


def _compile(template: str, data_name: str, data: dict[str, Any], work: Path) -> bytes:
    source = resources.files("reinstate.appeals") / "typst" / template
    with resources.as_file(source) as path:
        shutil.copyfile(path, work / template)
    (work / data_name).write_text(json.dumps(data, ensure_ascii=False))
    try:
        # No PDF tags: the merge keeps pages, not a document structure tree, and the tags
        # would only be more objects to read back.
        result: bytes = typst.compile(
            str(work / template), root=str(work), ignore_system_fonts=True, pdf_tags=False
        )
    except typst.TypstError as error:
        raise PacketRefused(f"The packet could not be set: {error}") from None
    return result
