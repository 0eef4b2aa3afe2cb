"""Stage and readiness for a page of cases in a fixed number of queries.

compose/journey.py reads one case with a dozen small queries; for a docket page of 50 that is
600 queries and a second. Here each kind of row (appeals, letters, checklists, evidence,
contacts, packets, sendings, decisions, platform accounts) is read once for the whole page,
and the same builders (appeals.facts.facts_from, after_sending_from, journey.progress_from)
turn them into the same answer: test_docket_progress.py holds the two ways equal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any, TypeVar

from django.db.models import Count

from reinstate.accounts.models import PlatformAccount
from reinstate.appeals.after_sending import after_sending_from
from reinstate.appeals.facts import facts_from, missing_from
from reinstate.appeals.models import Appeal, Decision, LetterVersion, Packet, PlanAction, Sending
from reinstate.appeals.models import Statement as StatementRow
from reinstate.cases.models import Case, ChecklistItem
from reinstate.comms.models import Contact
from reinstate.compose.journey import progress_from
from reinstate.evidence.models import EvidenceItem
from reinstate.rules.appeal.next_step import CaseProgress
from reinstate.rules.appeal.readiness import Readiness

R = TypeVar("R")


def _by_case(rows: Iterable[R]) -> dict[int, list[R]]:
    """Rows grouped by their case, each group in the order the query gave (the model's)."""
    grouped: dict[int, list[R]] = defaultdict(list)
    for row in rows:
        grouped[row.case_id].append(row)  # type: ignore[attr-defined]
    return grouped


def _counts(model: Any, ids: list[int]) -> dict[int, int]:
    found = model.objects.filter(case_id__in=ids).values("case_id").annotate(n=Count("pk"))
    return {row["case_id"]: row["n"] for row in found.order_by()}


def _empty_appeal(case: Case) -> Appeal:
    """What appeal_of gives before anything is written, with its (no) rows known, so that
    reading its statements and actions asks the database nothing."""
    appeal = Appeal(case=case)
    appeal._prefetched_objects_cache = {  # type: ignore[attr-defined]
        "statements": StatementRow.objects.none(),
        "actions": PlanAction.objects.none(),
    }
    return appeal


def progress_for_page(
    cases: list[Case], *, now: datetime
) -> dict[int, tuple[CaseProgress, Readiness]]:
    """Each case's progress and readiness, as journey.progress_and_readiness gives them.
    `cases` with their owners (select_related)."""
    ids = [case.pk for case in cases]
    appeals = {
        a.pk: a
        for a in Appeal.objects.filter(case_id__in=ids).prefetch_related(
            "statements__exhibits", "actions"
        )
    }
    letters = _by_case(LetterVersion.objects.filter(case_id__in=ids))
    checklists = _by_case(ChecklistItem.objects.filter(case_id__in=ids))
    covered = defaultdict(set)
    for case_id, item_id in EvidenceItem.objects.filter(
        case_id__in=ids, satisfies__isnull=False
    ).values_list("case_id", "satisfies__pk"):
        covered[case_id].add(item_id)
    exhibits = _counts(EvidenceItem, ids)
    contacts = _counts(Contact, ids)
    packets = set(
        Packet.objects.filter(case_id__in=ids, status=Packet.Status.READY, draft=False).values_list(
            "case_id", flat=True
        )
    )
    sendings = _by_case(Sending.objects.filter(case_id__in=ids))
    decisions = _by_case(Decision.objects.filter(case_id__in=ids))
    accounts = {
        (a.user_id, a.platform): a.identifier.strip()
        for a in PlatformAccount.objects.filter(user_id__in={c.owner_id for c in cases})
    }
    found = {}
    for case in cases:
        appeal = appeals.get(case.pk) or _empty_appeal(case)
        facts = facts_from(
            case,
            appeal,
            letters=letters.get(case.pk, []),
            platform_account=accounts.get((case.owner_id, case.platform or ""), ""),
            missing=missing_from(checklists.get(case.pk, []), covered[case.pk]),
            exhibit_count=exhibits.get(case.pk, 0),
            support_contacts=contacts.get(case.pk, 0),
        )
        sent = sendings.get(case.pk, [])
        # As appeals.queries.latest_sending: the full appeal sent last, else the last one.
        latest = next((s for s in sent if s.kind == Sending.Kind.APPEAL), None) or (
            sent[0] if sent else None
        )
        decided = decisions.get(case.pk)
        decision = decided[0] if decided else None  # the latest: newest first
        after = after_sending_from(case, latest, decision, now=now)
        found[case.pk] = progress_from(case, facts, after, case.pk in packets, bool(sent), now=now)
    return found
