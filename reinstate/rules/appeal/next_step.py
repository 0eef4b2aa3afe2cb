"""The one next thing to do on a case, and where the driver is in the process.

Pure: the caller gathers plain facts about the case (compose/journey.py) and this rule says
which of the steps is next, why, and which page does it. The steps follow the source guide's
parts of the process, in the order a driver meets them; the first step not done is next."""

from __future__ import annotations

from dataclasses import dataclass

from reinstate.rules.appeal.shape import STANCES


@dataclass(frozen=True, kw_only=True)
class CaseProgress:
    """What the rule reads of a case, plainly."""

    closed: bool = False
    outcome: str = ""  # how it ended, in a few words ("" when nobody said)
    received_assumed: bool = False  # nobody said when the notice arrived
    deadline_passed: bool = False
    missing_documents: int = 0  # required checklist items with neither evidence nor a tick
    stance: str = "acknowledge"  # one of shape.STANCES
    explanation_written: bool = False
    plan_written: bool = False
    record_written: bool = False
    letter_written: bool = False  # a letter version exists
    letter_approved: bool = False
    ready: bool = False  # the readiness check finds nothing that must be fixed
    packet_built: bool = False  # a final (not draft) packet was built


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
APPEAL = "appeals:detail"


def journey(progress: CaseProgress) -> Journey:
    if progress.stance not in STANCES:
        raise ValueError(f"unknown stance {progress.stance!r}")
    disputes_only = progress.stance == "dispute"
    changing = (
        Step(
            7,
            "Say why the decision is wrong",
            progress.explanation_written,
            APPEAL,
            "explanation-h",
        )
        if disputes_only
        else Step(7, "Say what you are changing", progress.plan_written, APPEAL, "plan-h")
    )
    letter_checked = progress.letter_approved and progress.ready
    steps = (
        Step(1, "The notice", True, CASE, "notice-h"),
        Step(2, "Say when the notice arrived", not progress.received_assumed, "cases:received"),
        Step(3, "Read what the notice means", True, CASE, "what-h"),
        Step(4, "The deadline and plan", True, CASE, "deadline-h"),
        Step(
            5,
            "Gather the evidence the reason needs",
            progress.missing_documents == 0,
            "evidence:locker",
        ),
        Step(6, "Say what happened", progress.explanation_written, APPEAL, "explanation-h"),
        changing,
        Step(8, "Write your record of good standing", progress.record_written, APPEAL, "record-h"),
        Step(9, "Write the letter", progress.letter_written, APPEAL, "letter-h"),
        Step(10, "Check and approve the letter", letter_checked, APPEAL, "readiness-h"),
        Step(11, "Send your appeal", False, APPEAL, "packet-h"),
    )
    if progress.closed:
        ended = progress.outcome or "The case is closed."
        return Journey(steps, None, ended, progress.deadline_passed)
    return Journey(steps, _next(progress, steps), "", progress.deadline_passed)


def _next(progress: CaseProgress, steps: tuple[Step, ...]) -> NextStep:
    total = len(steps)
    send = steps[-1]
    if progress.deadline_passed:
        return NextStep(
            send.number,
            total,
            "Send your appeal now",
            "Your deadline has passed. Send what you have as soon as you can and ask them to "
            "consider it: a late appeal can still be read.",
            "Go to your appeal",
            send.page,
            send.anchor,
        )
    step = next(s for s in steps if not s.done)
    why, button = _WHY[step.number]
    if step.number == 5:
        count = progress.missing_documents
        why = f"{count} required document{'s' if count != 1 else ''} still missing. {why}"
    if step.number == 10 and progress.letter_approved and not progress.ready:
        why = "The check found something to fix before you send."
    if step.number == 11 and progress.packet_built:
        why = "Your packet is built. Send it to the platform before the deadline and keep proof."
        button = "Get your packet"
    return NextStep(step.number, total, step.title, why, button, step.page, step.anchor)


_WHY: dict[int, tuple[str, str]] = {
    2: (
        "Your deadline counts from when it arrived; if it came earlier, the deadline may be "
        "sooner.",
        "Say when it arrived",
    ),
    5: ("Photos, screenshots and papers show your side.", "Add evidence"),
    6: ("In your own words: what happened, when and where.", "Write what happened"),
    7: ("What you will do so it does not happen again.", "Write your plan"),
    8: ("Your record as a driver is context for the appeal.", "Write your record"),
    9: ("A draft is made from what you wrote; you edit it and approve it.", "Write the letter"),
    10: ("Read the letter, fix what the check finds, and approve it.", "Check the letter"),
    11: ("Build the packet: the letter and your evidence, ready to send.", "Build the packet"),
}
