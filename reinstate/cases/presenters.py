"""Ready-to-render values for the case pages: no queries or rules in templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.utils import translation
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reinstate.cases.actions import decide_for_case
from reinstate.cases.models import (
    CORRECTED_WORDS,
    DEADLINE_STEP,
    MEANING_STEP,
    NOTICE_DOCUMENT,
    Case,
    ChecklistItem,
    Correction,
)
from reinstate.lib import i18n
from reinstate.lib.dates import when
from reinstate.lib.iso import iso
from reinstate.rules.appeal.next_step import DEADLINE, MEANING, TOTAL_STEPS
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.types import Kind, Platform, Reason
from reinstate.rules.comms.deadline_confirmation import draft_deadline_confirmation
from reinstate.rules.deadlines.decision import law_notes_for
from reinstate.rules.deadlines.work_plan import (
    PlanStep,
    Urgency,
    countdown_text,
    plan_work,
    urgency,
)
from reinstate.rules.notice.as_json import law_note_json

if TYPE_CHECKING:  # the case page lists the case's evidence; cases imports nothing of evidence
    from reinstate.evidence.models import EvidenceItem


@dataclass(frozen=True)
class Segment:
    text: str
    label: str | None = None  # what this highlighted phrase showed
    group: str | None = None  # platform, kind, reason or deadline: for colour and legend

    @property
    def shown(self) -> str:
        """What the phrase showed, for the reader: the label (a catalogue key or a deadline
        rule's name, kept in English) in English, the catalogue's title in another language."""
        if not self.label or self.group == "deadline":
            return _(self.label) if self.label else ""
        if i18n.language() == "en":
            return self.label
        catalogue = load_catalogue()
        if self.group == "platform" and self.label in catalogue.platforms:
            return catalogue.platforms[self.label].name
        if self.group == "kind" and self.label in catalogue.kinds:
            return _(catalogue.kinds[self.label].title)
        if self.group == "reason" and self.label in catalogue.reasons:
            return _(catalogue.reasons[self.label].title)
        return self.label


def highlighted_notice(case: Case) -> list[Segment]:
    """The notice cut into plain and highlighted runs, from the phrases the reader kept."""
    text = case.notice_text
    spans = []
    for phrase in case.reading.get("phrases", []):
        start, end = int(phrase.get("start", 0)), int(phrase.get("end", 0))
        if 0 <= start < end <= len(text) and text[start:end] == phrase.get("text"):
            spans.append((start, end, str(phrase.get("label", ""))))
    spans.sort(key=lambda s: (s[0], -s[1]))
    segments: list[Segment] = []
    cursor = 0
    for start, end, label in spans:
        if start < cursor:  # overlapping phrase: the first one shown wins
            continue
        if start > cursor:
            segments.append(Segment(text[cursor:start]))
        segments.append(Segment(text[start:end], label=label, group=_group(label)))
        cursor = end
    if cursor < len(text):
        segments.append(Segment(text[cursor:]))
    return segments


def _group(label: str) -> str:
    """Which finding a phrase supports; labels that are no catalogue key are deadline rules."""
    catalogue = load_catalogue()
    for group, keys in (
        ("platform", catalogue.platforms),
        ("kind", catalogue.kinds),
        ("reason", catalogue.reasons),
    ):
        if label in keys:
            return group
    return "deadline"


def law_keys(case: Case) -> list[str]:
    """The keys of the laws found to apply when the case was read (a case opened before keys
    were kept holds whole notes; the migration turns them into keys, this reads either)."""
    keys = []
    for item in case.law_notes or []:
        key = item.get("key") if isinstance(item, dict) else item
        if isinstance(key, str) and key:
            keys.append(key)
    return keys


def law_notes(case: Case) -> list[dict[str, Any]]:
    """The laws that may apply to the case, as the catalogue now words them: its summary,
    source, confidence and checked date, and the time limit worked out from the notice's
    arrival. A law the catalogue no longer has is left out."""
    notes = law_notes_for(
        load_catalogue(),
        law_keys(case),
        platform=case.platform,
        kind=case.kind,
        reason=case.reason,
        received=case.received_at,
        tz=case.tz,
    )
    return [law_note_json(note) for note in notes]


def work_plan(case: Case) -> list[PlanStep]:
    if case.deadline is None:
        return []
    return plan_work(case.deadline, now=case.plan_anchor, tz=case.tz)


@dataclass(frozen=True)
class DeadlineStatus:
    urgency: Urgency  # "none" too for a closed case: its deadline no longer presses
    countdown: str  # "3 hours left"; "" without a deadline, and for a closed case
    ended: str  # a closed case: "Closed: Reinstated on 3 December 2026"; "" while open


def deadline_status(case: Case, *, now: datetime) -> DeadlineStatus:
    if case.status != Case.Status.OPEN:
        outcome = outcome_text(case)
        ended = _("Closed: %(outcome)s") % {"outcome": outcome} if outcome else _("Closed")
        return DeadlineStatus("none", "", ended)
    return DeadlineStatus(
        urgency=urgency(case.deadline, now=now),
        countdown=countdown_text(case.deadline, now=now) if case.deadline else "",
        ended="",
    )


@dataclass(frozen=True)
class ChecklistRow:
    item: ChecklistItem
    exhibits: list[str]  # the evidence that satisfies it, by exhibit label

    @property
    def collected(self) -> bool:
        """Evidence in the locker ticks an item; the driver's own tick counts too."""
        return self.item.done or bool(self.exhibits)

    @property
    def given_with_case(self) -> bool:
        """The notice itself: the driver gave it when opening the case."""
        return self.item.key == NOTICE_DOCUMENT and self.item.done and not self.exhibits


def checklist_rows(case: Case) -> list[ChecklistRow]:
    return [checklist_row(item) for item in case.checklist.prefetch_related("evidence")]


def checklist_row(item: ChecklistItem) -> ChecklistRow:
    evidence = sorted(item.evidence.all(), key=lambda e: (e.position, e.pk))
    return ChecklistRow(item, [e.exhibit for e in evidence])


@dataclass(frozen=True)
class CasePage:
    """What the case page shows of the case itself; compose adds the other apps' parts."""

    case: Case
    platform: Platform | None
    reason: Reason | None
    kind: Kind | None
    segments: list[Segment]
    plan: list[PlanStep]
    checklist_required: list[ChecklistRow]
    checklist_recommended: list[ChecklistRow]
    checklist_missing: int  # required documents with neither evidence nor a tick
    evidence: list[EvidenceItem]
    confirmation_message: str  # asks support to confirm the deadline; "" when not needed
    corrections: list[Correction]
    references: dict[str, Any]  # as the reader kept them: ticket_numbers, emails, urls
    outcome: str
    urgency: Urgency
    countdown: str
    received_assumed: bool  # nobody said when the notice arrived: the page asks
    meaning_seen: bool  # the guided path's reading steps the driver has been through
    deadline_seen: bool


def case_page(case: Case, *, now: datetime) -> CasePage:
    catalogue = load_catalogue()
    platform = catalogue.platforms.get(case.platform or "")
    reason = catalogue.reasons.get(case.reason or "")
    kind = catalogue.kinds.get(case.kind)
    # A closed case's checklist no longer applies: the page puts it away with the deadline.
    checklist = checklist_rows(case) if case.status == Case.Status.OPEN else []
    status = deadline_status(case, now=now)
    return CasePage(
        case=case,
        platform=platform,
        reason=reason,
        kind=kind,
        segments=highlighted_notice(case),
        plan=work_plan(case),
        checklist_required=[row for row in checklist if row.item.required],
        checklist_recommended=[row for row in checklist if not row.item.required],
        checklist_missing=sum(1 for row in checklist if row.item.required and not row.collected),
        evidence=list(case.evidence.order_by("position", "pk")),
        confirmation_message=confirmation_message(case),
        corrections=list(case.corrections.select_related("by")),
        references=case.reading.get("references", {}),
        outcome=outcome_text(case),
        urgency=status.urgency,
        countdown=status.countdown,
        received_assumed=case.received_source == Case.ReceivedSource.ASSUMED_NOW,
        meaning_seen=MEANING_STEP in case.steps_seen,
        deadline_seen=DEADLINE_STEP in case.steps_seen,
    )


def confirmation_message(case: Case) -> str:
    """A message asking support to confirm a deadline the notice did not state; "" when the
    deadline needs no confirming."""
    if not case.ask_support_to_confirm or case.kind in {"appeal_granted", "information"}:
        return ""
    catalogue = load_catalogue()
    platform = catalogue.platforms.get(case.platform or "")
    reason = catalogue.reasons.get(case.reason or "")
    # The message goes to the platform's support, who read English, whatever the page's language.
    with translation.override("en"):
        return draft_deadline_confirmation(
            platform_name=platform.name if platform else None,
            reason_title=reason.title if reason else None,
            received=case.received_at,
            tz=case.tz,
            ticket_numbers=list(case.reading.get("references", {}).get("ticket_numbers", [])),
        )


@dataclass(frozen=True)
class MeaningPage:
    """Step 3: what the notice means, and what the appeal must show."""

    case: Case
    number: int
    total: int
    kind: Kind | None
    reason: Reason | None
    laws: list[dict[str, Any]]  # the rules of law that may help, as the catalogue now has them
    # The notice as read, folded under the explanation: what the reading rests on.
    segments: list[Segment]
    corrections: list[Correction]
    references: dict[str, Any]


def meaning_page(case: Case) -> MeaningPage:
    catalogue = load_catalogue()
    return MeaningPage(
        case=case,
        number=MEANING,
        total=TOTAL_STEPS,
        kind=catalogue.kinds.get(case.kind),
        reason=catalogue.reasons.get(case.reason or ""),
        laws=law_notes(case),
        segments=highlighted_notice(case),
        corrections=list(case.corrections.select_related("by")),
        references=case.reading.get("references", {}),
    )


@dataclass(frozen=True)
class DeadlinePage:
    """Step 4: when the appeal must be in, and the work plan back from then."""

    case: Case
    number: int
    total: int
    closed: bool  # the deadline no longer applies
    outcome: str
    urgency: Urgency
    countdown: str
    plan: list[PlanStep]
    confirmation_message: str  # asks support to confirm the deadline; "" when not needed
    received_assumed: bool
    rule: str  # which rule gave the deadline, in the reader's language ("" when quoted below)
    rule_quote: str  # the notice's own words when the notice set the deadline, else ""
    notice_language: str  # the language the notice is written in, for the quote
    confidence: str  # how sure the deadline is, in words


def deadline_page(case: Case, *, now: datetime) -> DeadlinePage:
    status = deadline_status(case, now=now)
    closed = case.status != Case.Status.OPEN
    quote = deadline_quote(case)
    return DeadlinePage(
        case=case,
        number=DEADLINE,
        total=TOTAL_STEPS,
        closed=closed,
        outcome=outcome_text(case),
        urgency=status.urgency,
        countdown=status.countdown,
        plan=[] if closed else work_plan(case),
        confirmation_message="" if closed else confirmation_message(case),
        received_assumed=case.received_source == Case.ReceivedSource.ASSUMED_NOW,
        rule="" if quote else deadline_rule_text(case),
        rule_quote=quote,
        notice_language=notice_language(case),
        confidence=confidence_words(case.deadline_confidence),
    )


# How sure a deadline or a law is (the catalogue's confidence keys), as a reader sees it.
CONFIDENCE = {
    "stated": gettext_lazy("stated"),
    "official": gettext_lazy("official"),
    "reported": gettext_lazy("reported"),
    "estimate": gettext_lazy("estimate"),
}


def confidence_words(key: str | None) -> str:
    return str(CONFIDENCE.get(key or "", key or ""))


def notice_language(case: Case) -> str:
    """The language the notice is written in ("en", "es"): its quoted words are marked so."""
    language = case.reading.get("language")
    return language if language in {"en", "es"} else "en"


def deadline_quote(case: Case) -> str:
    """The notice's own words for its deadline, when the notice set it ("" otherwise)."""
    if case.deadline_source != "notice" or case.deadline is None:
        return ""
    words = case.stated_deadline_words
    if not words or words == CORRECTED_WORDS:
        return ""
    return words


def deadline_rule_html(case: Case) -> SafeString:
    """The rule as deadline_rule_text says it, with the notice's own words (when the notice set
    the deadline) marked as a quote in the notice's language, as the deadline page shows them."""
    quote = deadline_quote(case)
    if not quote:
        return conditional_escape(deadline_rule_text(case))
    sentence = _('The notice itself sets this deadline: "<span lang="%(lang)s">%(words)s</span>".')
    return mark_safe(  # noqa: S308 (the sentence is ours; what goes in it is escaped)
        sentence % {"lang": escape(notice_language(case)), "words": escape(quote)}
    )


def deadline_rule_text(case: Case) -> str:
    """Which rule gave the deadline, or why there is none, in the reader's language.

    The case keeps the sentence in English (the command line prints it); in another language
    it is worked out again from the case, and used when it gives the same deadline.
    """
    if i18n.language() == "en" or not case.deadline_rule:
        return case.deadline_rule
    try:
        decision = decide_for_case(case)
    except (KeyError, ValueError):  # the catalogue no longer knows the case's kind: as kept
        return case.deadline_rule
    same = decision.deadline == case.deadline and (decision.source or "") == (
        case.deadline_source or ""
    )
    return decision.rule if same else case.deadline_rule


def outcome_text(case: Case) -> str:
    """How the case ended, in a few words; empty while it is open or nothing was said."""
    if not case.outcome:
        return ""
    if case.outcome == Case.Outcome.REINSTATED and case.reinstated_on is not None:
        return _("Reinstated on %(day)s") % {"day": when(case.reinstated_on, "date_long")}
    return str(case.get_outcome_display())


@dataclass(frozen=True)
class DocketRow:
    """One case in "My cases"."""

    case: Case
    platform_name: str
    kind_title: str
    reason_title: str  # "" when the notice gave no reason
    outcome: str
    urgency: Urgency
    countdown: str  # "" for a closed case
    ended: str  # "Closed: Appeal denied" for a closed case, else ""


def docket_row(case: Case, *, now: datetime) -> DocketRow:
    catalogue = load_catalogue()
    platform = catalogue.platforms.get(case.platform or "")
    kind = catalogue.kinds.get(case.kind)
    reason = catalogue.reasons.get(case.reason or "")
    status = deadline_status(case, now=now)
    return DocketRow(
        case=case,
        platform_name=platform.name if platform else _("Platform not named"),
        kind_title=_(kind.title) if kind else case.kind,
        reason_title=_(reason.title) if reason else "",
        outcome=outcome_text(case),
        urgency=status.urgency,
        countdown=status.countdown,
        ended=status.ended,
    )


def case_json(case: Case, *, now: datetime) -> dict[str, Any]:
    """A case as the command line prints it: in English whatever the language of the request
    (the data export reuses it), like every JSON the app gives out."""
    with translation.override("en"):
        return _case_json(case, now=now)


def _case_json(case: Case, *, now: datetime) -> dict[str, Any]:
    return {
        "id": case.pk,
        "owner": case.owner.username,
        "status": case.status,
        "outcome": case.outcome or None,
        "reinstated_on": case.reinstated_on.isoformat() if case.reinstated_on else None,
        "platform": case.platform,
        "kind": case.kind,
        "reason": case.reason,
        "received": iso(case.received_at),
        "received_at": iso(case.received_at.astimezone(case.tz)),
        "received_source": case.received_source,
        "stated_deadline": iso(case.stated_deadline),
        "deadline": iso(case.deadline),
        "deadline_source": case.deadline_source or None,
        "deadline_rule": case.deadline_rule,
        "deadline_confidence": case.deadline_confidence,
        "deadline_is_default": case.deadline_is_default,
        "urgency": deadline_status(case, now=now).urgency,
        "laws": law_notes(case),
        "plan": [
            {"key": s.key, "title": s.title, "starts": iso(s.starts), "due": iso(s.due)}
            for s in work_plan(case)
        ],
        "checklist": [
            {
                "key": row.item.key,
                "title": row.item.title,
                "required": row.item.required,
                "done": row.collected,
                "ticked": row.item.done,
                "given_with_case": row.given_with_case,
                "evidence": row.exhibits,
            }
            for row in checklist_rows(case)
        ],
        "references": case.reading.get("references", {}),
    }


def case_title(case: Case) -> str:
    platform = load_catalogue().platforms.get(case.platform or "")
    if platform is None:
        return _("Account appeal (case %(number)s)") % {"number": case.pk}
    return _("%(platform)s appeal (case %(number)s)") % {
        "platform": platform.name,
        "number": case.pk,
    }
