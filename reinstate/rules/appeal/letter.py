"""The first draft of the appeal letter, built only from what the driver entered.

Pure, no Django. It never adds a fact: every sentence is either the driver's own words or a
fixed frame around them ("I am writing to appeal…"). The driver edits and approves the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reinstate.rules.appeal.readiness import PlanAction, Statement


@dataclass(frozen=True, kw_only=True)
class LetterInput:
    driver_name: str
    platform_name: str
    reason_title: str
    notice_date: date
    policy_titles: tuple[str, ...]
    policy_quote: str
    what_happened: str
    acknowledgement: str
    context: str
    statements: tuple[Statement, ...]
    root_causes: tuple[str, ...]
    actions: tuple[PlanAction, ...]
    monitoring: str  # "I will check on-time arrival every Sunday and keep it at 100%."
    commitment: str
    commitment_titles: tuple[str, ...]
    good_standing: tuple[str, ...]  # one line each: "Driving since March 2023", …
    exhibit_count: int


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def draft_letter(data: LetterInput) -> str:
    parts = [
        f"Dear {data.platform_name} team,",
        (
            f"I am writing to appeal the deactivation of my account, notified on "
            f"{long_date(data.notice_date)} for {data.reason_title.lower()}."
            + (
                f" The policy involved is {_join(data.policy_titles)}."
                if data.policy_titles
                else ""
            )
        ),
    ]
    if data.policy_quote.strip():
        parts.append(f"The policy says: “{data.policy_quote.strip()}”")
    parts += _section("What happened", [data.what_happened])
    parts += _paragraphs([data.acknowledgement, data.context])
    if data.statements:
        parts.append("The enclosed exhibits show the facts I rely on:")
        parts.append(
            "\n".join(
                f"- {s.text.strip()} (Exhibit {', '.join(s.exhibits)})"
                if s.exhibits
                else f"- {s.text.strip()}"
                for s in data.statements
            )
        )
    if data.root_causes or data.actions:
        parts.append("What I have changed")
        if data.root_causes:
            parts.append(f"The cause was: {_join(tuple(c.lower() for c in data.root_causes))}.")
        if data.actions:
            parts.append("\n".join(_action_line(a) for a in data.actions))
    parts += _paragraphs([data.monitoring])
    if data.commitment.strip() or data.commitment_titles:
        keeps = (
            f" I will keep to {_join(data.commitment_titles)}." if data.commitment_titles else ""
        )
        parts.append((data.commitment.strip() + keeps).strip())
    if data.good_standing:
        parts.append("My record")
        parts.append("\n".join(f"- {line}" for line in data.good_standing))
    if data.exhibit_count:
        parts.append(
            f"I enclose {data.exhibit_count} exhibit{'s' if data.exhibit_count != 1 else ''},"
            " listed in the exhibit index with the SHA-256 fingerprint of each original file."
        )
    parts.append(
        "Thank you for reviewing my appeal. I would be grateful to have my account reinstated."
    )
    parts.append(f"Sincerely,\n{data.driver_name}")
    return "\n\n".join(p for p in parts if p.strip())


def _action_line(action: PlanAction) -> str:
    line = f"- {action.action.strip()}"
    if action.target.strip():
        line += f"; target: {action.target.strip()}"
    if action.starts_on:
        line += f"; from {long_date(action.starts_on)}"
    return line + "."


def _section(title: str, paragraphs: list[str]) -> list[str]:
    body = _paragraphs(paragraphs)
    return [title, *body] if body else []


def _paragraphs(paragraphs: list[str]) -> list[str]:
    return [p.strip() for p in paragraphs if p.strip()]


def _join(items: tuple[str, ...]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "para" or "list"
    text: str = ""
    items: tuple[str, ...] = ()


def letter_blocks(text: str) -> list[Block]:
    """The letter's text as the PDF and the .docx lay it out: paragraphs split at blank lines,
    "- " lines as a list, and a short line with no closing punctuation as a heading (the
    draft's "What happened"; the driver's own edits keep working the same way)."""
    blocks: list[Block] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.strip().split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            blocks.append(Block("list", items=tuple(line[2:].strip() for line in lines)))
        elif len(lines) == 1 and len(lines[0]) <= 40 and lines[0][-1] not in '.,:;!?)”"':
            blocks.append(Block("heading", text=lines[0]))
        else:
            blocks.append(Block("para", text="\n".join(lines)))
    return blocks
