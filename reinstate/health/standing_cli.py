"""`reinstate health reading`: the standing the app shows, from a screenshot or typed as flags.

Flags win over what a screenshot shows, so a misread number is corrected on the same line;
`--check` prints what was read and keeps nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

from reinstate.accounts.models import User
from reinstate.comms.screen_text import InsteadWords, read_screen
from reinstate.core.cli import Error, not_a_day
from reinstate.health.actions import ScreenshotRead, do_record_standing
from reinstate.health.presenters.app_standing import app_standing_json
from reinstate.lib.ocr import MAX_SCREENSHOT_BYTES
from reinstate.rules.health.standing_screen import TIERS, measures_for, read_standing_screen


def tier_value(typed: str) -> str:
    """'Great', 'at risk', 'AT_RISK' -> the tier's key; anything else is refused."""
    key = "_".join(typed.strip().lower().replace("-", " ").split())
    if key not in TIERS:
        raise Error(
            _("Unknown tier %(tier)s: use one of %(tiers)s.")
            % {"tier": repr(typed), "tiers": ", ".join(TIERS)}
        )
    return key


def metric_values(platform: str, typed: list[str]) -> tuple[dict[str, str], dict[str, float]]:
    """--metric KEY=VALUE ...: a part's tier, or a percentage as the app shows it (98.5)."""
    measures = {m.key: m for m in measures_for(platform)}
    parts: dict[str, str] = {}
    percents: dict[str, float] = {}
    for item in typed:
        key, sep, value = item.partition("=")
        measure = measures.get(key.strip())
        if not sep or measure is None:
            raise Error(
                _("--metric %(item)s: use KEY=VALUE with KEY one of %(keys)s.")
                % {"item": repr(item), "keys": ", ".join(measures)}
            )
        if measure.shown == "tier":
            parts[measure.key] = tier_value(value)
            continue
        try:
            number = float(value.strip().rstrip("%").strip().replace(",", "."))
        except ValueError:
            number = -1.0
        if not 0 <= number <= 100:
            raise Error(
                _("--metric %(item)s: give a percentage from 0 to 100, like %(key)s=98.5.")
                % {"item": repr(item), "key": measure.key}
            )
        percents[measure.key] = number / 100
    return parts, percents


def record_from_options(user: User, options: dict[str, Any]) -> dict[str, Any]:
    platform = options["platform"]
    if not measures_for(platform):
        raise Error(_("This platform's app shows no standing to record."))
    tier = tier_value(options["tier"]) if options["tier"] else ""
    parts, percents = metric_values(platform, options["metric"] or [])
    observed_on = _day(options["date"], user)
    out: dict[str, Any] = {"saved": False, "reading": None}
    read: ScreenshotRead | None = None
    if options["screenshot"]:
        path = Path(options["screenshot"])
        if not path.is_file():
            raise Error(_("No such file: %(file)s") % {"file": options["screenshot"]})
        with path.open("rb") as stream:
            data = stream.read(MAX_SCREENSHOT_BYTES + 1)
        text = read_screen(
            data, InsteadWords(instead=_("Give the values with --tier and --metric KEY=VALUE."))
        )
        screen = read_standing_screen(text.text, platform)
        out["read"] = {
            "text": text.text,
            "sha256": text.sha256,
            "ocr": {"engine": text.engine, "confidence": round(text.confidence)},
            "tier": screen.tier,
            "parts": screen.parts,
            "percents": screen.percents,
        }
        tier = tier or screen.tier or ""
        parts = screen.parts | parts
        percents = screen.percents | percents
        read = ScreenshotRead(sha256=text.sha256, text=text.text)
        if not (tier or parts or percents):
            raise Error(
                _(
                    "No standing was found in this screenshot. Check it is the standing screen, "
                    "or give the values with --tier and --metric KEY=VALUE."
                )
            )
    if options["check"]:
        out["would_save"] = {"tier": tier or None, "parts": parts, "percents": percents}
        return out
    reading = do_record_standing(
        owner=user,
        platform=platform,
        observed_on=observed_on,
        tier=tier,
        parts=parts,
        percents=percents,
        screenshot=read,
        note=options["note"] or "",
    )
    return out | {"saved": True, "reading": app_standing_json(reading)}


def _day(value: str | None, user: User) -> date:
    if value is None:
        return timezone.now().astimezone(ZoneInfo(user.time_zone)).date()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise Error(not_a_day(value, "--date")) from None
