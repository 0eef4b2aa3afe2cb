"""make bench: speed figures, each beside its baseline, measured in one run on this machine."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.audit import figures as audit_chain_figures

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[1]
# The first development notice (a copy of shared/examples/notices/dev.jsonl is in the tests).
NOTICES = ROOT / "reinstate" / "rules" / "notice" / "tests" / "notices" / "dev.jsonl"


def timed_runs(command: list[str], *, runs: int, stdin: bytes, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, input=stdin, capture_output=True, env=env, check=True)
        times.append(time.perf_counter() - start)
    return times


def notice_read_bench(runs: int = 15) -> dict[str, object]:
    """`reinstate notice read` as a fresh process, beside a bare Python start (the floor)."""
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


def run_bench_module(module: str) -> list[dict[str, Any]]:
    """Run one bench module in its own process on an empty SQLite home; its JSON lines."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "REINSTATE_HOME": home}
        env.pop("DATABASE_URL", None)
        done = subprocess.run(
            [sys.executable, "-m", module], capture_output=True, env=env, cwd=ROOT, check=True
        )
    return [json.loads(line) for line in done.stdout.decode().splitlines() if line.strip()]


def evidence_bench() -> dict[str, Any]:
    """30 phone photos into the evidence locker, and re-hashing speed (bench/evidence.py)."""
    [figures] = run_bench_module("bench.evidence")
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


def appeals_bench() -> dict[str, Any]:
    """The appeal packet with 30 photos and three 10-page PDFs, beside LibreOffice converting
    the same content as a .docx (bench/appeals.py)."""
    [figures] = run_bench_module("bench.appeals")
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


def main() -> None:
    """Each figure is printed as soon as it is measured: the whole run takes minutes."""
    benches: list[Callable[[], list[dict[str, Any]]]] = [
        lambda: [notice_read_bench()],
        lambda: run_bench_module("bench.notice"),  # hostile 10 MB texts, beside a normal one
        lambda: [evidence_bench()],
        lambda: run_bench_module("bench.health"),  # import and standing, beside plain pandas
        lambda: [appeals_bench()],
        lambda: run_bench_module("bench.ocr"),  # a phone screenshot, beside tesseract's CLI
        lambda: run_bench_module("bench.comms"),  # a 10,000-message .mbox, beside the stdlib
        lambda: run_bench_module("bench.docket"),  # 5,000 cases, beside 50 and an empty docket
        lambda: run_bench_module("bench.org_stats"),  # outcomes of 5,000 cases, beside 50
        audit_chain_figures,  # 8 writers beside 1, on DATABASE_URL's PostgreSQL when set
    ]
    all_met = True
    for bench in benches:
        for result in bench():
            print(json.dumps(result), flush=True)
            all_met = all_met and bool(result.get("meets_target", True))
    if not all_met:
        sys.exit(1)


if __name__ == "__main__":
    main()
