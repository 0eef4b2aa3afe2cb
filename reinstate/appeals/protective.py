"""The protective appeal of a case: the short "I appeal; my full appeal and evidence follow by
DATE" (rules/appeal/protective.py) filled from the case, and whether the app offers it now.

`protective_draft(case)` is what the web page shows and what `reinstate draft CASE
protective_appeal` writes."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone, translation

from reinstate.appeals.facts import appeal_facts, letter_language
from reinstate.appeals.queries import appeal_sent
from reinstate.cases.models import Case
from reinstate.rules.appeal.protective import draft_protective, protective_due


def protective_draft(
    case: Case, *, now: datetime | None = None, language: str | None = None
) -> str:
    """The letter, signed as the full letter is (the legal name, else the user name), naming the
    platform account and the notice's references, dated from `now` in the case's zone. In the
    letter's language (it goes to the platform), or in `language` for the driver to read."""
    with translation.override(language or letter_language(case)):
        return draft_protective(appeal_facts(case), now=now or timezone.now(), tz=case.tz)


def protective_offered(case: Case, *, now: datetime) -> bool:
    """Nothing marked sent, the case open, and 24 hours or less before the deadline."""
    return protective_due(
        case.deadline,
        now=now,
        sent=appeal_sent(case),
        closed=case.status == Case.Status.CLOSED,
    )
