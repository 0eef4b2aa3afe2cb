"""Support log speed: import a 10,000-message .mbox (~50 MB), beside the stdlib's mailbox.mbox.

Run by `make bench` (bench/__main__.py starts it with an empty REINSTATE_HOME on SQLite). Each
measurement runs in its own process, so its peak memory (RSS) is its own: the import of 20,000
messages must peak no higher than that of 10,000, because the file is streamed.
Prints one JSON line.
"""

from __future__ import annotations

import json
import mailbox
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

MESSAGES = 10_000
IMPORT_TARGET_S = 5.0
# Streaming: twice the messages may cost a little more (the database's own cache), not twice.
RSS_GROWTH_LIMIT = 1.25
FILLER = "We are reviewing your account and will get back to you as soon as we can. " * 60


def message(index: int) -> bytes:
    at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=37 * index)
    ticket = 10_000_000 + index % 500
    sender = "dana@example.com" if index % 3 == 0 else "Amazon Flex Support <support@flex.example>"
    return (
        f"From support@flex.example {at:%a %b %d %H:%M:%S %Y}\n"
        f"From: {sender}\nTo: dana@example.com\n"
        f"Subject: Re: Your account [Case #{ticket}]\nDate: {format_datetime(at)}\n"
        f"Message-ID: <m{index}@flex.example>\nContent-Type: text/plain; charset=utf-8\n\n"
        f"Hello,\nThank you for contacting support about case #{ticket}.\n{FILLER}\n"
        ">From the team\n\n"
    ).encode()


def write_mbox(path: Path, count: int) -> int:
    with path.open("wb") as out:
        for index in range(count):
            out.write(message(index))
    return path.stat().st_size


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux gives KB


def run_reinstate(path: Path) -> dict[str, float]:
    """In this process: import the file into a new case, as `reinstate comms import` does."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reinstate.settings")
    django.setup()
    from zoneinfo import ZoneInfo

    from django.core.management import call_command
    from django.utils import timezone

    from reinstate.accounts.models import User
    from reinstate.cases.actions import do_open_case
    from reinstate.comms.imports import file_source, import_files
    from reinstate.lib.notice_file import notice_from_text

    call_command("migrate", verbosity=0)
    user = User.objects.create_user(username="dana", email="dana@example.com")
    case = do_open_case(
        owner=user,
        notice=notice_from_text("Your Amazon Flex account has been deactivated."),
        received=timezone.now(),
        tz=ZoneInfo("America/Los_Angeles"),
    )
    rss_before = peak_rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    result = import_files(
        case=case,
        actor=None,
        sources=[file_source(path)],
        now=timezone.now(),
    )
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "cpu_seconds": time.process_time() - cpu,
        "added": result.added,
        "peak_rss_mb": peak_rss_mb(),
        "rss_before_mb": rss_before,
    }


def run_stdlib(path: Path) -> dict[str, float]:
    """The baseline: the standard library reading the same file (no database, no tickets)."""
    started = time.perf_counter()
    count = 0
    for msg in mailbox.mbox(path):
        msg.get_payload(decode=True)
        count += bool(msg["Subject"])
    return {"seconds": time.perf_counter() - started, "added": count, "peak_rss_mb": peak_rss_mb()}


def measure(kind: str, path: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "REINSTATE_HOME": home}
        env.pop("DATABASE_URL", None)
        done = subprocess.run(
            [sys.executable, "-m", "bench.comms", kind, str(path)],
            capture_output=True,
            env=env,
            check=True,
        )
    figures: dict[str, float] = json.loads(done.stdout)
    return figures


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        small, large = Path(folder, "10k.mbox"), Path(folder, "20k.mbox")
        size = write_mbox(small, MESSAGES)
        write_mbox(large, 2 * MESSAGES)
        ours = measure("reinstate", small)
        ours_large = measure("reinstate", large)
        stdlib = measure("stdlib", small)
        stdlib_large = measure("stdlib", large)
    growth = ours_large["peak_rss_mb"] / ours["peak_rss_mb"]
    print(
        json.dumps(
            {
                "bench": "support log: import a 10,000-message .mbox into a case",
                "messages": MESSAGES,
                "file_mb": round(size / 1e6, 1),
                "import_s": round(ours["seconds"], 2),
                # Other work on the machine slows the wall clock; CPU time is the code's own.
                "import_cpu_s": round(ours["cpu_seconds"], 2),
                "rss_before_import_mb": round(ours["rss_before_mb"], 1),
                "imported": ours["added"],
                "peak_rss_mb_10k": round(ours["peak_rss_mb"], 1),
                "peak_rss_mb_20k": round(ours_large["peak_rss_mb"], 1),
                "baseline_stdlib_mailbox_read_s": round(stdlib["seconds"], 2),
                "baseline_stdlib_peak_rss_mb_10k": round(stdlib["peak_rss_mb"], 1),
                "baseline_stdlib_peak_rss_mb_20k": round(stdlib_large["peak_rss_mb"], 1),
                "target_s": IMPORT_TARGET_S,
                "target_rss_growth_10k_to_20k": RSS_GROWTH_LIMIT,
                "rss_growth_10k_to_20k": round(growth, 2),
                "meets_target": ours["seconds"] <= IMPORT_TARGET_S
                and ours["added"] == MESSAGES
                and growth <= RSS_GROWTH_LIMIT,
            }
        )
    )


if __name__ == "__main__":
    if len(sys.argv) == 3:
        runner = run_reinstate if sys.argv[1] == "reinstate" else run_stdlib
        print(json.dumps(runner(Path(sys.argv[2]))))
    else:
        main()
