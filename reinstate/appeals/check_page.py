"""The guided path's "check your appeal" page: what the readiness check found, each with a link
to the page that fixes it, and each part of the appeal in a line with a link to change it."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from reinstate.accounts.models import User
from reinstate.appeals import guided
from reinstate.appeals.forms import STANCE_CHOICES
from reinstate.appeals.presenters import AppealPage
from reinstate.cases.models import Case
from reinstate.rules.appeal.readiness import ERROR, Finding
from reinstate.rules.appeal.shape import AppealSections

STANCE_WORDS = dict(STANCE_CHOICES)

# The guided page where each readiness check's findings are fixed (readiness.WEIGHTS' keys).
_CHECK_PAGE = {
    "reason": "happened",
    "specific": "happened",
    "exhibits": "facts",
    "records": "wrong",
    "acknowledgement": "accept",
    "root_causes": "accept",
    "actions": "actions",
    "monitoring": "checking",
    "commitment": "checking",
    "good_standing": "record",
    "letter": "letter",
    "tone": "letter",
}
# ...and those fixed elsewhere than on the appeal.
_CHECK_ELSEWHERE = {
    "documents": "evidence:locker",
    "deadline": "cases:deadline",
    "support": "comms:log",
}


@dataclass(frozen=True)
class FindingRow:
    finding: Finding
    url: str  # where to fix it
    link: str  # what the link says: a passed deadline cannot be "fixed", only acted on


@dataclass(frozen=True)
class AnswerRow:
    label: str
    value: str  # "" when not given
    url: str  # where to change it


@dataclass(frozen=True)
class CheckPage:
    findings: tuple[FindingRow, ...]
    answers: tuple[AnswerRow, ...]


def check_page(case: Case, page: AppealPage, viewer: User) -> CheckPage:
    """`viewer`: the name and accounts page is the viewer's own, so only the driver is sent
    there; an advocate reads those rows without a link (they are the driver's to change)."""
    own = viewer.pk == case.owner_id
    return CheckPage(
        findings=tuple(
            FindingRow(f, *_finding_link(case, f, page, own=own)) for f in page.readiness.findings
        ),
        answers=_answers(case, page, own=own),
    )


_LINK_WORDS = {"deadline": gettext_lazy("What to do"), "support": gettext_lazy("Log a contact")}


def _finding_link(case: Case, finding: Finding, page: AppealPage, *, own: bool) -> tuple[str, str]:
    """Where the finding's link goes, and what it says (no link: nothing the viewer changes)."""
    if finding.check == "identity" and not own:
        return "", ""
    if finding.code == "no_approved_letter" and page.latest_letter is not None:
        return "#approve-h", _("Approve it below")  # on this very page
    lazy = _LINK_WORDS.get(finding.check)
    if lazy is not None:
        words = str(lazy)
    else:
        words = _("Fix it") if finding.severity == ERROR else _("Change it")
    return fix_url(case, finding.check, page.facts.appeal), words


def fix_url(case: Case, check: str, sections: AppealSections) -> str:
    if check == "identity":
        return reverse("accounts:identity") + f"?next={guided.url_of(case, 'check')}"
    if check in _CHECK_ELSEWHERE:
        return reverse(_CHECK_ELSEWHERE[check], kwargs={"case_id": case.pk})
    if check == "policy":
        return guided.url_of(case, "wrong" if sections.explanation.disputes else "accept")
    return guided.url_of(case, _CHECK_PAGE.get(check, "happened"))


def _answers(case: Case, page: AppealPage, *, own: bool) -> tuple[AnswerRow, ...]:
    sections = page.facts.appeal
    explanation, plan, record = sections.explanation, sections.plan, sections.record
    facts = page.facts

    def row(label: str, value: str, key: str) -> AnswerRow:  # each label already translated
        return AnswerRow(label, Truncator(value).chars(140), guided.url_of(case, key))

    rows = [
        row(_("What you say"), str(STANCE_WORDS.get(explanation.stance, "")), "happened"),
        row(_("What happened"), explanation.what_happened, "happened"),
        row(_("Facts"), _facts(sections), "facts"),
    ]
    policies = "; ".join(facts.policy_title(ref) for ref in explanation.policies)
    policy_key = "wrong" if explanation.disputes else "accept"
    rows.append(row(_("The rule involved"), policies or explanation.policy_quote, policy_key))
    if explanation.disputes:
        rows.append(row(_("Records you ask for"), explanation.records_requested, "wrong"))
    if explanation.acknowledges:
        causes = "; ".join(_(cause) for cause in plan.root_causes)  # the catalogue's, translated
        rows += [
            row(_("What you accept"), explanation.acknowledgement, "accept"),
            row(_("What caused it"), causes, "accept"),
            row(_("Your actions"), "; ".join(a.action for a in plan.actions), "actions"),
            row(_("How you will check"), _monitoring(sections), "checking"),
        ]
    held = [record.driving_since, record.work_completed, record.metrics]
    rows.append(row(_("Your record"), "; ".join(v for v in held if v), "record"))
    identity = fix_url(case, "identity", sections) if own else ""
    if own:
        rows.append(AnswerRow(_("Your legal name"), facts.legal_name, identity))
        rows.append(AnswerRow(_("Your account"), facts.platform_account, identity))
    else:  # an advocate reads the driver's, which only the driver changes
        rows.append(AnswerRow(_("The driver's legal name"), facts.legal_name, ""))
        rows.append(AnswerRow(_("The driver's platform account"), facts.platform_account, ""))
    return tuple(rows)


def _facts(sections: AppealSections) -> str:
    statements = sections.explanation.statements
    if not statements:
        return ""
    shown = sum(1 for s in statements if s.exhibits)
    return ngettext(
        "%(count)s fact, %(shown)s with an exhibit",
        "%(count)s facts, %(shown)s with an exhibit",
        len(statements),
    ) % {"count": len(statements), "shown": shown}


def _monitoring(sections: AppealSections) -> str:
    plan = sections.plan
    parts = [plan.monitoring_metric, plan.monitoring_threshold, plan.monitoring_frequency]
    return ", ".join(p for p in parts if p)
