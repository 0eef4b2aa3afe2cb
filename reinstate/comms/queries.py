"""Reads of the support log that depend on who is asking: everything hangs off a case, so
everything goes through get_case_for_user (404 for outsiders)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from reinstate.accounts.models import User
from reinstate.cases.models import Case
from reinstate.cases.queries import get_case_for_user
from reinstate.comms.models import Contact, PendingImport


def contacts_of(case: Case) -> QuerySet[Contact]:
    return case.contacts.prefetch_related("tickets", "attachments").order_by("at", "pk")


def get_contact_for_user(user: User, case_id: int, contact_id: int) -> Contact:
    case = get_case_for_user(user, case_id)
    try:
        return contacts_of(case).select_related("case").get(pk=contact_id)
    except Contact.DoesNotExist:
        raise Http404("No such contact") from None


def get_pending_import_for_user(user: User, case_id: int, pending_id: int) -> PendingImport:
    """An import is seen only by who uploaded it (not the case's advocates): 404 otherwise."""
    case = get_case_for_user(user, case_id)
    try:
        return PendingImport.objects.select_related("case").get(pk=pending_id, case=case, user=user)
    except PendingImport.DoesNotExist:
        raise Http404("No such import") from None
