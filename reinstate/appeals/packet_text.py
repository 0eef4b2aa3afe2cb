"""The packet as plain text (to paste into a platform's web form) and as .docx (for those who
must edit it in Word). Both say what the PDF says: the letter, the exhibit index with each
original's SHA-256, and the support log."""

from __future__ import annotations

from pathlib import Path

from reinstate.appeals.packet_content import ExhibitEntry, PacketContent
from reinstate.rules.letter import letter_blocks


def plain_text(content: PacketContent) -> str:
    parts = []
    if content.draft:
        parts.append("DRAFT: not approved for sending")
    parts.append(content.letter.strip())
    if content.exhibits:
        parts.append("Exhibits (attached separately)")
        parts.append("\n".join(_exhibit_line(e) for e in content.exhibits))
    if content.support_log:
        parts.append("Contacts with support")
        parts.append(
            "\n".join(
                f"- {r.at}, {r.channel.lower()}, {r.direction.lower()}: {r.summary}"
                + (f" (ticket {r.tickets})" if r.tickets else "")
                for r in content.support_log
            )
        )
    return "\n\n".join(p for p in parts if p) + "\n"


def character_count(text: str, *, limit: int) -> dict[str, int | bool]:
    """What the web form will count: characters, and how many are over its limit."""
    chars = len(text.rstrip("\n"))
    return {"chars": chars, "limit": limit, "fits": chars <= limit, "over": max(0, chars - limit)}


def _exhibit_line(e: ExhibitEntry) -> str:
    details = ", ".join(x for x in (e.taken, e.place) if x)
    return (
        f"- Exhibit {e.label}: {e.title}"
        + (f" ({details})" if details else "")
        + (f"; SHA-256 {e.sha256}")
    )


def write_docx(content: PacketContent, out: Path) -> int:
    """Write the .docx; returns the number of exhibits it lists. Photos are not embedded: the
    .docx is for editing the words; the PDF is what carries the exhibits."""
    # Imported here: python-docx (and lxml) would add a tenth of a second to every PDF build.
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(11.5)
    if content.draft:
        document.add_paragraph().add_run("DRAFT: not approved for sending").bold = True
    header = document.add_paragraph()
    header.add_run(content.driver_name).bold = True
    header.add_run(f"\n{content.date}\nRe: appeal of account deactivation, {content.platform_name}")
    for block in letter_blocks(content.letter):
        if block.kind == "heading":
            document.add_heading(block.text, level=2)
        elif block.kind == "list":
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        else:
            document.add_paragraph(block.text)
    if content.exhibits:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading("Exhibit index", level=1)
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, title in zip(
            table.rows[0].cells,
            ("Exhibit", "Description", "Time and place", "SHA-256"),
            strict=True,
        ):
            cell.text = title
        for e in content.exhibits:
            row = table.add_row().cells
            row[0].text = e.label
            row[1].text = f"{e.title}\n{e.kind}, {e.filename}"
            row[2].text = "\n".join(x for x in (e.taken, e.place) if x)
            row[3].text = e.sha256
    if content.support_log:
        document.add_heading("Appendix: contacts with support", level=1)
        for r in content.support_log:
            document.add_paragraph(
                f"{r.at}, {r.channel}, {r.direction.lower()}: {r.summary}"
                + (f" (ticket {r.tickets})" if r.tickets else ""),
                style="List Bullet",
            )
    document.save(str(out))
    return len(content.exhibits)
