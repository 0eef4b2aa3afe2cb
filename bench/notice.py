"""Reading a notice at its worst: hostile 10 MB texts through read_notice, beside a normal
notice and beside one pass of Python's re over the same text.

Run by `make bench` (bench/__main__.py starts it in its own process). Prints one JSON line.
The tests check what keeps these quick (only the first SCAN_LIMIT characters are read,
test_notice_properties.py); this measures how quick.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

from reinstate.rules.notice.reader import read_notice
from reinstate.testing.notice_sets import load

TARGET_S = 0.5  # per text, the better of RUNS
RUNS = 3
TZ = ZoneInfo("America/New_York")
RECEIVED = datetime(2026, 11, 20, 10, tzinfo=TZ)
# The texts of test_notice_properties.py: a word start every other character is the regexes'
# worst case.
NOTICE = "Your account has been deactivated. You may appeal within 10 days. "
TEXTS = {
    "repeated notice": NOTICE * 150_000,
    "a-": "a-" * 5_000_000,
    "1-": "1-" * 5_000_000,
    "spaces": " " * 10_000_000,
    "a@": "a@" * 5_000_000,
    "a newline": "a\n" * 5_000_000,  # a line break after every word: each is a place to mend
}
# Found in none of the texts, so re scans each to its end once.
ONE_PASS = re.compile(r"\bappeal\s+by\s+\d{4}-\d\d-\d\d\b")


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    normal = load("dev")[0]
    received = datetime.fromisoformat(normal["received"])
    zone = ZoneInfo(normal["tz"])
    read_notice(normal["text"], received=received, tz=zone)  # load the catalogue once
    normal_s = timed(lambda: read_notice(normal["text"], received=received, tz=zone), runs=21)
    worst: dict[str, float] = {}
    one_pass: dict[str, float] = {}
    for name, text in TEXTS.items():
        worst[name] = min(timed(partial(read_notice, text, received=RECEIVED, tz=TZ), RUNS))
        one_pass[name] = min(timed(partial(ONE_PASS.search, text), RUNS))
    print(
        json.dumps(
            {
                "bench": "notice reading, worst case: six hostile 10 MB texts",
                "runs": RUNS,
                "reinstate_max_s": round(max(worst.values()), 4),
                "reinstate_s": {name: round(s, 4) for name, s in worst.items()},
                "baseline_normal_notice_median_s": round(statistics.median(normal_s), 4),
                "baseline_re_one_pass_max_s": round(max(one_pass.values()), 4),
                "target_s": TARGET_S,
                "meets_target": max(worst.values()) < TARGET_S,
            }
        )
    )


if __name__ == "__main__":
    main()
