"""Ready-to-render values for the appeal pages and the command line: no queries or rules in
templates."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings

from reinstate.appeals.assess import actions_of, readiness_of, statements_of
from reinstate.appeals.models import Appeal, LetterVersion, Packet
from reinstate.appeals.queries import appeal_of, building_packet, latest_packets, letters_of
from reinstate.cases.models import Case
from reinstate.rules.appeal.readiness import Readiness
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.notice.as_json import iso


def readiness_json(readiness: Readiness) -> dict[str, Any]:
    return {
        "ready": readiness.ready,
        "score": readiness.score,
        "findings": [
            {"code": f.code, "severity": f.severity, "message": f.message, "fix": f.fix}
            for f in readiness.findings
        ],
    }


def appeal_json(case: Case) -> dict[str, Any]:
    appeal = appeal_of(case)
    return {
        "case": case.pk,
        "explanation": {
            "reason": appeal.reason or None,
            "policies": appeal.policies,
            "policy_quote": appeal.policy_quote,
            "what_happened": appeal.what_happened,
            "acknowledgement": appeal.acknowledgement,
            "context": appeal.context,
            "statements": [
                {"text": s.text, "exhibits": list(s.exhibits)} for s in statements_of(appeal)
            ],
        },
        "plan": {
            "root_causes": appeal.root_causes,
            "actions": [
                {"action": a.action, "target": a.target, "starts_on": _day(a.starts_on)}
                for a in actions_of(appeal)
            ],
            "monitoring": {
                "metric": appeal.monitoring_metric,
                "threshold": appeal.monitoring_threshold,
                "frequency": appeal.monitoring_frequency,
            },
            "commitment": appeal.commitment,
            "commitment_policies": appeal.commitment_policies,
        },
        "record": {
            "driving_since": appeal.driving_since,
            "work_completed": appeal.work_completed,
            "metrics": appeal.metrics,
            "positive_feedback": appeal.positive_feedback,
        },
        "letters": [letter_json(letter) for letter in letters_of(case)],
    }


def letter_json(letter: LetterVersion) -> dict[str, Any]:
    return {
        "version": letter.number,
        "status": letter.status,
        "created_at": iso(letter.created_at),
        "approved_at": iso(letter.approved_at),
    }


def _day(value: Any) -> str | None:
    return value.isoformat() if value else None


def policy_choices(case: Case, appeal: Appeal) -> list[tuple[str, str]]:
    """The platform's policies and the reason's, then any the driver chose from elsewhere."""
    catalogue = load_catalogue()
    refs: list[str] = []
    platform = catalogue.platforms.get(case.platform or "")
    if platform:
        refs += [p.ref for p in platform.policies]
    reason = catalogue.reasons.get(case.reason or "")
    if reason:
        refs += [ref for ref in reason.policies if ref.startswith(f"{case.platform}.")]
    refs += list(appeal.policies) + list(appeal.commitment_policies)
    seen: dict[str, str] = {}
    for ref in refs:
        if ref not in seen:
            try:
                seen[ref] = catalogue.policy(ref).title
            except KeyError:
                seen[ref] = ref
    return list(seen.items())


def suggestions(case: Case) -> dict[str, list[str]]:
    reason = load_catalogue().reasons.get(case.reason or "")
    return {
        "root_causes": list(reason.root_causes) if reason else [],
        "actions": list(reason.corrective_actions) if reason else [],
        "must_show": list(reason.appeal_must_show) if reason else [],
    }


def packet_row(packet: Packet) -> dict[str, Any]:
    return {
        "packet": packet,
        "size": f"{packet.bytes / 1_000_000:.1f} MB"
        if packet.bytes >= 100_000
        else f"{max(1, packet.bytes // 1000)} kB",
    }


def appeal_page_context(case: Case, *, now: datetime) -> dict[str, Any]:
    appeal = appeal_of(case)
    letters = letters_of(case)
    return {
        "case": case,
        "appeal": appeal,
        "statements": list(appeal.statements.all()),
        "actions": list(appeal.actions.all()),
        "readiness": readiness_of(case, now=now),
        "policies": policy_choices(case, appeal),
        "suggestions": suggestions(case),
        "exhibits": list(case.evidence.order_by("position", "pk")),
        "letters": letters,
        "latest_letter": letters[0] if letters else None,
        "packets": {fmt: packet_row(p) for fmt, p in latest_packets(case).items()},
        "building": building_packet(case),
        "web_form_limit": settings.WEB_FORM_LIMIT,
    }


def appeal_summary(case: Case, *, now: datetime) -> dict[str, Any]:
    """The case page's short view of the appeal."""
    readiness = readiness_of(case, now=now)
    letters = letters_of(case)
    return {
        "case": case,
        "readiness": readiness,
        "to_fix": sum(1 for f in readiness.findings if f.severity == "error"),
        "approved": any(letter.status == LetterVersion.Status.APPROVED for letter in letters),
        "started": Appeal.objects.filter(case=case).exists(),
    }
