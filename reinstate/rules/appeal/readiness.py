"""Is the appeal ready to send? Scores it against what a strong appeal needs (the source guide:
address the reason, meet the deadline, attach the documents, explain against a named policy,
back every claim, a specific measurable dated plan with monitoring, a commitment to named
policies, a professional tone, support contacted, an approved letter that says who is
appealing) and says what to do about each gap, with the points each costs. It follows the
driver's stance: a dispute is judged on its facts, its evidence and the records it asks for, and
never needs an acknowledgement or a plan; an acknowledgement on what it accepts and its plan.

Pure, no Django: the caller gathers the facts (rules/appeal/shape.py) and passes `now`.
"""

from __future__ import annotations

import re
from dataclasses import astuple, dataclass, field, replace
from datetime import datetime, timedelta

from reinstate.lib.i18n import _
from reinstate.rules.appeal.shape import DEFAULT_STANCE, AppealFacts, Explanation, Plan
from reinstate.rules.appeal.tone import check_tone
from reinstate.rules.deadlines.arithmetic import require_aware

# Less than this before the deadline and the driver should send what they have.
ENOUGH_TIME = timedelta(days=2)
SPECIFIC_WORDS = 25  # fewer words than this cannot give a specific account
ACTION_WORDS = 5
_DETAIL = re.compile(r"\d")  # a date, a time, a count, a ticket number

ERROR = "error"  # the appeal is not ready
WARNING = "warning"  # it would be stronger
SUGGESTION = "suggestion"  # it may help; it costs nothing

# The level the page marks as ready. A threat, an insult or shouting in what will be sent keeps
# the score below it until it is taken out, whatever else the appeal does well.
READY_SCORE = 80
HOSTILE_TONE = frozenset({"threat", "insult", "shouting"})


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # ERROR, WARNING or SUGGESTION
    message: str
    fix: str
    points: int = 0  # what it costs of the score: the findings' points add up to 100 - score
    check: str = ""  # which of WEIGHTS' checks found it: the part of the appeal to change


@dataclass(frozen=True)
class Readiness:
    score: int  # 0..100
    findings: list[Finding] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not any(f.severity == ERROR for f in self.findings)


# Each check's share of the score, per stance (each table adds up to 100). A check's points
# are shared among its findings: all of them must be fixed to win the points back. A dispute
# weighs the facts, the evidence and the records asked for; an acknowledgement what the driver
# accepts and the corrective action plan; both, all of them.
_COMMON = {"tone": 6, "letter": 10, "identity": 2}
WEIGHTS: dict[str, dict[str, int]] = {
    "dispute": _COMMON | {
        "reason": 12, "deadline": 8, "documents": 10, "policy": 8, "specific": 14,
        "exhibits": 18, "records": 8, "good_standing": 2, "support": 2,
    },
    "acknowledge": _COMMON | {
        "reason": 10, "deadline": 8, "documents": 8, "policy": 8, "acknowledgement": 8,
        "specific": 6, "exhibits": 8, "actions": 10, "root_causes": 4, "monitoring": 5,
        "commitment": 5, "good_standing": 1, "support": 1,
    },
    "both": _COMMON | {
        "reason": 8, "deadline": 6, "documents": 8, "policy": 6, "acknowledgement": 6,
        "specific": 8, "exhibits": 10, "records": 6, "actions": 8, "root_causes": 3,
        "monitoring": 4, "commitment": 4, "good_standing": 3, "support": 2,
    },
}  # fmt: skip


def check_readiness(facts: AppealFacts, *, now: datetime) -> Readiness:
    require_aware(now)
    explanation = facts.appeal.explanation
    failed: list[tuple[str, Finding]] = [
        *_letter(facts),
        *_reason(facts),
        *_deadline(facts, now),
        *_documents(facts),
        *_explanation(explanation),
        *_exhibits(explanation),
        *_records(explanation),
        *(_plan(facts.appeal.plan) if explanation.acknowledges else _optional_plan(facts)),
        *_tone(texts_to_send(facts)),
        *_identity(facts),
        *_record(facts),
    ]
    weights = WEIGHTS.get(explanation.stance, WEIGHTS[DEFAULT_STANCE])
    points = _points(failed, weights)
    score = 100 - sum(points)
    hostile = [i for i, (check, f) in enumerate(failed) if _is_hostile(check, f)]
    if hostile and score >= READY_SCORE:
        # The cap's cost is the hostile findings', so the page says what it is for.
        for i, extra in zip(hostile, _share(score - READY_SCORE + 1, len(hostile)), strict=True):
            points[i] += extra
        score = READY_SCORE - 1
    findings = [replace(f, points=p, check=c) for (c, f), p in zip(failed, points, strict=True)]
    return Readiness(score=score, findings=findings)


def _points(failed: list[tuple[str, Finding]], weights: dict[str, int]) -> list[int]:
    """Each finding's share of its check's weight; suggestions cost nothing."""
    points = [0] * len(failed)
    for check in dict.fromkeys(check for check, _finding in failed):
        counted = [i for i, (c, f) in enumerate(failed) if c == check and f.severity != SUGGESTION]
        for i, share in zip(counted, _share(weights.get(check, 0), len(counted)), strict=True):
            points[i] = share
    return points


def _share(total: int, parts: int) -> list[int]:
    """`total` in `parts` whole shares, the first ones larger by one when it does not divide."""
    if parts == 0:
        return []
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _is_hostile(check: str, finding: Finding) -> bool:
    return check == "tone" and finding.code.removeprefix("tone_") in HOSTILE_TONE


def _f(check: str, code: str, severity: str, message: str, fix: str) -> tuple[str, Finding]:
    return check, Finding(code, severity, message, fix)


def _reason(facts: AppealFacts) -> list[tuple[str, Finding]]:
    if facts.reason is None:
        return [
            _f(
                "reason",
                "reason_unknown",
                "error",
                _("We don't know why the account was deactivated, so the appeal cannot answer it."),
                _("Choose the reason on the case page (Correct the reading), or ask support."),
            )
        ]
    addressed = facts.explained_reason == facts.reason
    if not addressed or not facts.appeal.explanation.what_happened.strip():
        return [
            _f(
                "reason",
                "reason_not_addressed",
                "error",
                _("Your explanation does not answer the reason the notice gives."),
                _("Write what happened about this reason, in your own words."),
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
                _("The deadline to appeal has passed."),
                _("Send it anyway as soon as you can, and ask support in writing to accept it."),
            )
        ]
    if facts.deadline - now < ENOUGH_TIME:
        return [
            _f(
                "deadline",
                "deadline_close",
                "warning",
                _("Less than two days are left before the deadline."),
                _("Send what you have now rather than waiting to make it perfect."),
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
            _("Required documents are not attached: %(documents)s.")
            # The checklist keeps the catalogue's English titles: shown in the reader's language.
            % {"documents": ", ".join(_(title) for title in facts.missing_documents)},
            _("Add them in the evidence locker, or mark them done if you cannot get them."),
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
                _("The explanation does not name the policy involved."),
                _("Choose the policy from the list, or quote it from your notice."),
            )
        )
    if explanation.acknowledges and not explanation.acknowledgement.strip():
        found.append(
            _f(
                "acknowledgement",
                "no_acknowledgement",
                "error",
                _(
                    "You say you understand what went wrong, but not what you accept. "
                    "A bare apology fails."
                ),
                _(
                    "Say honestly where you fell short, or what you understand the concern to be. "
                    "If you accept nothing, choose “The decision is wrong”: "
                    "an appeal never needs an admission."
                ),
            )
        )
    words = explanation.what_happened.split()
    if len(words) < SPECIFIC_WORDS or not _DETAIL.search(explanation.what_happened):
        found.append(
            _f(
                "specific",
                "explanation_vague",
                "warning",
                _("What happened is too short or too vague to check."),
                _("Give the date, the time, the place and what you did, step by step."),
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
                _("The appeal makes no statement backed by evidence."),
                _("Add the facts you rely on, each with the exhibit that shows it."),
            )
        ]
    return [
        _f(
            "exhibits",
            "claim_without_exhibit",
            "error",
            _("This statement has no exhibit behind it: “%(statement)s”.")
            % {"statement": _clip(s.text)},
            _("Link it to the photo, record or message that shows it, or take it out."),
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
                _("The plan does not say what caused the problem."),
                _("Choose a cause from the suggestions or write your own."),
            )
        )
    if not plan.actions:
        found.append(
            _f(
                "actions",
                "no_actions",
                "error",
                _("The plan has no actions. A promise to do better is not enough."),
                _("Add at least one step you will take, with a target and a start date."),
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
                    _("“%(action)s” is too vague to check.") % {"action": name},
                    _(
                        "Say exactly what you will do, and when (before every block, each "
                        "morning…).",
                    ),
                )
            )
        if not _DETAIL.search(a.target):
            found.append(
                _f(
                    "actions",
                    "action_not_measurable",
                    "error",
                    _("“%(action)s” has no measurable target.") % {"action": name},
                    _("Add a number: for example, no late arrival in the next 20 blocks."),
                )
            )
        if a.starts_on is None:
            found.append(
                _f(
                    "actions",
                    "action_not_dated",
                    "error",
                    _("“%(action)s” has no start date.") % {"action": name},
                    _("Add the date you start (or started) doing it."),
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
                _("The plan does not say how you will check that it works."),
                _("Name the measure, the level you keep it at, and how often you check it."),
            )
        )
    if not plan.commitment_policies:
        found.append(
            _f(
                "commitment",
                "commitment_unnamed",
                "error",
                _("Your commitment does not name the policies you will keep."),
                _("Choose the policies your commitment covers."),
            )
        )
    return found


def _records(explanation: Explanation) -> list[tuple[str, Finding]]:
    if not explanation.disputes or explanation.records_requested.strip():
        return []
    return [
        _f(
            "records",
            "no_records_requested",
            "warning",
            _("You say the decision is wrong but do not ask for the records it rests on."),
            _(
                "Ask for them: the customer's report, the GPS trace, the delivery photos or the "
                "metrics the platform used."
            ),
        )
    ]


def _optional_plan(facts: AppealFacts) -> list[tuple[str, Finding]]:
    """A dispute needs no plan: a plan written anyway is read, but only to suggest."""
    plan = facts.appeal.plan
    if not any(value for value in astuple(plan)):
        return [
            _f(
                "actions",
                "plan_optional",
                SUGGESTION,
                _("You need not promise any change when the decision is wrong."),
                _(
                    "If there is something you will do anyway (take a photo at every drop-off, "
                    "leave earlier), a short plan can still help."
                ),
            )
        ]
    return [
        (check, replace(finding, severity=SUGGESTION))
        for check, finding in _plan(plan)
        if finding.code != "no_root_cause"  # a cause would be an admission
    ]


def _letter(facts: AppealFacts) -> list[tuple[str, Finding]]:
    newest, approved = facts.newest_version, facts.approved_version
    if approved is None:
        return [
            _f(
                "letter",
                "no_approved_letter",
                "error",
                _("Version %(version)s of your letter is not approved yet.") % {"version": newest}
                if newest
                else _("There is no letter yet."),
                _(
                    "Read it, edit it if needed, and approve it: a packet carries only an "
                    "approved letter."
                )
                if newest
                else _("Draft your letter from your appeal, read it, edit it, then approve it."),
            )
        ]
    if newest is not None and newest > approved:
        return [
            _f(
                "letter",
                "letter_newer_than_approved",
                "warning",
                _(
                    "Packets carry version %(approved)s, the one you approved; "
                    "version %(newest)s is newer."
                )
                % {"approved": approved, "newest": newest},
                _("Approve version %(version)s if it is the one to send.") % {"version": newest},
            )
        ]
    return []


def texts_to_send(facts: AppealFacts) -> list[str]:
    """What will be sent: the approved letter, and a newer version the driver is working on;
    before there is a letter, the driver's own words."""
    letters = [facts.approved_letter, facts.newest_letter]
    texts = list(dict.fromkeys(text for text in letters if text.strip()))
    if texts:
        return texts
    explanation, plan = facts.appeal.explanation, facts.appeal.plan
    parts = [
        explanation.what_happened,
        explanation.acknowledgement if explanation.acknowledges else "",
        explanation.context,
        explanation.records_requested if explanation.disputes else "",
        plan.commitment,
    ]
    return ["\n\n".join(p for p in parts if p.strip())]


def _tone(texts: list[str]) -> list[tuple[str, Finding]]:
    found: dict[tuple[str, str], tuple[str, Finding]] = {}
    for text in texts:
        for t in check_tone(text):
            quote = text[t.start : t.end]
            hostile = t.code in HOSTILE_TONE
            values = {"message": t.message, "quote": quote, "score": READY_SCORE}
            message = (
                _("%(message)s (“%(quote)s”) Until it is out, the score stays below %(score)s.")
                if hostile
                else _("%(message)s (“%(quote)s”)")
            ) % values
            severity = "error" if hostile else t.severity
            finding = _f("tone", f"tone_{t.code}", severity, message, t.fix)
            found.setdefault((t.code, quote.casefold()), finding)  # once, if in both letters
    return list(found.values())


def _identity(facts: AppealFacts) -> list[tuple[str, Finding]]:
    found = []
    if not facts.legal_name.strip():
        found.append(
            _f(
                "identity",
                "no_legal_name",
                "warning",
                _(
                    "The appeal is signed “%(name)s”, your user name: "
                    "the platform knows you by your legal name."
                )
                % {"name": facts.driver_name},
                _("Add your legal name in your profile."),
            )
        )
    if facts.platform_name and not facts.platform_account.strip():
        found.append(
            _f(
                "identity",
                "no_platform_account",
                "warning",
                _("The appeal does not say which %(platform)s account is yours.")
                % {"platform": facts.platform_name},
                _("Add the email or phone number of your %(platform)s account in your profile.")
                % {"platform": facts.platform_name},
            )
        )
    return found


def _record(facts: AppealFacts) -> list[tuple[str, Finding]]:
    found = []
    if not any(value.strip() for value in astuple(facts.appeal.record)):
        found.append(
            _f(
                "good_standing",
                "no_good_standing",
                "warning",
                _("The appeal says nothing of your good record."),
                _("Add how long you have driven, the work you completed and any good feedback."),
            )
        )
    if facts.support_contacts == 0:
        found.append(
            _f(
                "support",
                "no_support_contacts",
                "warning",
                _("No contact with support is logged."),
                _("Log your emails, chats and calls with support, with ticket numbers."),
            )
        )
    return found


def _clip(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"
