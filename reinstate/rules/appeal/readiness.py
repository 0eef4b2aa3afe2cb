"""Is the appeal ready to send? Scores it against what a strong appeal needs (the source guide:
address the reason, meet the deadline, attach the documents, explain against a named policy,
back every claim, a specific measurable dated plan with monitoring, a commitment to named
policies, a professional tone, support contacted) and says what to do about each gap.

Pure, no Django: the caller gathers the facts (rules/appeal/shape.py) and passes `now`.
"""

from __future__ import annotations

import re
from dataclasses import astuple, dataclass, field
from datetime import datetime, timedelta

from reinstate.rules.appeal.shape import AppealFacts, Explanation, Plan
from reinstate.rules.appeal.tone import check_tone
from reinstate.rules.deadlines.arithmetic import require_aware

# Less than this before the deadline and the driver should send what they have.
ENOUGH_TIME = timedelta(days=2)
SPECIFIC_WORDS = 25  # fewer words than this cannot give a specific account
ACTION_WORDS = 5
_DETAIL = re.compile(r"\d")  # a date, a time, a count, a ticket number


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # "error": the appeal is not ready; "warning": it would be stronger
    message: str
    fix: str


@dataclass(frozen=True)
class Readiness:
    score: int  # 0..100
    findings: list[Finding] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


# Each check's share of the score. A check fails as a whole whatever its number of findings.
WEIGHTS: dict[str, int] = {
    "reason": 10,
    "deadline": 10,
    "documents": 10,
    "policy": 10,
    "acknowledgement": 8,
    "specific": 8,
    "exhibits": 10,
    "actions": 10,
    "root_causes": 4,
    "monitoring": 5,
    "commitment": 5,
    "tone": 5,
    "good_standing": 3,
    "support": 2,
}


def check_readiness(facts: AppealFacts, *, now: datetime) -> Readiness:
    require_aware(now)
    failed: list[tuple[str, Finding]] = [
        *_reason(facts),
        *_deadline(facts, now),
        *_documents(facts),
        *_explanation(facts.appeal.explanation),
        *_exhibits(facts.appeal.explanation),
        *_plan(facts.appeal.plan),
        *_tone(text_to_send(facts)),
        *_record(facts),
    ]
    lost = sum(WEIGHTS[check] for check in {check for check, _ in failed})
    score = round(100 * (sum(WEIGHTS.values()) - lost) / sum(WEIGHTS.values()))
    return Readiness(score=score, findings=[finding for _, finding in failed])


def _f(check: str, code: str, severity: str, message: str, fix: str) -> tuple[str, Finding]:
    return check, Finding(code, severity, message, fix)


def _reason(facts: AppealFacts) -> list[tuple[str, Finding]]:
    if facts.reason is None:
        return [
            _f(
                "reason",
                "reason_unknown",
                "error",
                "We don't know why the account was deactivated, so the appeal cannot answer it.",
                "Choose the reason on the case page (Correct the reading), or ask support.",
            )
        ]
    addressed = facts.explained_reason == facts.reason
    if not addressed or not facts.appeal.explanation.what_happened.strip():
        return [
            _f(
                "reason",
                "reason_not_addressed",
                "error",
                "Your explanation does not answer the reason the notice gives.",
                "Write what happened about this reason, in your own words.",
            )
        ]
    return []


def _deadline(facts: AppealFacts, now: datetime) -> list[tuple[str, Finding]]:
    if facts.deadline is None:
        return []
    if facts.deadline <= now:
        return [
            _f(
                "deadline",
                "deadline_passed",
                "error",
                "The deadline to appeal has passed.",
                "Send it anyway as soon as you can, and ask support in writing to accept it.",
            )
        ]
    if facts.deadline - now < ENOUGH_TIME:
        return [
            _f(
                "deadline",
                "deadline_close",
                "warning",
                "Less than two days are left before the deadline.",
                "Send what you have now rather than waiting to make it perfect.",
            )
        ]
    return []


def _documents(facts: AppealFacts) -> list[tuple[str, Finding]]:
    if not facts.missing_documents:
        return []
    return [
        _f(
            "documents",
            "documents_missing",
            "error",
            "Required documents are not attached: " + ", ".join(facts.missing_documents) + ".",
            "Add them in the evidence locker, or mark them done if you cannot get them.",
        )
    ]


def _explanation(explanation: Explanation) -> list[tuple[str, Finding]]:
    found = []
    if not explanation.policies and not explanation.policy_quote.strip():
        found.append(
            _f(
                "policy",
                "policy_not_named",
                "error",
                "The explanation does not name the policy involved.",
                "Choose the policy from the list, or quote it from your notice.",
            )
        )
    if not explanation.acknowledgement.strip():
        found.append(
            _f(
                "acknowledgement",
                "no_acknowledgement",
                "error",
                "The explanation does not say what you accept. A bare denial or apology fails.",
                "Say honestly where you fell short, or what you understand the concern to be.",
            )
        )
    words = explanation.what_happened.split()
    if len(words) < SPECIFIC_WORDS or not _DETAIL.search(explanation.what_happened):
        found.append(
            _f(
                "specific",
                "explanation_vague",
                "warning",
                "What happened is too short or too vague to check.",
                "Give the date, the time, the place and what you did, step by step.",
            )
        )
    return found


def _exhibits(explanation: Explanation) -> list[tuple[str, Finding]]:
    if not explanation.statements:
        return [
            _f(
                "exhibits",
                "no_statements",
                "error",
                "The appeal makes no statement backed by evidence.",
                "Add the facts you rely on, each with the exhibit that shows it.",
            )
        ]
    return [
        _f(
            "exhibits",
            "claim_without_exhibit",
            "error",
            f"This statement has no exhibit behind it: “{_clip(s.text)}”.",
            "Link it to the photo, record or message that shows it, or take it out.",
        )
        for s in explanation.statements
        if not s.exhibits
    ]


def _plan(plan: Plan) -> list[tuple[str, Finding]]:
    found = []
    if not plan.root_causes:
        found.append(
            _f(
                "root_causes",
                "no_root_cause",
                "warning",
                "The plan does not say what caused the problem.",
                "Choose a cause from the suggestions or write your own.",
            )
        )
    if not plan.actions:
        found.append(
            _f(
                "actions",
                "no_actions",
                "error",
                "The plan has no actions. A promise to do better is not enough.",
                "Add at least one step you will take, with a target and a start date.",
            )
        )
    for a in plan.actions:
        name = _clip(a.action)
        if len(a.action.split()) < ACTION_WORDS:
            found.append(
                _f(
                    "actions",
                    "action_not_specific",
                    "error",
                    f"“{name}” is too vague to check.",
                    "Say exactly what you will do, and when (before every block, each morning…).",
                )
            )
        if not _DETAIL.search(a.target):
            found.append(
                _f(
                    "actions",
                    "action_not_measurable",
                    "error",
                    f"“{name}” has no measurable target.",
                    "Add a number: for example, no late arrival in the next 20 blocks.",
                )
            )
        if a.starts_on is None:
            found.append(
                _f(
                    "actions",
                    "action_not_dated",
                    "error",
                    f"“{name}” has no start date.",
                    "Add the date you start (or started) doing it.",
                )
            )
    if not (
        plan.monitoring_metric.strip()
        and plan.monitoring_threshold.strip()
        and plan.monitoring_frequency.strip()
    ):
        found.append(
            _f(
                "monitoring",
                "no_monitoring",
                "error",
                "The plan does not say how you will check that it works.",
                "Name the measure, the level you keep it at, and how often you check it.",
            )
        )
    if not plan.commitment_policies:
        found.append(
            _f(
                "commitment",
                "commitment_unnamed",
                "error",
                "Your commitment does not name the policies you will keep.",
                "Choose the policies your commitment covers.",
            )
        )
    return found


def text_to_send(facts: AppealFacts) -> str:
    """The newest letter is what will be sent; before there is one, the driver's own words."""
    if facts.newest_letter:
        return facts.newest_letter
    explanation, plan = facts.appeal.explanation, facts.appeal.plan
    parts = [
        explanation.what_happened,
        explanation.acknowledgement,
        explanation.context,
        plan.commitment,
    ]
    return "\n\n".join(p for p in parts if p.strip())


def _tone(text: str) -> list[tuple[str, Finding]]:
    return [
        _f("tone", f"tone_{t.code}", t.severity, f"{t.message} (“{text[t.start : t.end]}”)", t.fix)
        for t in check_tone(text)
    ]


def _record(facts: AppealFacts) -> list[tuple[str, Finding]]:
    found = []
    if not any(value.strip() for value in astuple(facts.appeal.record)):
        found.append(
            _f(
                "good_standing",
                "no_good_standing",
                "warning",
                "The appeal says nothing of your good record.",
                "Add how long you have driven, the work you completed and any good feedback.",
            )
        )
    if facts.support_contacts == 0:
        found.append(
            _f(
                "support",
                "no_support_contacts",
                "warning",
                "No contact with support is logged.",
                "Log your emails, chats and calls with support, with ticket numbers.",
            )
        )
    return found


def _clip(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"
