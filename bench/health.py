"""Account health speed: import 100,000 blocks, and standing over them, beside plain pandas;
and how quickly a gigabyte of garbage is refused, beside reading the gigabyte once.

Run by `make bench` (bench/__main__.py starts it in its own process, with an empty
REINSTATE_HOME on SQLite). Prints one JSON line per benchmark.
"""

from __future__ import annotations

import io
import json
import os
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROWS = 100_000
ZONE = "America/Los_Angeles"
IMPORT_TARGET_S = 3.0
IMPORT_TARGET_TO_PANDAS = 1.5  # at most this many times plain pandas' time, side by side
RUNS = 3
STANDING_TARGET_S = 0.2
STATUSES = ["completed"] * 90 + ["late_forfeit"] * 3 + ["early_forfeit"] * 4 + ["no_show"] * 3
HEADER = (
    "block_start,block_end,arrived_at,status,packages_assigned,packages_delivered,"
    "packages_returned,late_deliveries,dnr_reports,earnings,tips,miles"
)
# 20 blocks a day, none in the hour a clock change skips (the end included).
STARTS = [h for h in range(24) if h not in (1, 2, 11, 17)]


def blocks_csv(rows: int = ROWS, *, end: datetime) -> bytes:
    """``rows`` plausible blocks ending before ``end`` (local wall-clock times, like a driver's
    own spreadsheet), 50 minutes each."""
    rnd = random.Random(6)  # noqa: S311 - made-up blocks, not secrets
    days = rows // len(STARTS) + 1
    first = (end - timedelta(days=days + 1)).replace(minute=15, second=0, microsecond=0)
    lines = [HEADER]
    for index in range(rows):
        day, slot = divmod(index, len(STARTS))
        start = (first + timedelta(days=day)).replace(hour=STARTS[slot])
        finish = start + timedelta(minutes=50)
        status = rnd.choice(STATUSES)
        if status == "completed":
            arrived = f"{start + timedelta(minutes=rnd.randint(-15, 8)):%Y-%m-%d %H:%M}"
            n, back = rnd.randint(20, 45), rnd.randint(0, 2)
            counts = f"{n},{n - back},{back},{rnd.randint(0, 2)},{rnd.randint(0, 1)}"
            money = f"{rnd.randint(54, 90)}.00,{rnd.randint(0, 20)}.50,{rnd.randint(20, 80)}.3"
        else:
            arrived, counts, money = "", ",,,,", ",,"
        lines.append(
            f"{start:%Y-%m-%d %H:%M},{finish:%Y-%m-%d %H:%M},{arrived},{status},{counts},{money}"
        )
    return ("\n".join(lines) + "\n").encode()


CPU_TIMES: list[float] = []  # the process's CPU time of each run, beside its wall time


def timed(action: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock seconds of each run. Other work on the machine slows the wall clock; the
    CPU seconds (kept in CPU_TIMES) show what the code itself costs."""
    times = []
    CPU_TIMES.clear()
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        action()
        times.append(time.perf_counter() - started)
        CPU_TIMES.append(time.process_time() - cpu)
    return times


REFUSE_ZEROS_TARGET_S = 1.0
REFUSE_GARBAGE_TARGET_S = 5.0


def refusal_bench(folder: Path) -> dict[str, object]:
    """A gigabyte of garbage refused by read_blocks (the better of three runs), beside plain
    Python reading the gigabyte of zeros once, a megabyte at a time."""
    from reinstate.rules.health.blocks_csv import CsvRefused, read_blocks
    from reinstate.testing.streams import GIB, Garbage

    tz, now = ZoneInfo(ZONE), datetime.now(UTC)
    zeros = folder / "zeros.csv"
    with zeros.open("wb") as handle:
        handle.truncate(GIB)  # sparse: takes no disk space

    def refuse(open_stream: Callable[[], io.BufferedIOBase]) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            with open_stream() as stream:
                try:
                    read_blocks(stream, tz=tz, now=now)  # type: ignore[arg-type]
                except CsvRefused:
                    times.append(time.perf_counter() - started)
                else:
                    raise AssertionError("a gigabyte of garbage was not refused")
        return min(times)

    def read_through() -> None:
        with zeros.open("rb") as handle:
            while handle.read(1024 * 1024):
                pass

    zeros_s = refuse(lambda: zeros.open("rb"))
    no_line_ends_s = refuse(lambda: io.BufferedReader(Garbage(b"", b"lorem ipsum ")))
    head = f"{HEADER}\n".encode()
    garbage_lines_s = refuse(lambda: io.BufferedReader(Garbage(head, b"garbage,more garbage\n")))
    whole = min(timed(read_through, runs=3))
    zeros.unlink()
    return {
        "bench": "health import refuses 1 GiB of garbage (zeros; no line ends; garbage lines)",
        "runs": 3,
        "reinstate_zeros_s": round(zeros_s, 6),
        "reinstate_no_line_ends_s": round(no_line_ends_s, 6),
        "reinstate_garbage_lines_s": round(garbage_lines_s, 6),
        "baseline_python_read_whole_gib_s": round(whole, 3),
        "target_zeros_s": REFUSE_ZEROS_TARGET_S,
        "target_garbage_s": REFUSE_GARBAGE_TARGET_S,
        "meets_target": zeros_s < REFUSE_ZEROS_TARGET_S
        and max(no_line_ends_s, garbage_lines_s) < REFUSE_GARBAGE_TARGET_S,
    }


def pandas_import(data: bytes, database: Path) -> int:
    """The baseline: read, check and store the same rows with plain pandas and sqlite3."""
    import sqlite3

    import pandas as pd

    frame = pd.read_csv(io.BytesIO(data))
    for column in ("block_start", "block_end", "arrived_at"):
        local = pd.to_datetime(frame[column], format="%Y-%m-%d %H:%M", errors="coerce")
        aware = local.dt.tz_localize(ZONE, ambiguous="NaT", nonexistent="NaT")
        frame[column] = aware.dt.tz_convert("UTC")
    counts = ["packages_assigned", "packages_delivered", "packages_returned", "late_deliveries"]
    bad = frame["block_start"].isna() | frame["block_end"].isna() | (frame[counts] < 0).any(axis=1)
    frame = frame[~bad].drop_duplicates(subset="block_start")
    with sqlite3.connect(database) as connection:
        frame.to_sql("blocks", connection, if_exists="append", index=False)
    return len(frame)


def pandas_standing(frame: object, as_of: datetime) -> dict[str, dict[str, float | None]]:
    """The baseline: the same two windows and five formulas on a DataFrame."""
    import pandas as pd

    assert isinstance(frame, pd.DataFrame)
    stamp = pd.Timestamp(as_of)
    started = frame[frame["block_start"] <= stamp]
    counted = started[started["status"].isin(["completed", "late_forfeit", "no_show"])]
    windows = {
        "30d": counted[counted["block_start"] > stamp - pd.Timedelta(hours=720)],
        "100_blocks": counted.nlargest(100, "block_start"),
    }
    result = {}
    for key, window in windows.items():
        done = window[window["status"] == "completed"]
        on_time = (done["arrived_at"] <= done["block_start"] + pd.Timedelta(minutes=5)).sum()
        delivered = done["packages_delivered"].sum()
        hours = ((done["block_end"] - done["block_start"]).dt.total_seconds() / 3600).sum()
        assigned, late, dnr = (
            done[c].sum() for c in ("packages_assigned", "late_deliveries", "dnr_reports")
        )
        pay = done["earnings"].sum() + done["tips"].sum()
        result[key] = {
            "reliability": on_time / len(window) if len(window) else None,
            "delivery_completion": delivered / assigned if assigned else None,
            "on_time_delivery": 1 - late / delivered if delivered else None,
            "dnr_per_1000": 1000 * dnr / delivered if delivered else None,
            "pay_per_hour": pay / hours if hours else None,
        }
    return result


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reinstate.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)

    import pandas as pd

    from reinstate.accounts.models import User
    from reinstate.health.assessment import assess
    from reinstate.health.imports import do_import_blocks
    from reinstate.health.queries import block_records
    from reinstate.rules.health.blocks_csv import read_blocks
    from reinstate.rules.health.standing import standing

    tz = ZoneInfo(ZONE)
    now = datetime.now(UTC)
    data = blocks_csv(end=now.astimezone(tz).replace(tzinfo=None))
    drivers = iter(User.objects.create(username=f"bench{i}", time_zone=ZONE) for i in range(99))

    def import_once() -> None:
        driver = next(drivers)
        run = do_import_blocks(
            owner=driver,
            platform="amazon_flex",
            stream=io.BytesIO(data),
            filename="bench.csv",
            tz=tz,
            actor=driver,
            now=now,
        )
        assert run.added == ROWS, (run.added, run.rejected[:3])

    home = Path(os.environ["REINSTATE_HOME"])
    runs = iter(range(RUNS))

    def pandas_once() -> None:
        pandas_import(data, home / f"pandas-{next(runs)}.sqlite3")

    # Side by side: each run of ours is followed by one of pandas, so both see the same load.
    imports, import_cpus, with_pandas, pandas_cpus = [], [], [], []
    for _ in range(RUNS):
        imports += timed(import_once, runs=1)
        import_cpus += CPU_TIMES
        with_pandas += timed(pandas_once, runs=1)
        pandas_cpus += CPU_TIMES
    import_s, pandas_s = statistics.median(imports), statistics.median(with_pandas)
    import_cpu_s, pandas_cpu_s = statistics.median(import_cpus), statistics.median(pandas_cpus)
    print(
        json.dumps(
            {
                "bench": "health import of 100,000 CSV rows into the database",
                "runs": RUNS,
                "reinstate_median_s": round(import_s, 3),
                "reinstate_max_s": round(max(imports), 3),
                "reinstate_cpu_median_s": round(import_cpu_s, 3),
                "baseline_pandas_median_s": round(pandas_s, 3),
                "baseline_pandas_cpu_median_s": round(pandas_cpu_s, 3),
                "reinstate_to_pandas": round(import_s / pandas_s, 2),
                "reinstate_to_pandas_cpu": round(import_cpu_s / pandas_cpu_s, 2),
                "target_s": IMPORT_TARGET_S,
                "target_to_pandas": IMPORT_TARGET_TO_PANDAS,
                "meets_target": import_s
                <= min(IMPORT_TARGET_S, IMPORT_TARGET_TO_PANDAS * pandas_s),
            }
        )
    )

    records = [row.record for row in read_blocks(io.BytesIO(data), tz=tz, now=now).records]
    rules = timed(lambda: standing(records, as_of=now), runs=7)
    rules_cpu = statistics.median(CPU_TIMES)
    driver = User.objects.get(username="bench0")

    def from_the_database() -> None:
        standing(block_records(driver, "amazon_flex", as_of=now), as_of=now)

    from_database = timed(from_the_database, runs=7)
    database_cpu = statistics.median(CPU_TIMES)
    # The whole health page's numbers: standing, margins, anomalies, alerts (for information).
    whole = timed(lambda: assess(driver, "amazon_flex", as_of=now), runs=7)
    frame = pd.DataFrame([r._asdict() for r in records], columns=list(records[0]._fields)).astype(
        {"block_start": "datetime64[us, UTC]", "block_end": "datetime64[us, UTC]"}
    )
    frame["arrived_at"] = pd.to_datetime(frame["arrived_at"], utc=True)
    baseline = timed(lambda: pandas_standing(frame, now), runs=7)
    ours = standing(records, as_of=now).windows["30d"].metrics
    theirs = pandas_standing(frame, now)["30d"]
    agree = all(
        (ours[k] is None and theirs[k] is None) or abs((ours[k] or 0) - (theirs[k] or 0)) < 1e-9
        for k in ours
    )
    print(
        json.dumps(
            {
                "bench": "health standing over 100,000 blocks (both windows, five measures)",
                "runs": 7,
                "reinstate_rules_median_s": round(statistics.median(rules), 4),
                "reinstate_rules_cpu_median_s": round(rules_cpu, 4),
                "reinstate_from_database_median_s": round(statistics.median(from_database), 4),
                "reinstate_from_database_cpu_median_s": round(database_cpu, 4),
                "reinstate_whole_assessment_median_s": round(statistics.median(whole), 4),
                "baseline_pandas_median_s": round(statistics.median(baseline), 4),
                "same_numbers_as_pandas": agree,
                "target_s": STANDING_TARGET_S,
                "meets_target": statistics.median(rules) <= STANDING_TARGET_S
                and statistics.median(from_database) <= STANDING_TARGET_S,
            }
        )
    )
    print(json.dumps(refusal_bench(home)))


if __name__ == "__main__":
    main()
