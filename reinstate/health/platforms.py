"""What the health pages need to know of each platform, from the catalogue: its name, the
measures its app shows, and the measures a target can follow."""

from __future__ import annotations

from reinstate.rules.catalogue.files import load_catalogue
from reinstate.rules.catalogue.types import Metric
from reinstate.rules.health.plan_targets import MetricChoice, metric_choices
from reinstate.rules.health.standing import METRICS


def platform_choices() -> list[tuple[str, str]]:
    """(key, name) of every platform: the list the forms and the overview's picker offer."""
    return [(key, p.name) for key, p in load_catalogue().platforms.items()]


def platform_name(platform: str) -> str:
    found = load_catalogue().platforms.get(platform)
    return found.name if found else platform


def tracked_metrics(platform: str) -> list[Metric]:
    """The platform's published measures a driver can record from its app."""
    found = load_catalogue().platforms.get(platform)
    return [m for m in found.metrics if m.measured_as] if found else []


def target_choices(platform: str) -> list[MetricChoice]:
    """The measures a target can follow on this platform, with their plain names."""
    found = load_catalogue().platforms.get(platform)
    return metric_choices(METRICS, found.metrics if found else ())
