"""The first draft of the appeal letter, built only from what the driver entered, and how a
letter's text is laid out in the packet.

Pure, no Django. It never adds a fact: every sentence is either the driver's own words or a
fixed frame around them ("I am writing to appeal…"). The driver edits and approves the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reinstate.rules.appeal.shape import AppealFacts, Plan, PlanAction, Record

# How the record of good standing reads in the letter, field by field.
RECORD_LABELS = {
    "driving_since": "On the platform since",
    "work_completed": "Work completed",
    "metrics": "Metrics",
    "positive_feedback": "Positive feedback",
}


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


# The letter's opening, after the account and the notice, by the driver's stance.
STANCE_SENTENCES = {
    "dispute": "I believe this decision is wrong, and I ask you to review it.",
    "acknowledge": "",
    "both": (
        "I believe this decision is wrong in part, and I also set out below what I accept "
        "and what I have changed."
    ),
}


def draft_letter(facts: AppealFacts) -> str:
    explanation, plan = facts.appeal.explanation, facts.appeal.plan
    policy_titles = tuple(facts.policy_title(ref) for ref in explanation.policies)
    commitment_titles = tuple(facts.policy_title(ref) for ref in plan.commitment_policies)
    reason_title = facts.reason_title or "the reason given in the notice"
    parts = [
        f"Dear {facts.platform_name or 'Support'} team,",
        (
            f"I am writing to appeal the deactivation of my {account_words(facts)}, notified on "
            f"{long_date(facts.notice_date)} for {reason_title.lower()}."
            + (f" {references_sentence(refs)}" if (refs := facts.notice_references) else "")
            + (f" The policy involved is {_join(policy_titles)}." if policy_titles else "")
        ),
    ]
    parts += _paragraphs([STANCE_SENTENCES.get(explanation.stance, "")])
    if explanation.policy_quote.strip():
        parts.append(f"The policy says: “{explanation.policy_quote.strip()}”")
    parts += _section("What happened", [explanation.what_happened])
    accepted = explanation.acknowledgement if explanation.acknowledges else ""
    parts += _paragraphs([accepted, explanation.context])
    if explanation.statements:
        parts.append("The enclosed exhibits show the facts I rely on:")
        parts.append(
            "\n".join(
                f"- {s.text.strip()} (Exhibit {', '.join(s.exhibits)})"
                if s.exhibits
                else f"- {s.text.strip()}"
                for s in explanation.statements
            )
        )
    if explanation.disputes and explanation.records_requested.strip():
        parts.append("The records I ask for")
        parts.append(
            "So that I can answer the decision fully, please send me the records it rests on: "
            + explanation.records_requested.strip()
        )
    # A cause would be an admission: a dispute's plan says only what the driver will do.
    causes = plan.root_causes if explanation.acknowledges else ()
    if causes or plan.actions:
        parts.append("What I have changed" if explanation.acknowledges else "What I will do")
        if causes:
            parts.append(f"The cause was: {_join(tuple(c.lower() for c in causes))}.")
        if plan.actions:
            parts.append("\n".join(_action_line(a) for a in plan.actions))
    parts += _paragraphs([monitoring_sentence(plan)])
    if plan.commitment.strip() or commitment_titles:
        keeps = f" I will keep to {_join(commitment_titles)}." if commitment_titles else ""
        parts.append((plan.commitment.strip() + keeps).strip())
    record = record_lines(facts.appeal.record)
    if record:
        parts.append("My record")
        parts.append("\n".join(f"- {line}" for line in record))
    if facts.exhibit_count:
        parts.append(
            f"I enclose {facts.exhibit_count} exhibit{'s' if facts.exhibit_count != 1 else ''},"
            " listed in the exhibit index with the SHA-256 fingerprint of each original file."
        )
    parts.append(
        "Thank you for reviewing my appeal. I would be grateful to have my account reinstated."
    )
    parts.append("\n".join(["Sincerely,", facts.driver_name, *signature_lines(facts)]))
    return "\n\n".join(p for p in parts if p.strip())


def account_words(facts: AppealFacts) -> str:
    """ "Amazon Flex account (dana@example.com)", or "account" when neither is known."""
    platform = f"{facts.platform_name} " if facts.platform_name else ""
    account = facts.platform_account.strip()
    return f"{platform}account ({account})" if account else f"{platform}account"


def references_sentence(references: tuple[str, ...]) -> str:
    if len(references) == 1:
        return f"The notice's reference is {references[0]}."
    return f"The notice's references are {_join(references)}."


def signature_lines(facts: AppealFacts) -> list[str]:
    """Under the name: the account the platform knows, and the notice's references."""
    lines = []
    if facts.platform_account.strip():
        platform = f"{facts.platform_name} account" if facts.platform_name else "Account"
        lines.append(f"{platform}: {facts.platform_account.strip()}")
    if facts.notice_references:
        lines.append(f"Reference: {', '.join(facts.notice_references)}")
    return lines


def monitoring_sentence(plan: Plan) -> str:
    """ "I will check my on-time arrival every Sunday and keep it at 100%.", or "" when the
    plan names no measure to watch."""
    metric = plan.monitoring_metric.strip()
    if not metric:
        return ""
    keep = plan.monitoring_threshold.strip()
    return (
        f"To make sure this works, I will check my {metric}"
        f" {plan.monitoring_frequency.strip()}" + (f" and keep it at {keep}" if keep else "") + "."
    )


def record_lines(record: Record) -> tuple[str, ...]:
    """One line for each part of the record of good standing the driver filled in."""
    return tuple(
        f"{label}: {value}"
        for name, label in RECORD_LABELS.items()
        if (value := getattr(record, name)).strip()
    )


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
