"""make bench: speed figures, each beside its baseline, measured in one run on this machine."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[1]
NOTICES = ROOT.parent / "shared" / "examples" / "notices" / "dev.jsonl"
FALLBACK_NOTICE = (
    "Dear Partner,\nWe have decided to end your participation in the Amazon Flex program. "
    "You may appeal this decision within 10 calendar days of this message."
)


def timed_runs(command: list[str], *, runs: int, stdin: bytes, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, input=stdin, capture_output=True, env=env, check=True)
        times.append(time.perf_counter() - start)
    return times


def notice_read_bench(runs: int = 15) -> dict[str, object]:
    """`reinstate notice read` as a fresh process, beside a bare Python start (the floor)."""
    text = FALLBACK_NOTICE
    if NOTICES.exists():
        text = json.loads(NOTICES.read_text().splitlines()[0])["text"]
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "REINSTATE_HOME": home}
        env.pop("DATABASE_URL", None)
        args = ["notice", "read", "-", "--tz", "America/Los_Angeles"]
        cli = [str(BIN / "reinstate"), *args]
        timed_runs(cli, runs=2, stdin=text.encode(), env=env)  # warm the file cache
        reinstate = timed_runs(cli, runs=runs, stdin=text.encode(), env=env)
        python = timed_runs([sys.executable, "-c", "pass"], runs=runs, stdin=b"", env=env)
    return {
        "bench": "notice read, fresh process",
        "runs": runs,
        "reinstate_median_s": round(statistics.median(reinstate), 3),
        "reinstate_max_s": round(max(reinstate), 3),
        "baseline_python_start_median_s": round(statistics.median(python), 3),
        "target_s": 0.5,
        "meets_target": statistics.median(reinstate) < 0.5,
    }


def evidence_bench() -> dict[str, object]:
    """30 phone photos into the evidence locker, and re-hashing speed (bench/evidence.py)."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "REINSTATE_HOME": home}
        env.pop("DATABASE_URL", None)
        done = subprocess.run(
            [sys.executable, "-m", "bench.evidence"],
            capture_output=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
    figures = json.loads(done.stdout)
    return {
        "bench": "evidence: add 30 phone photos with renditions; re-hash originals",
        **figures,
        "target_add_s": 3.0,
        "target_rendition_ms": 100,
        "target_hash_mb_s": 500,
        "meets_target": figures["add_s"] <= 3.0
        and figures["rendition_ms_median"] < 100
        and figures["hash_mb_s"] >= 500,
    }


def health_bench() -> list[dict[str, object]]:
    """Import 100,000 blocks and standing over them, beside plain pandas (bench/health.py)."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "REINSTATE_HOME": home}
        env.pop("DATABASE_URL", None)
        done = subprocess.run(
            [sys.executable, "-m", "bench.health"],
            capture_output=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
    return [json.loads(line) for line in done.stdout.decode().splitlines() if line.strip()]


def appeals_bench() -> dict[str, object]:
    """The appeal packet with 30 photos and three 10-page PDFs, beside LibreOffice converting
    the same content as a .docx (bench/appeals.py)."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "REINSTATE_HOME": home}
        env.pop("DATABASE_URL", None)
        done = subprocess.run(
            [sys.executable, "-m", "bench.appeals"],
            capture_output=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
    figures = json.loads(done.stdout)
    speedup = figures["speedup_vs_build"]
    return {
        "bench": "appeal packet: 30 phone photos + three 10-page PDFs, beside LibreOffice",
        **figures,
        "target_s": 2.0,
        "target_mb": 10,
        "target_speedup": 10,
        "meets_target": figures["packet_cli_s_median"] <= 2.0
        and figures["packet_mb"] <= 10
        and speedup is not None
        and speedup >= 10,
    }


def comms_bench() -> dict[str, object]:
    """A 10,000-message .mbox into the support log, beside the stdlib's mailbox (bench/comms.py)."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.comms"], capture_output=True, cwd=ROOT, check=True
    )
    figures: dict[str, object] = json.loads(done.stdout)
    return figures


def main() -> None:
    results = [
        notice_read_bench(),
        evidence_bench(),
        *health_bench(),
        appeals_bench(),
        comms_bench(),
    ]
    for result in results:
        print(json.dumps(result))
    if not all(r.get("meets_target", True) for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
