"""The one next thing to do on a case, and where the driver is in the process.

Pure: the caller gathers plain facts about the case (compose/journey.py) and this rule says
which of the steps is next, why, and which page does it. The steps follow the source guide's
parts of the process, in the order a driver meets them; the first step not done is next.

The texts speak to whoever reads them: "Your deadline" to the driver, "Maria's deadline" to an
advocate working the case (`journey(progress, driver="Maria")`). The advocate is still "you"
where they act ("Send what Maria has as soon as you can")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reinstate.lib.dates import when
from reinstate.lib.i18n import _, gettext_noop, ngettext, pgettext
from reinstate.rules.appeal.shape import STANCES


@dataclass(frozen=True, kw_only=True)
class CaseProgress:
    """What the rule reads of a case, plainly."""

    closed: bool = False
    outcome: str = ""  # how it ended, in a few words ("" when nobody said)
    received_assumed: bool = False  # nobody said when the notice arrived
    meaning_seen: bool = False  # the driver has read what the notice means
    deadline_seen: bool = False  # ...and the deadline with its work plan
    deadline_passed: bool = False
    missing_documents: int = 0  # required checklist items with neither evidence nor a tick
    stance: str = "acknowledge"  # one of shape.STANCES
    explanation_written: bool = False
    plan_written: bool = False
    record_written: bool = False
    letter_written: bool = False  # a letter version exists
    letter_approved: bool = False
    # The readiness checks (readiness.WEIGHTS' keys) with a finding that must be fixed before
    # sending: a step is done only when none of its own checks is among them.
    to_fix: frozenset[str] = frozenset()
    packet_built: bool = False  # a final (not draft) packet was built
    sent: bool = False  # the driver said the appeal (or a protective appeal) went out
    # While waiting (rules/appeal/waiting.py): the day the answer is due by the platform's
    # review time, its plain label, and the next day to follow up if none came.
    decision_expected_by: date | None = None
    review_label: str = ""
    follow_up_on: date | None = None
    # The decision the driver recorded: "granted", "denied", "partial", "no_answer" or "".
    # A granted appeal closes the case; the others keep it open for what comes next.
    decided: str = ""
    escalated: bool = False  # a step after a denial was taken (second review, arbitration...)

    @property
    def ready(self) -> bool:
        return not self.to_fix


# Which readiness checks each writing step answers for, so that a step is not called done
# while the check still finds something in it to fix.
HAPPENED_CHECKS = frozenset({"reason", "specific", "exhibits"})
CHANGING_CHECKS = frozenset(
    {"policy", "acknowledgement", "records", "root_causes", "actions", "monitoring", "commitment"}
)
TOTAL_STEPS = 11
# The steps' numbers as the pages of the guided path show them ("Step 3 of 11").
MEANING, DEADLINE, EVIDENCE, HAPPENED, CHANGING, RECORD, LETTER, CHECK, SEND = range(3, 12)


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    done: bool
    page: str  # a URL name that takes the case's id
    anchor: str = ""  # a fragment on that page, without "#"


@dataclass(frozen=True)
class NextStep:
    number: int
    total: int
    title: str
    why: str
    button: str
    page: str
    anchor: str


@dataclass(frozen=True)
class Journey:
    steps: tuple[Step, ...]
    next: NextStep | None  # None once the case is closed
    ended: str  # for a closed case: how it ended; "" while open
    deadline_passed: bool

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def done_count(self) -> int:
        return sum(step.done for step in self.steps)


CASE = "cases:detail"
# Where a driver reads what they can do after a "no". TODO: "appeals:options" once that page
# exists (another part of issue 12 adds it); until then the send page, which shows the decision.
OPTIONS_PAGE = "appeals:options"


def journey(progress: CaseProgress, *, driver: str | None = None) -> Journey:
    """`driver`: the driver's first name when an advocate reads; None when the driver does."""
    if progress.stance not in STANCES:
        raise ValueError(f"unknown stance {progress.stance!r}")
    to_fix = progress.to_fix
    if progress.sent:  # once sent, a passed deadline is history, not something left to fix
        to_fix = to_fix - {"deadline"}
    happened_done = progress.explanation_written and not to_fix & HAPPENED_CHECKS
    changing_done = not to_fix & CHANGING_CHECKS and (
        progress.stance == "dispute" or progress.plan_written
    )
    changing = Step(
        CHANGING,
        _kept(
            driver, _CHANGING_TITLES[progress.stance], _CHANGING_TITLES_THEIRS.get(progress.stance)
        ),
        changing_done,
        "appeals:step_accept" if progress.stance == "acknowledge" else "appeals:step_wrong",
    )
    steps = (
        # A case is opened from its notice: the first step is done by the time there is a case.
        Step(1, _("The notice"), True, CASE, "notice-h"),
        Step(2, _("Say when the notice arrived"), not progress.received_assumed, "cases:received"),
        Step(MEANING, _("Read what the notice means"), progress.meaning_seen, "cases:meaning"),
        Step(DEADLINE, _("The deadline and plan"), progress.deadline_seen, "cases:deadline"),
        Step(
            EVIDENCE,
            _("Gather the evidence the reason needs"),
            progress.missing_documents == 0,
            "evidence:locker",
        ),
        Step(HAPPENED, _("Say what happened"), happened_done, "appeals:step_happened"),
        changing,
        Step(
            RECORD,
            _whose(
                driver,
                _("Write your record of good standing"),
                _("Write %(name)s's record of good standing"),
            ),
            progress.record_written,
            "appeals:step_record",
        ),
        Step(
            LETTER,
            pgettext("step", "Write the letter"),
            progress.letter_written,
            "appeals:step_letter",
        ),
        Step(
            CHECK,
            _("Check and approve the letter"),
            progress.letter_approved and not to_fix,
            "appeals:check",
        ),
        # Done once the driver says it was sent.
        Step(
            SEND,
            _whose(driver, _("Send your appeal"), _("Send %(name)s's appeal")),
            progress.sent,
            "appeals:step_send",
        ),
    )
    if progress.closed:
        ended = progress.outcome or _("The case is closed.")
        return Journey(steps, None, ended, progress.deadline_passed)
    return Journey(steps, _next(progress, steps, driver), "", progress.deadline_passed)


def _whose(driver: str | None, yours: str, theirs: str) -> str:
    """`yours` (translated) when the driver reads; `theirs`, naming the driver, for an advocate."""
    return yours if driver is None else theirs % {"name": driver}


def _kept(driver: str | None, yours: str, theirs: str | None) -> str:
    """A text kept in a module dict, translated where shown: for an advocate, its variant naming
    the driver when it has one (a text without "you" has none and reads the same for both)."""
    if driver is None or theirs is None:
        return _(yours)
    return _(theirs) % {"name": driver}


def _next(progress: CaseProgress, steps: tuple[Step, ...], driver: str | None) -> NextStep:
    total = len(steps)
    send = steps[-1]
    if progress.decided:
        return _after_decision(progress, total, driver)
    # Once sent, a passed deadline is no longer a reason to hurry. (After a protective appeal
    # the steps not done yet still come first: the full appeal follows it.)
    if progress.deadline_passed and not progress.sent:
        return NextStep(
            send.number,
            total,
            _whose(driver, _("Send your appeal now"), _("Send %(name)s's appeal now")),
            _whose(
                driver,
                _(
                    "Your deadline has passed. Send what you have as soon as you can and ask "
                    "them to consider it: a late appeal can still be read."
                ),
                _(
                    "%(name)s's deadline has passed. Send what %(name)s has as soon as you can "
                    "and ask them to consider it: a late appeal can still be read."
                ),
            ),
            _whose(driver, _("Go to your appeal"), _("Go to %(name)s's appeal")),
            send.page,
            send.anchor,
        )
    step = next((s for s in steps if not s.done), None)
    if step is None:  # every step is done, the last one by sending it
        return _waiting(progress, send, total, driver)
    why, button = _WHY[step.number]
    their_why, their_button = _WHY_THEIRS.get(step.number, (None, None))
    if step.number == CHANGING and progress.stance == "dispute":
        why, button = _WHY_WRONG
        their_why, their_button = _WHY_WRONG_THEIRS
    why, button = _kept(driver, why, their_why), _kept(driver, button, their_button)
    if step.number == EVIDENCE:
        count = progress.missing_documents
        why = ngettext(
            "%(count)s required document still missing. %(why)s",
            "%(count)s required documents still missing. %(why)s",
            count,
        ) % {"count": count, "why": why}
    if step.number == CHECK and progress.letter_approved and not progress.ready:
        why = _whose(
            driver,
            _("The check found something to fix before you send."),
            _("The check found something to fix before %(name)s's appeal is sent."),
        )
    if step.number == SEND and progress.packet_built:
        why = _whose(
            driver,
            _("Your packet is built. Send it to the platform before the deadline and keep proof."),
            _(
                "%(name)s's packet is built. Send it to the platform before the deadline and "
                "keep proof."
            ),
        )
        button = _whose(driver, _("Get your packet"), _("Get %(name)s's packet"))
    return NextStep(step.number, total, step.title, why, button, step.page, step.anchor)


def _waiting(progress: CaseProgress, send: Step, total: int, driver: str | None) -> NextStep:
    """Sent: what is left is to wait for the answer, and follow up at the platform's pace."""
    sentences = [_whose(driver, _("Your appeal is sent."), _("%(name)s's appeal is sent."))]
    expected, follow_up = progress.decision_expected_by, progress.follow_up_on
    if expected is not None:
        values = {"day": _day(expected), "review": progress.review_label}
        sentences.append(
            _("Expect a decision by %(day)s, going by %(review)s.") % values
            if progress.review_label
            else _("Expect a decision by %(day)s.") % values
        )
    if follow_up is not None:
        sentences.append(
            _("If no answer has come, follow up on %(day)s.") % {"day": _day(follow_up)}
        )
    sentences.append(
        _whose(
            driver,
            _("Log every answer from the platform in your support log."),
            _("Log every answer from the platform in %(name)s's support log."),
        )
    )
    return NextStep(
        send.number,
        total,
        _("Wait for the decision"),
        " ".join(sentences),
        _whose(driver, _("See what you sent"), _("See %(name)s's sent appeal")),
        send.page,
        "sent-h",
    )


def _after_decision(progress: CaseProgress, total: int, driver: str | None) -> NextStep:
    """Denied, partly granted or no answer: the case stays open for what can come next."""
    return NextStep(
        total,
        total,
        _whose(driver, _("See what you can do next"), _("See what %(name)s can do next")),
        _kept(driver, _AFTER[progress.decided], _AFTER_THEIRS.get(progress.decided)),
        _whose(driver, _("See your options"), _("See %(name)s's options")),
        OPTIONS_PAGE,
        "",
    )


def _day(day: date) -> str:
    """'Friday 12 December': a day a driver can put in a calendar."""
    return when(day, "weekday")


# Translated where they are shown.
_AFTER = {
    "denied": gettext_noop(
        "The platform said no. That is often not the end: there may be a second review, "
        "arbitration, a complaint to a regulator or free legal help, each with its own clock."
    ),
    "partial": gettext_noop(
        "Part of what you asked was granted. For the rest, there may be a second review, "
        "a complaint to a regulator or free legal help, each with its own clock."
    ),
    "no_answer": gettext_noop(
        "No answer came in time. Follow up, and see what else you can do: a complaint "
        "to a regulator or free legal help, each with its own clock."
    ),
    "granted": gettext_noop("Your appeal was granted."),
}

# For an advocate: the same texts naming the driver ("%(name)s"), for those that say "you".
_AFTER_THEIRS = {
    "partial": gettext_noop(
        "Part of what %(name)s asked was granted. For the rest, there may be a second review, "
        "a complaint to a regulator or free legal help, each with its own clock."
    ),
    "no_answer": gettext_noop(
        "No answer came in time. Follow up, and see what else %(name)s can do: a complaint "
        "to a regulator or free legal help, each with its own clock."
    ),
    "granted": gettext_noop("%(name)s's appeal was granted."),
}

_CHANGING_TITLES = {
    "dispute": gettext_noop("Say why the decision is wrong"),
    "acknowledge": gettext_noop("Say what you are changing"),
    "both": gettext_noop("Say what is wrong and what you are changing"),
}
_CHANGING_TITLES_THEIRS = {
    "acknowledge": gettext_noop("Say what %(name)s is changing"),
    "both": gettext_noop("Say what is wrong and what %(name)s is changing"),
}
_WHY_WRONG = (
    gettext_noop(
        "Name the rule they say you broke, and ask for the records the decision rests on."
    ),
    gettext_noop("Say why it is wrong"),
)
_WHY_WRONG_THEIRS: tuple[str | None, str | None] = (
    gettext_noop(
        "Name the rule they say %(name)s broke, and ask for the records the decision rests on."
    ),
    None,
)
_WHY: dict[int, tuple[str, str]] = {
    2: (
        gettext_noop(
            "Your deadline counts from when it arrived; if it came earlier, the deadline may be "
            "sooner."
        ),
        gettext_noop("Say when it arrived"),
    ),
    MEANING: (
        gettext_noop("The reason they gave, and what your appeal must show."),
        gettext_noop("Read what it means"),
    ),
    DEADLINE: (
        gettext_noop("When your appeal must be in, and what to do by when."),
        gettext_noop("See the deadline"),
    ),
    EVIDENCE: (
        gettext_noop("Photos, screenshots and papers show your side."),
        gettext_noop("Add evidence"),
    ),
    HAPPENED: (
        gettext_noop("In your own words: what happened, when and where."),
        gettext_noop("Write what happened"),
    ),
    CHANGING: (
        gettext_noop("What you will do so it does not happen again."),
        gettext_noop("Write your plan"),
    ),
    RECORD: (
        gettext_noop("Your record as a driver is context for the appeal."),
        gettext_noop("Write your record"),
    ),
    LETTER: (
        gettext_noop("A draft is made from what you wrote; you edit it and approve it."),
        gettext_noop("Write the letter"),
    ),
    CHECK: (
        gettext_noop("Read the letter, fix what the check finds, and approve it."),
        gettext_noop("Check the letter"),
    ),
    SEND: (
        gettext_noop("Build the packet: the letter and your evidence, ready to send."),
        gettext_noop("Build the packet"),
    ),
}
# For an advocate: (why, button) naming the driver where the driver's text says "you" (None:
# the same as the driver's). The advocate stays "you" where they act ("you edit it").
_WHY_THEIRS: dict[int, tuple[str | None, str | None]] = {
    2: (
        gettext_noop(
            "%(name)s's deadline counts from when it arrived; if it came earlier, the deadline "
            "may be sooner."
        ),
        None,
    ),
    MEANING: (gettext_noop("The reason they gave, and what %(name)s's appeal must show."), None),
    DEADLINE: (gettext_noop("When %(name)s's appeal must be in, and what to do by when."), None),
    EVIDENCE: (gettext_noop("Photos, screenshots and papers show %(name)s's side."), None),
    HAPPENED: (gettext_noop("In %(name)s's own words: what happened, when and where."), None),
    CHANGING: (
        gettext_noop("What %(name)s will do so it does not happen again."),
        gettext_noop("Write %(name)s's plan"),
    ),
    RECORD: (
        gettext_noop("%(name)s's record as a driver is context for the appeal."),
        gettext_noop("Write %(name)s's record"),
    ),
    LETTER: (
        gettext_noop(
            "A draft of %(name)s's letter is made from what was written; you edit it and "
            "approve it."
        ),
        None,
    ),
    SEND: (
        gettext_noop("Build the packet: the letter and %(name)s's evidence, ready to send."),
        None,
    ),
}
