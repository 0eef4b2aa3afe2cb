"""Ready-to-render values for the appeal pages and the command line: no queries or rules in
templates."""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _

from reinstate.appeals.facts import appeal_facts, plan_action_of, readiness_of, statement_of
from reinstate.appeals.inputs import MONITORING
from reinstate.appeals.models import Appeal, LetterVersion, Packet
from reinstate.appeals.packet_build import text_count
from reinstate.appeals.packet_text import TextCount
from reinstate.appeals.queries import appeal_of, building_packet, latest_packets, letters_of
from reinstate.cases.models import Case
from reinstate.evidence.models import EvidenceItem
from reinstate.lib.iso import iso
from reinstate.rules.appeal.readiness import Readiness, check_readiness
from reinstate.rules.appeal.shape import AppealFacts, AppealSections, PlanAction, Section, Statement
from reinstate.rules.catalogue.files import load_catalogue


@dataclass(frozen=True)
class Suggestions:
    """The catalogue's advice for the case's reason."""

    root_causes: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    must_show: tuple[str, ...] = ()


@dataclass(frozen=True)
class PacketRow:
    packet: Packet
    size: str  # "2.4 MB", "35 kB"


@dataclass(frozen=True)
class AppealPage:
    case: Case
    facts: AppealFacts
    readiness: Readiness
    # Each with the id of its row, which its Remove button names: an index would name another
    # one once a second tab has removed one before it.
    statements: list[tuple[int, Statement]]
    actions: list[tuple[int, PlanAction]]
    policies: list[tuple[str, str]]  # (ref, title) to choose from
    suggestions: Suggestions
    exhibits: list[EvidenceItem]
    letters: list[LetterVersion]
    latest_letter: LetterVersion | None
    packets: dict[str, PacketRow]  # the newest of each format
    building: Packet | None
    text_count: TextCount | None  # the plain-text packet against the web form's limit


@dataclass(frozen=True)
class AppealSummary:
    """The case page's short view of the appeal."""

    case: Case
    readiness: Readiness
    to_fix: int
    approved: bool  # a letter version is approved
    started: bool


def readiness_json(readiness: Readiness) -> dict[str, Any]:
    return {
        "ready": readiness.ready,
        "score": readiness.score,
        "findings": [
            {
                "code": f.code,
                "severity": f.severity,
                "message": f.message,
                "fix": f.fix,
                "points": f.points,
            }
            for f in readiness.findings
        ],
    }


def appeal_json(case: Case) -> dict[str, Any]:
    facts = appeal_facts(case)
    sections = facts.appeal
    return {
        "case": case.pk,
        "explanation": {"reason": facts.explained_reason, **_section_json(sections.explanation)},
        "plan": _section_json(sections.plan),
        "record": _section_json(sections.record),
        "letters": [letter_json(letter) for letter in letters_of(case)],
    }


def _section_json(section: Section) -> dict[str, Any]:
    """Field by field by name, as the TOML file of `appeal set` writes them."""
    out: dict[str, Any] = {}
    for f in fields(section):
        value = _json(getattr(section, f.name))
        if f.name.startswith(MONITORING):
            out.setdefault("monitoring", {})[f.name.removeprefix(MONITORING)] = value
        else:
            out[f.name] = value
    return out


def _json(value: object) -> Any:
    if is_dataclass(value) and not isinstance(value, type):  # a statement, an action
        return {f.name: _json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [_json(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def letter_json(letter: LetterVersion) -> dict[str, Any]:
    return {
        "version": letter.number,
        "status": letter.status,
        "created_at": iso(letter.created_at),
        "approved_at": iso(letter.approved_at),
    }


def policy_choices(case: Case, sections: AppealSections) -> list[tuple[str, str]]:
    """The platform's policies and the reason's, then any the driver chose from elsewhere."""
    catalogue = load_catalogue()
    refs: list[str] = []
    platform = catalogue.platforms.get(case.platform or "")
    if platform:
        refs += [p.ref for p in platform.policies]
    reason = catalogue.reasons.get(case.reason or "")
    if reason:
        refs += [ref for ref in reason.policies if ref.startswith(f"{case.platform}.")]
    refs += [*sections.explanation.policies, *sections.plan.commitment_policies]
    seen: dict[str, str] = {}
    for ref in refs:
        if ref not in seen:
            try:
                seen[ref] = _(catalogue.policy(ref).title)  # the catalogue's, translated
            except KeyError:
                seen[ref] = ref
    return list(seen.items())


def suggestions(case: Case) -> Suggestions:
    reason = load_catalogue().reasons.get(case.reason or "")
    if reason is None:
        return Suggestions()
    return Suggestions(
        root_causes=tuple(reason.root_causes),
        actions=tuple(reason.corrective_actions),
        must_show=tuple(reason.appeal_must_show),
    )


def packet_row(packet: Packet) -> PacketRow:
    return PacketRow(
        packet=packet,
        size=f"{packet.bytes / 1_000_000:.1f} MB"
        if packet.bytes >= 100_000
        else f"{max(1, packet.bytes // 1000)} kB",
    )


def appeal_page(case: Case, *, now: datetime) -> AppealPage:
    appeal = appeal_of(case)
    facts = appeal_facts(case, appeal)
    letters = letters_of(case)
    packets = {fmt: packet_row(p) for fmt, p in latest_packets(case).items()}
    return AppealPage(
        case=case,
        facts=facts,
        readiness=check_readiness(facts, now=now),
        statements=[(row.pk, statement_of(row)) for row in appeal.statements.all()],
        actions=[(row.pk, plan_action_of(row)) for row in appeal.actions.all()],
        policies=policy_choices(case, facts.appeal),
        suggestions=suggestions(case),
        exhibits=list(case.evidence.order_by("position", "pk")),
        letters=letters,
        latest_letter=letters[0] if letters else None,
        packets=packets,
        building=building_packet(case),
        text_count=text_count(packets["txt"].packet) if "txt" in packets else None,
    )


def appeal_summary(
    case: Case, *, now: datetime, readiness: Readiness | None = None
) -> AppealSummary:
    """`readiness`: the case's, when the caller has checked it already (the case page reads
    the appeal once for this and for its "Next" card)."""
    readiness = readiness or readiness_of(case, now=now)
    return AppealSummary(
        case=case,
        readiness=readiness,
        to_fix=sum(1 for f in readiness.findings if f.severity == "error"),
        approved=any(letter.status == LetterVersion.Status.APPROVED for letter in letters_of(case)),
        started=Appeal.objects.filter(case=case).exists(),
    )
