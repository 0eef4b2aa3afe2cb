"""`reinstate notice read`, and reading a notice given on the command line.

Free of Django: the `reinstate` entry point runs `notice read` without starting Django, so a
fresh process answers quickly. The management command `notice` calls the same functions.
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from reinstate.lib.i18n import _
from reinstate.lib.notice_file import (
    MAX_NOTICE_BYTES,
    NoticeInput,
    NoticeInputError,
    notice_from_file,
)
from reinstate.lib.ocr import MAX_SCREENSHOT_BYTES
from reinstate.lib.tz import UnknownTimeZone, machine_zone_name, parse_time_zone
from reinstate.rules.notice.as_json import reading_json
from reinstate.rules.notice.intake import IntakeError, check_received, read_and_decide
from reinstate.rules.notice.reading import PLATFORMS

# Enough to tell a notice that is too long from one that fits, and to hold a screenshot.
_READ_BYTES = max(MAX_NOTICE_BYTES * 4, MAX_SCREENSHOT_BYTES) + 1


def load_notice(source: str | None) -> NoticeInput:
    """A notice from a path (text, email or screenshot), or from standard input when the path
    is '-' or missing. `notice read` and `case new --notice` both read through here."""
    if source in (None, "-"):
        data = sys.stdin.buffer.read(_READ_BYTES)
        return notice_from_file(data, "")
    path = Path(source)
    if not path.is_file():
        raise IntakeError(_("No such file: %(file)s") % {"file": source})
    with path.open("rb") as handle:
        data = handle.read(_READ_BYTES)
    return notice_from_file(data, path.name)


def parse_received(
    value: str | None, tz: ZoneInfo, *, name: str | None = "--received"
) -> datetime | None:
    """An ISO 8601 time; one without an offset is read in ``tz``. ``name`` is the option it
    was given with (None: an argument without one)."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise IntakeError(not_a_time(value, name, example="2026-11-20T09:30:00-05:00")) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


def not_a_time(value: str, option: str | None, *, example: str) -> str:
    """The message for a time that is not ISO 8601 (shared by the commands that take one)."""
    if option is None:
        return _("The time %(value)s is not a date and time: use ISO 8601, e.g. %(example)s.") % {
            "value": repr(value),
            "example": example,
        }
    return _("%(option)s %(value)s is not a date and time: use ISO 8601, e.g. %(example)s.") % {
        "option": option,
        "value": repr(value),
        "example": example,
    }


def add_notice_read_arguments(parser: ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        default="-",
        help="a .txt or .eml file, a screenshot (PNG, JPEG, HEIC, WebP), or - for stdin",
    )
    parser.add_argument("--received", help="when it arrived, ISO 8601 (default: now)")
    parser.add_argument("--tz", help="the driver's time zone (default: this machine's)")
    parser.add_argument("--platform", choices=PLATFORMS, help="the platform, if known")


def notice_read(
    options: dict[str, Any],
    *,
    in_english: Callable[[], AbstractContextManager[object]] = nullcontext,
) -> dict[str, Any]:
    """The JSON that `reinstate notice read` prints. Its refusals are in the active language;
    the JSON is made inside `in_english()` (the Django command's `translation.override("en")`:
    without Django every word is English already)."""
    tz = parse_time_zone(options.get("tz") or machine_zone_name())
    notice = load_notice(options.get("file"))
    now = datetime.now(UTC)
    received = parse_received(options.get("received"), tz) or notice.received or now
    check_received(received, now=now)
    with in_english():
        reading, decision = read_and_decide(
            notice.text,
            received=received.astimezone(tz),
            tz=tz,
            state=None,
            city=None,
            platform_hint=options.get("platform"),
        )
        payload = reading_json(reading, decision)
        if notice.ocr is not None:
            payload["ocr"] = notice.ocr.as_json()
    return payload


def main_notice_read(argv: list[str]) -> int:
    """`reinstate notice read ...` without Django: one JSON object, or one error line and 2."""
    parser = OneLineArgumentParser(prog="reinstate notice read")
    add_notice_read_arguments(parser)
    options = vars(parser.parse_args(argv))
    try:
        payload = notice_read(options)
    except (IntakeError, NoticeInputError, UnknownTimeZone) as error:
        sys.stderr.write(f"Error: {error}\n")
        return 2
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return 0


class OneLineArgumentParser(ArgumentParser):
    def error(self, message: str) -> Any:
        sys.stderr.write(f"Error: {message} (see --help)\n")  # i18n: English only (fast path)
        sys.exit(2)
