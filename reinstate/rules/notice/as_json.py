"""The reading of a notice as plain JSON: what the command line prints and a case keeps."""

from __future__ import annotations

from typing import Any

from reinstate.lib.iso import iso
from reinstate.rules.catalogue.types import GIVES
from reinstate.rules.deadlines.decision import DeadlineDecision, LawNote
from reinstate.rules.notice.reading import NoticeReading, Phrase


def phrase_json(phrase: Phrase) -> dict[str, Any]:
    return {"text": phrase.text, "start": phrase.start, "end": phrase.end, "label": phrase.label}


def reading_json(reading: NoticeReading, decision: DeadlineDecision) -> dict[str, Any]:
    """The contract of `reinstate notice read`, plus the explanation of each finding."""
    stated = reading.stated_deadline
    return {
        "platform": reading.platform,
        "kind": reading.kind,
        "reason": reading.reason,
        "reason_phrases": [p.text for p in reading.reason_phrases],
        "stated_deadline": iso(stated.at) if stated else None,
        "deadline_text": stated.text if stated else None,
        "deadline": iso(decision.deadline),
        "deadline_source": decision.source,
        "references": {
            "ticket_numbers": list(reading.references.ticket_numbers),
            "emails": list(reading.references.emails),
            "urls": list(reading.references.urls),
        },
        "language": reading.language,
        "platform_phrases": [p.text for p in reading.platform_phrases],
        "kind_phrases": [p.text for p in reading.kind_phrases],
        "deadline_rule": decision.rule,
        "deadline_confidence": decision.confidence,
        "deadline_is_default": decision.is_default,
        "deadline_source_url": decision.source_url,
        "laws": [law_note_json(note) for note in decision.laws],
        "phrases": [phrase_json(p) for p in reading.all_phrases],
    }


def law_note_json(note: LawNote) -> dict[str, Any]:
    law = note.law
    return {
        "key": law.key,
        "name": law.name,
        "place": law.place,
        "why": note.why,
        "deadline": iso(note.deadline),
        "window": note.window.describe() if note.window else None,
        "summary": law.summary,
        "gives": [GIVES.get(key, key) for key in law.gives],
        "source": law.source,
        "source_is_url": is_url(law.source),
        "confidence": law.confidence,
        "checked": law.checked.isoformat(),
        "note": law.note,
        "passed": law.passed.isoformat() if law.passed else None,
        "effective": law.effective.isoformat() if law.effective else None,
        "facts": [
            {
                "key": fact.key,
                "text": fact.text,
                "source": fact.source,
                "source_is_url": is_url(fact.source),
                "confidence": fact.confidence,
                "checked": fact.checked.isoformat(),
                "note": fact.note,
            }
            for fact in law.facts
        ],
    }


def is_url(source: str) -> bool:
    """A source a driver can open; the other kind is our own estimate."""
    return source.startswith(("http://", "https://"))
