"""Reads of evidence that depend on who is asking: everything hangs off a case the user may
see (cases.queries.get_case_for_user), so an outsider gets 404 for every item and file.
A withdrawn item is out of every read but those that say so (EvidenceItem.objects leaves it out)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from reinstate.accounts.models import User
from reinstate.cases.models import Case, ChecklistItem
from reinstate.cases.queries import get_case_for_user
from reinstate.evidence.models import EvidenceItem, IncidentDay


def items_of(case: Case) -> QuerySet[EvidenceItem]:
    return (
        EvidenceItem.objects.filter(case=case)
        .select_related("blob", "added_by", "case__owner")
        .prefetch_related("satisfies")
        .order_by("position", "pk")
    )


def get_item_for_user(user: User, case_id: int, item_id: int) -> EvidenceItem:
    case = get_case_for_user(user, case_id)
    try:
        item = items_of(case).get(pk=item_id)
    except EvidenceItem.DoesNotExist:
        raise Http404("No such evidence") from None
    item.case = case
    return item


def withdrawn_of(case: Case) -> QuerySet[EvidenceItem]:
    """Items withdrawn from the case and not yet deleted for good, the latest first."""
    return (
        EvidenceItem.all_objects.filter(case=case, withdrawn_at__isnull=False)
        .select_related("blob")
        .order_by("-withdrawn_at", "-pk")
    )


def get_withdrawn_item_for_user(user: User, case_id: int, item_id: int) -> EvidenceItem:
    """A withdrawn item, or one already put back (a second tap on "Put back")."""
    case = get_case_for_user(user, case_id)
    try:
        item = EvidenceItem.all_objects.select_related("blob").get(case=case, pk=item_id)
    except EvidenceItem.DoesNotExist:
        raise Http404("No such evidence") from None
    item.case = case
    return item


def search_items(case: Case, words: str) -> list[EvidenceItem]:
    """Items whose every word appears in a PDF's or text file's words, the description, what
    it proves, the note or the file name."""
    found = items_of(case)
    for word in words.split()[:10]:
        found = found.filter(
            Q(blob__text__icontains=word)
            | Q(description__icontains=word)
            | Q(proves__icontains=word)
            | Q(note__icontains=word)
            | Q(filename__icontains=word)
        )
    return list(found)


def checklist_of(case: Case, keys: list[str] | None = None) -> list[ChecklistItem]:
    items = case.checklist.all()
    return list(items.filter(key__in=keys) if keys is not None else items)


def incident_day(case: Case) -> IncidentDay | None:
    return IncidentDay.objects.filter(case=case).first()
