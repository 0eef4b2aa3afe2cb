"""Ready-to-render values for the policy pages and the "policy changed" notice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from reinstate.policies import queries
from reinstate.policies.fetch import library
from reinstate.policies.models import PolicyVersion
from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.policies import PolicyDocument
from reinstate.rules.policies.word_diff import Run, changed_words, word_diff

# How long a change is announced on the driver's pages.
NOTICE_DAYS = 30


@dataclass(frozen=True)
class DocumentRow:
    ref: str
    title: str
    publisher: str
    url: str | None
    versions: int
    last_fetched: datetime | None


@dataclass(frozen=True)
class PlatformDocuments:
    name: str
    documents: list[DocumentRow]


@dataclass(frozen=True)
class PolicyIndex:
    platforms: list[PlatformDocuments]


@dataclass(frozen=True)
class PolicyPage:
    document: PolicyDocument
    title: str
    platform_name: str
    versions: list[PolicyVersion]  # newest first
    newer: PolicyVersion | None  # the two compared: a version and the one before it
    older: PolicyVersion | None
    runs: list[Run]
    deleted: int
    inserted: int


@dataclass(frozen=True)
class PolicyChange:
    """A line such as: Amazon Flex changed its Terms of Service on <date>: see what changed."""

    platform_name: str
    title: str
    changed_at: datetime
    url: str


def platform_name(key: str) -> str:
    platform = load_catalogue().platforms.get(key)
    return platform.name if platform else key


def policy_index() -> PolicyIndex:
    counts = queries.version_counts()
    by_platform: dict[str, list[DocumentRow]] = {}
    for document in library().documents.values():
        versions, at = counts.get(document.ref, (0, None))
        by_platform.setdefault(document.platform, []).append(
            DocumentRow(
                ref=document.ref,
                title=_(document.title),
                publisher=document.publisher,
                url=document.url,
                versions=versions,
                last_fetched=at,
            )
        )
    return PolicyIndex(
        platforms=[PlatformDocuments(platform_name(key), rows) for key, rows in by_platform.items()]
    )


def policy_page(ref: str, *, number: int | None = None) -> PolicyPage:
    """The policy's versions and the word diff between version `number` (the newest when None)
    and the one before it."""
    document = queries.get_document(ref)
    versions = queries.versions_of(ref)
    newer = next((v for v in versions if v.number == number), None) if number else None
    newer = newer or (versions[0] if versions else None)
    older = next((v for v in versions if newer and v.number == newer.number - 1), None)
    runs = word_diff(older.text, newer.text) if newer and older else []
    deleted, inserted = changed_words(runs)
    return PolicyPage(
        document=document,
        title=_(document.title),
        platform_name=platform_name(document.platform),
        versions=versions,
        newer=newer,
        older=older,
        runs=runs,
        deleted=deleted,
        inserted=inserted,
    )


def policy_changes(platforms: Iterable[str], *, now: datetime) -> list[PolicyChange]:
    """The policies of these platforms that changed in the last NOTICE_DAYS days."""
    documents = library().documents
    return [
        PolicyChange(
            platform_name=platform_name(version.platform),
            title=_(documents[version.policy].title) if version.policy in documents else "",
            changed_at=version.fetched_at,
            url=reverse("policies:detail", args=[version.policy]),
        )
        for version in queries.changes_since(platforms, now - timedelta(days=NOTICE_DAYS))
        if version.policy in documents
    ]
