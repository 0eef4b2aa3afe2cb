"""The first draft of the appeal letter, built only from what the driver entered, and how a
letter's text is laid out in the packet.

Pure, no Django. It never adds a fact: every sentence is either the driver's own words or a
fixed frame around them ("I am writing to appeal…"). The driver edits and approves the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reinstate.lib.dates import when
from reinstate.lib.i18n import _, gettext_noop, ngettext, pgettext
from reinstate.rules.appeal.shape import AppealFacts, Plan, PlanAction, Record

# The letter is written in the active language: the caller renders it under the letter's own
# language (English unless the driver chose another), since it goes to the platform. Towards
# the platform it is formal (in Spanish, "ustedes"). Its headings carry the context "letter
# heading": the pages have their own "What happened", said to the driver.

# How the record of good standing reads in the letter, field by field.
RECORD_LABELS = {
    "driving_since": gettext_noop("On the platform since"),
    "work_completed": gettext_noop("Work completed"),
    "metrics": gettext_noop("Metrics"),
    "positive_feedback": gettext_noop("Positive feedback"),
}


def long_date(day: date) -> str:
    """ "13 December 2026" in the active language."""
    return when(day, "date_long")


# The letter's opening, after the account and the notice, by the driver's stance.
STANCE_SENTENCES = {
    "dispute": gettext_noop("I believe this decision is wrong, and I ask you to review it."),
    "acknowledge": "",
    "both": gettext_noop(
        "I believe this decision is wrong in part, and I also set out below what I accept "
        "and what I have changed."
    ),
}


def greeting(facts: AppealFacts) -> str:
    """ "Dear Amazon Flex team,"."""
    if facts.platform_name:
        return _("Dear %(platform)s team,") % {"platform": facts.platform_name}
    return _("Dear Support team,")


def sign_off(facts: AppealFacts) -> str:
    """ "Sincerely," then the name, the account and the references."""
    return "\n".join([_("Sincerely,"), facts.driver_name, *signature_lines(facts)])


def draft_letter(facts: AppealFacts) -> str:
    explanation, plan = facts.appeal.explanation, facts.appeal.plan
    policy_titles = tuple(facts.policy_title(ref) for ref in explanation.policies)
    commitment_titles = tuple(facts.policy_title(ref) for ref in plan.commitment_policies)
    reason_title = facts.reason_title or _("the reason given in the notice")
    opening = _(
        "I am writing to appeal the deactivation of my %(account)s, notified on %(day)s "
        "for %(reason)s."
    ) % {
        "account": account_words(facts),
        "day": long_date(facts.notice_date),
        "reason": reason_title.lower(),
    }
    if refs := facts.notice_references:
        opening += " " + references_sentence(refs)
    if policy_titles:
        opening += " " + _("The policy involved is %(policies)s.") % {
            "policies": _join(policy_titles)
        }
    parts = [greeting(facts), opening]
    stance = STANCE_SENTENCES.get(explanation.stance, "")
    parts += _paragraphs([_(stance) if stance else ""])
    if explanation.policy_quote.strip():
        parts.append(
            _("The policy says: “%(quote)s”") % {"quote": explanation.policy_quote.strip()}
        )
    parts += _section(pgettext("letter heading", "What happened"), [explanation.what_happened])
    accepted = explanation.acknowledgement if explanation.acknowledges else ""
    parts += _paragraphs([accepted, explanation.context])
    if explanation.statements:
        parts.append(_("The enclosed exhibits show the facts I rely on:"))
        parts.append(
            "\n".join(
                "- "
                + (
                    _("%(statement)s (Exhibit %(exhibits)s)")
                    % {"statement": s.text.strip(), "exhibits": ", ".join(s.exhibits)}
                    if s.exhibits
                    else s.text.strip()
                )
                for s in explanation.statements
            )
        )
    if explanation.disputes and explanation.records_requested.strip():
        parts.append(pgettext("letter heading", "The records I ask for"))
        parts.append(
            _(
                "So that I can answer the decision fully, please send me the records it rests "
                "on: %(records)s"
            )
            % {"records": explanation.records_requested.strip()}
        )
    # A cause would be an admission: a dispute's plan says only what the driver will do.
    causes = plan.root_causes if explanation.acknowledges else ()
    if causes or plan.actions:
        parts.append(
            pgettext("letter heading", "What I have changed")
            if explanation.acknowledges
            else pgettext("letter heading", "What I will do")
        )
        if causes:
            parts.append(
                _("The cause was: %(causes)s.")
                % {"causes": _join(tuple(c.lower() for c in causes))}
            )
        if plan.actions:
            parts.append("\n".join(_action_line(a) for a in plan.actions))
    parts += _paragraphs([monitoring_sentence(plan)])
    if plan.commitment.strip() or commitment_titles:
        keeps = (
            " " + _("I will keep to %(policies)s.") % {"policies": _join(commitment_titles)}
            if commitment_titles
            else ""
        )
        parts.append((plan.commitment.strip() + keeps).strip())
    record = record_lines(facts.appeal.record)
    if record:
        parts.append(pgettext("letter heading", "My record"))
        parts.append("\n".join(f"- {line}" for line in record))
    if facts.exhibit_count:
        parts.append(
            ngettext(
                "I enclose %(count)s exhibit, listed in the exhibit index with the SHA-256 "
                "fingerprint of each original file.",
                "I enclose %(count)s exhibits, listed in the exhibit index with the SHA-256 "
                "fingerprint of each original file.",
                facts.exhibit_count,
            )
            % {"count": facts.exhibit_count}
        )
    parts.append(
        _("Thank you for reviewing my appeal. I would be grateful to have my account reinstated.")
    )
    parts.append(sign_off(facts))
    return "\n\n".join(p for p in parts if p.strip())


def account_words(facts: AppealFacts) -> str:
    """ "Amazon Flex account (dana@example.com)", or "account" when neither is known."""
    platform = facts.platform_name
    account = facts.platform_account.strip()
    if platform and account:
        return _("%(platform)s account (%(account)s)") % {"platform": platform, "account": account}
    if platform:
        return _("%(platform)s account") % {"platform": platform}
    if account:
        return _("account (%(account)s)") % {"account": account}
    return _("account")


def references_sentence(references: tuple[str, ...]) -> str:
    return ngettext(
        "The notice's reference is %(references)s.",
        "The notice's references are %(references)s.",
        len(references),
    ) % {"references": _join(references)}


def signature_lines(facts: AppealFacts) -> list[str]:
    """Under the name: the account the platform knows, and the notice's references."""
    lines = []
    account = facts.platform_account.strip()
    if account:
        if facts.platform_name:
            line = _("%(platform)s account: %(account)s") % {
                "platform": facts.platform_name,
                "account": account,
            }
        else:
            line = _("Account: %(account)s") % {"account": account}
        lines.append(line)
    if facts.notice_references:
        lines.append(
            _("Reference: %(references)s") % {"references": ", ".join(facts.notice_references)}
        )
    return lines


def monitoring_sentence(plan: Plan) -> str:
    """ "To make sure this works, I will check my on-time arrival every Sunday and keep it at
    100%.", or "" when the plan names no measure to watch."""
    metric = plan.monitoring_metric.strip()
    if not metric:
        return ""
    keep = plan.monitoring_threshold.strip()
    values = {"metric": metric, "frequency": plan.monitoring_frequency.strip(), "level": keep}
    if keep:
        return (
            _(
                "To make sure this works, I will check my %(metric)s %(frequency)s and keep it "
                "at %(level)s."
            )
            % values
        )
    return _("To make sure this works, I will check my %(metric)s %(frequency)s.") % values


def record_lines(record: Record) -> tuple[str, ...]:
    """One line for each part of the record of good standing the driver filled in."""
    return tuple(
        _("%(label)s: %(value)s") % {"label": _(label), "value": value}
        for name, label in RECORD_LABELS.items()
        if (value := getattr(record, name)).strip()
    )


def _action_line(action: PlanAction) -> str:
    values = {
        "action": action.action.strip(),
        "target": action.target.strip(),
        "day": long_date(action.starts_on) if action.starts_on else "",
    }
    if values["target"] and values["day"]:
        line = _("%(action)s; target: %(target)s; from %(day)s.") % values
    elif values["target"]:
        line = _("%(action)s; target: %(target)s.") % values
    elif values["day"]:
        line = _("%(action)s; from %(day)s.") % values
    else:
        line = values["action"] + "."
    return f"- {line}"


def _section(title: str, paragraphs: list[str]) -> list[str]:
    body = _paragraphs(paragraphs)
    return [title, *body] if body else []


def _paragraphs(paragraphs: list[str]) -> list[str]:
    return [p.strip() for p in paragraphs if p.strip()]


def _join(items: tuple[str, ...]) -> str:
    """ "A, B and C" in the active language."""
    if len(items) <= 1:
        return "".join(items)
    return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


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
