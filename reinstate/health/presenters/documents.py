"""Documents that expire: how long each has left, in words and as a status the page colours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reinstate.health.models import Document
from reinstate.rules.health import expiry


@dataclass(frozen=True)
class DocumentRow:
    document: Document
    status: expiry.Status  # "ok", "soon", "urgent", "expired": the template's CSS class
    when: str  # "expires in 5 days"


def document_rows(documents: list[Document], today: date) -> list[DocumentRow]:
    return [
        DocumentRow(
            document=d,
            status=expiry.status(d.expires_on, today),
            when=expiry.describe(d.expires_on, today),
        )
        for d in documents
    ]
