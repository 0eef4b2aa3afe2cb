"""Gathers what the pure rules need from the database: the readiness check's facts and the
letter's input. The rules themselves (rules/appeal/readiness.py, rules/appeal/letter.py) know
no Django."""

from __future__ import annotations

from datetime import datetime

from reinstate.appeals.inputs import Explanation, Plan
from reinstate.appeals.models import Appeal
from reinstate.appeals.queries import appeal_of, letters_of
from reinstate.cases.models import Case
from reinstate.cases.presenters import case_tz
from reinstate.comms.packet import support_log_rows
from reinstate.rules.appeal import readiness as rules
from reinstate.rules.appeal.letter import LetterInput, draft_letter
from reinstate.rules.catalogue.files import load_catalogue


def statements_of(appeal: Appeal) -> tuple[rules.Statement, ...]:
    return tuple(
        rules.Statement(s.text, tuple(sorted(i.exhibit for i in s.exhibits.all())))
        for s in appeal.statements.all()
    )


def actions_of(appeal: Appeal) -> tuple[rules.PlanAction, ...]:
    return tuple(rules.PlanAction(a.action, a.target, a.starts_on) for a in appeal.actions.all())


def good_standing_lines(appeal: Appeal) -> tuple[str, ...]:
    lines = (
        ("On the platform since", appeal.driving_since),
        ("Work completed", appeal.work_completed),
        ("Metrics", appeal.metrics),
        ("Positive feedback", appeal.positive_feedback),
    )
    return tuple(f"{label}: {value}" for label, value in lines if value.strip())


def missing_documents(case: Case) -> tuple[str, ...]:
    covered = set(
        case.evidence.filter(satisfies__isnull=False).values_list("satisfies__pk", flat=True)
    )
    return tuple(
        item.title
        for item in case.checklist.all()
        if item.required and not item.done and item.pk not in covered
    )


def explanation_text(appeal: Appeal) -> str:
    parts = [appeal.what_happened, appeal.acknowledgement, appeal.context, appeal.commitment]
    return "\n\n".join(p for p in parts if p.strip())


def appeal_facts(case: Case) -> rules.AppealFacts:
    appeal = appeal_of(case)
    letters = letters_of(case)
    explanation, plan = current_explanation(appeal), current_plan(appeal)
    return rules.AppealFacts(
        reason=case.reason,
        explained_reason=appeal.reason or None,
        deadline=case.deadline,
        missing_documents=missing_documents(case),
        policies=explanation.policies,
        policy_quote=explanation.policy_quote,
        what_happened=explanation.what_happened,
        acknowledgement=explanation.acknowledgement,
        statements=explanation.statements,
        root_causes=plan.root_causes,
        actions=plan.actions,
        monitoring_metric=plan.monitoring_metric,
        monitoring_threshold=plan.monitoring_threshold,
        monitoring_frequency=plan.monitoring_frequency,
        commitment=plan.commitment,
        commitment_policies=plan.commitment_policies,
        good_standing=bool(good_standing_lines(appeal)),
        # The newest letter is what will be sent; before there is one, the driver's own words.
        text_to_send=letters[0].text if letters else explanation_text(appeal),
        support_contacts=len(support_log_rows(case)),
    )


def readiness_of(case: Case, *, now: datetime) -> rules.Readiness:
    return rules.check_readiness(appeal_facts(case), now=now)


def policy_titles(refs: list[str]) -> tuple[str, ...]:
    catalogue = load_catalogue()
    titles = []
    for ref in refs:
        try:
            titles.append(catalogue.policy(ref).title)
        except KeyError:  # a policy since removed from the catalogue: keep the driver's ref
            titles.append(ref)
    return tuple(titles)


def first_draft(case: Case) -> str:
    """The letter drafted from everything entered, for the driver to edit and approve."""
    appeal = appeal_of(case)
    catalogue = load_catalogue()
    platform = catalogue.platforms.get(case.platform or "")
    reason = catalogue.reasons.get(case.reason or "")
    monitoring = ""
    if appeal.monitoring_metric.strip():
        monitoring = (
            f"To make sure this works, I will check my {appeal.monitoring_metric.strip()}"
            f" {appeal.monitoring_frequency.strip()}"
            + (
                f" and keep it at {appeal.monitoring_threshold.strip()}"
                if appeal.monitoring_threshold.strip()
                else ""
            )
            + "."
        )
    return draft_letter(
        LetterInput(
            driver_name=case.owner.get_full_name() or case.owner.username,
            platform_name=platform.name if platform else "Support",
            reason_title=reason.title if reason else "the reason given in the notice",
            notice_date=case.received_at.astimezone(case_tz(case)).date(),
            policy_titles=policy_titles(appeal.policies),
            policy_quote=appeal.policy_quote,
            what_happened=appeal.what_happened,
            acknowledgement=appeal.acknowledgement,
            context=appeal.context,
            statements=statements_of(appeal),
            root_causes=tuple(appeal.root_causes),
            actions=actions_of(appeal),
            monitoring=monitoring,
            commitment=appeal.commitment,
            commitment_titles=policy_titles(appeal.commitment_policies),
            good_standing=good_standing_lines(appeal),
            exhibit_count=case.evidence.count(),
        )
    )


def current_explanation(appeal: Appeal) -> Explanation:
    """The explanation as stored, to change one part of it and set it again."""
    return Explanation(
        policies=tuple(appeal.policies),
        policy_quote=appeal.policy_quote,
        what_happened=appeal.what_happened,
        acknowledgement=appeal.acknowledgement,
        context=appeal.context,
        statements=statements_of(appeal),
    )


def current_plan(appeal: Appeal) -> Plan:
    return Plan(
        root_causes=tuple(appeal.root_causes),
        actions=actions_of(appeal),
        monitoring_metric=appeal.monitoring_metric,
        monitoring_threshold=appeal.monitoring_threshold,
        monitoring_frequency=appeal.monitoring_frequency,
        commitment=appeal.commitment,
        commitment_policies=tuple(appeal.commitment_policies),
    )
