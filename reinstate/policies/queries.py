"""Reads of the stored policy versions. Policy texts are public, so any signed-in person reads
them; a policy the library does not list is a 404."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Max
from django.http import Http404

from reinstate.policies.fetch import library
from reinstate.policies.models import PolicyVersion
from reinstate.rules.catalogue.policies import PolicyDocument


def get_document(ref: str) -> PolicyDocument:
    try:
        return library().document(ref)
    except KeyError:
        raise Http404("No such policy") from None


def versions_of(ref: str) -> list[PolicyVersion]:
    """Newest first."""
    return list(PolicyVersion.objects.filter(policy=ref).order_by("-number"))


def version_counts() -> dict[str, tuple[int, datetime]]:
    """Each policy's number of versions and when the newest was fetched."""
    rows = PolicyVersion.objects.values("policy").annotate(
        newest=Max("number"), at=Max("fetched_at")
    )
    return {row["policy"]: (row["newest"], row["at"]) for row in rows}


def changes_since(platforms: Iterable[str], since: datetime) -> list[PolicyVersion]:
    """The newest version of each policy of these platforms that changed (a version after the
    first) since `since`, newest first."""
    wanted = {p for p in platforms if p}
    if not wanted:
        return []
    recent = PolicyVersion.objects.filter(number__gt=1, fetched_at__gte=since).order_by(
        "-fetched_at", "-number"
    )
    seen: dict[str, PolicyVersion] = {}
    for version in recent:
        if version.platform in wanted and version.policy not in seen:
            seen[version.policy] = version
    return list(seen.values())
