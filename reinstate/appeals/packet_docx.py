"""The packet as .docx, for drivers who must edit it in Word. It carries what the PDF carries:
the letter, the exhibit index with each original's SHA-256, each exhibit on its own page (photos
at page width, a PDF's pages as pictures drawn by poppler's pdftoppm, a text file's words) and
the appendices: the notice as received, and the support log.

python-docx (and lxml) are imported inside `write_docx`: at module level they would add a tenth
of a second to every PDF build, which imports this module through packet_build.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from PIL import Image

from reinstate.appeals.packet_content import ExhibitEntry, NoticeEntry, PacketContent
from reinstate.appeals.packet_words import exhibit_title, photo_details, titles, unprintable, words
from reinstate.rules.appeal.letter import letter_blocks

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

PICTURE_WIDTH_IN = 6.5  # US Letter inside 1-inch margins, as in the PDF
PICTURE_HEIGHT_IN = 7.2  # as tall as leaves room on the page for the heading and the caption
PDF_DPI = 110  # sharp enough to read a receipt, an eighth of the pixels of a 300 dpi scan
PDF_RENDER_SECONDS = 120  # every page of one exhibit, not just the first
# Characters XML 1.0 cannot hold: python-docx refuses them, and a text file may contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_docx(content: PacketContent, out: Path) -> int:
    """Write the .docx; returns the number of exhibits it holds."""
    # Imported here: python-docx (and lxml) would add a tenth of a second to every PDF build.
    from docx import Document
    from docx.shared import Inches, Pt

    document = Document()
    for section in document.sections:  # the PDF's margins, which PICTURE_WIDTH_IN fills
        section.left_margin = section.right_margin = Inches(1)
    style = document.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(11.5)
    _footer(document, content)
    if content.draft:
        document.add_paragraph().add_run(words()["draft"]).bold = True
    header = document.add_paragraph()
    header.add_run(content.driver_name).bold = True
    for line in content.identity:
        header.add_run(f"\n{line}")
    regarding = words()["re"] % {"platform": content.platform_name}
    header.add_run(f"\n{content.date}\n{regarding}")
    for block in letter_blocks(content.letter):
        if block.kind == "heading":
            document.add_heading(block.text, level=2)
        elif block.kind == "list":
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        else:
            document.add_paragraph(block.text)
    if content.exhibits:
        _index(document, content.exhibits)
    for entry in content.exhibits:
        _exhibit(document, entry)
    if content.notice is not None:
        _notice(document, content.notice)
    if content.support_log:
        _appendix(document, content)
    document.save(str(out))
    return len(content.exhibits)


def _heading(document: DocxDocument, text: str) -> None:
    heading: Paragraph = document.add_heading(text, level=1)
    heading.paragraph_format.page_break_before = True


def _index(document: DocxDocument, exhibits: list[ExhibitEntry]) -> None:
    said = words()
    _heading(document, titles()["index"])
    document.add_paragraph(said["index_intro"])
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    columns = (said["exhibit"], said["description"], said["time_and_place"], "SHA-256")
    for cell, title in zip(table.rows[0].cells, columns, strict=True):
        cell.text = title
    for e in exhibits:
        row = table.add_row().cells
        row[0].text = e.label
        row[1].text = f"{e.title}\n{e.kind}, {e.filename}"
        row[2].text = "\n".join(x for x in (e.taken, e.place) if x)
        _fingerprint(row[3].paragraphs[0].add_run(e.sha256))


def _fingerprint(run: Run) -> None:
    """A SHA-256 in a small fixed-width font, as the PDF sets it: easy to compare by eye."""
    from docx.shared import Pt

    run.font.name = "Liberation Mono"
    run.font.size = Pt(7.5)


def _exhibit(document: DocxDocument, e: ExhibitEntry) -> None:
    from docx.shared import Inches

    _heading(document, exhibit_title(e.label))
    box = (Inches(PICTURE_WIDTH_IN), Inches(PICTURE_HEIGHT_IN))
    if e.picture is not None:
        _picture(document, e.picture, box)
        _caption(document, e, photo_details(e))
        return
    _caption(document, e, f"{e.kind}, {e.filename}")
    if e.family == "pdf":
        with tempfile.TemporaryDirectory(prefix="reinstate-docx-") as work:
            pages = _pdf_pages(e.original, Path(work))
            for number, page in enumerate(pages, start=1):
                note = document.add_paragraph(
                    _("%(exhibit)s, page %(number)s of %(total)s")
                    % {"exhibit": exhibit_title(e.label), "number": number, "total": len(pages)}
                )
                note.paragraph_format.page_break_before = number > 1
                _picture(document, page, box)
        if not pages:
            document.add_paragraph(words()["pdf_not_drawn"])
    elif e.text:
        box_table = document.add_table(rows=1, cols=1)
        box_table.style = "Table Grid"
        box_table.cell(0, 0).text = _NOT_XML.sub("", e.text)
    else:
        document.add_paragraph(unprintable(e))


def _picture(document: DocxDocument, path: Path, box: tuple[int, int]) -> None:
    """At the box's width, or at its height when the picture is upright: never off the page."""
    with Image.open(path) as image:  # reads the header only
        width, height = image.size
    if width * box[1] >= height * box[0]:
        document.add_picture(str(path), width=box[0])
    else:
        document.add_picture(str(path), height=box[1])


def _caption(document: DocxDocument, e: ExhibitEntry, details: str) -> None:
    from docx.shared import Pt

    caption = document.add_paragraph()
    caption.add_run(e.title).bold = True
    caption.add_run(f"\n{details}\n{words()['sha_original']} ").font.size = Pt(9)
    _fingerprint(caption.add_run(e.sha256))


def _pdf_pages(original: Path, work: Path) -> list[Path]:
    """Each page as a JPEG in `work`; none when pdftoppm is missing, fails or takes too long
    (a damaged PDF, a password): the caller then says the pages are in the PDF packet."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return []
    try:
        # The arguments are our own: the tool's path, numbers and two paths we made.
        subprocess.run(  # noqa: S603
            [pdftoppm, "-r", str(PDF_DPI), "-jpeg", str(original), str(work / "page")],
            check=True,
            capture_output=True,
            timeout=PDF_RENDER_SECONDS,
        )
    except (subprocess.SubprocessError, OSError):
        return []
    # pdftoppm pads the page numbers to one width, so the names sort in page order.
    return sorted(work.glob("page-*.jpg"))


def _footer(document: DocxDocument, content: PacketContent) -> None:
    """The PDF's footer: whose appeal, DRAFT when it is one, and the page number."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    footer = document.sections[0].footer.paragraphs[0]
    title = content.running_title
    if content.draft:
        title = _("%(title)s (DRAFT)") % {"title": title}
    # "Page 2 of 9" with Word's fields for the numbers: the words around them, translated.
    before, between = _("%(title)s. Page ") % {"title": title}, _(" of ")
    footer.add_run(before)
    for instruction, after in (("PAGE", between), ("NUMPAGES", "")):
        # python-docx has no API for fields: Word fills these in as it lays out the pages.
        field = OxmlElement("w:fldSimple", attrs={qn("w:instr"): instruction})
        field.append(OxmlElement("w:r"))
        field[0].append(OxmlElement("w:t"))
        field[0][0].text = "1"
        footer._p.append(field)
        footer.add_run(after)


def _notice(document: DocxDocument, notice: NoticeEntry) -> None:
    """The notice in full, line for line in a fixed-width font; Word wraps long lines."""
    from docx.shared import Pt

    _heading(document, titles()["notice"])
    intro = document.add_paragraph(words()["notice_intro"])
    intro.add_run("".join(f"\n{line}" for line in notice.details)).font.size = Pt(9)
    # python-docx turns each "\n" into a line break and each tab into a tab: the lines stay.
    run = document.add_paragraph().add_run(_NOT_XML.sub("", notice.text))
    run.font.name = "Liberation Mono"
    run.font.size = Pt(9)


def _appendix(document: DocxDocument, content: PacketContent) -> None:
    said = words()
    _heading(document, titles()["support"])
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    columns = (said["when"], said["channel"], said["summary"], said["tickets"])
    for cell, title in zip(table.rows[0].cells, columns, strict=True):
        cell.text = title
    for r in content.support_log:
        row = table.add_row().cells
        row[0].text = r.at
        row[1].text = f"{r.channel}\n{r.direction}"
        row[2].text = (
            r.summary
            + ("\n" + said["agent"] % {"name": r.agent} if r.agent else "")
            + "".join(f"\n{x}" for x in r.chat)
        )
        row[3].text = r.tickets + ("\n" + exhibit_title(r.exhibits) if r.exhibits else "")
    if content.support_log_more:
        document.add_paragraph(content.support_log_more)
