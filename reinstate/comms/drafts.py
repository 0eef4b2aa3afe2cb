"""Messages to support, filled from the case, each with what the tone check says of it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils import translation

from reinstate.cases.models import Case
from reinstate.cases.presenters import law_keys
from reinstate.rules.appeal.tone import ToneFinding, check_tone
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.comms.support_drafts import CaseFacts, Draft, drafts_for

MESSAGE_TICKETS = 5


@dataclass(frozen=True)
class DraftView:
    draft: Draft
    findings: list[ToneFinding]


def case_facts(case: Case) -> CaseFacts:
    catalogue = load_catalogue()
    platform = catalogue.platforms.get(case.platform or "")
    reason = catalogue.reasons.get(case.reason or "")
    read_tickets = case.reading.get("references", {}).get("ticket_numbers", [])
    # The latest few: a message naming a thousand ticket numbers helps nobody.
    latest = case.tickets.order_by("-created_at", "-pk").values_list("number", flat=True)
    logged = list(reversed(latest[:MESSAGE_TICKETS]))
    return CaseFacts(
        platform_name=platform.name if platform else None,
        reason_key=case.reason,
        reason_title=reason.title if reason else None,
        received=case.received_at,
        tz=case.tz,
        tickets=[*read_tickets, *logged],
        # only laws the catalogue still has: a withdrawn one is no longer offered
        law_keys=[key for key in law_keys(case) if key in catalogue.laws],
        deadline=case.deadline,
    )


def draft_views(case: Case) -> list[DraftView]:
    """Each draft with what the tone check says of it (the appeal letter's check).

    A draft's title and why are for the driver, in the page's language; its text goes to the
    platform's support, who read English: it is written in English whatever the page's
    language (the words are marked for translation all the same)."""
    facts = case_facts(case)
    with translation.override("en"):
        english = {draft.key: draft.text for draft in drafts_for(facts)}
    views = []
    for draft in drafts_for(facts):
        text = english[draft.key]
        # The tone check reads the English the platform will read, and speaks the page's.
        views.append(DraftView(replace(draft, text=text), check_tone(text)))
    return views
