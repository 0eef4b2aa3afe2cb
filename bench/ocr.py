"""Reading a phone screenshot of a notice, run as its own process:

    python -m bench.ocr

Prints one JSON object: Reinstate's OCR of a 1170 x 2532 screenshot (open, grey, Tesseract,
lines put back together) and `reinstate notice read IMAGE` as a fresh process, beside
Tesseract's own command line (`tesseract IMG out -l eng+spa`) on the same image.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

RUNS = 5
ROOT = Path(__file__).resolve().parents[1]
NOTICES = ROOT / "reinstate" / "rules" / "notice" / "tests" / "notices" / "dev.jsonl"


def median_s(call: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times), 3)


def run(command: list[str]) -> Callable[[], object]:
    return lambda: subprocess.run(command, capture_output=True, check=True)


def main() -> None:
    from reinstate.lib.ocr import engine, read_screenshot
    from reinstate.testing.screenshots import phone_screenshot

    text = json.loads(NOTICES.read_text().splitlines()[0])["text"]
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        print(json.dumps({"error": "tesseract is not installed: run make system-deps"}))
        return
    with tempfile.TemporaryDirectory() as folder:
        image = Path(folder) / "notice.png"
        image.write_bytes(phone_screenshot(text))
        data = image.read_bytes()
        read_screenshot(data)  # warm: the language data into the file cache
        ours = median_s(lambda: read_screenshot(data))
        reinstate = str(Path(sys.executable).parent / "reinstate")
        cli = median_s(run([reinstate, "notice", "read", str(image)]))
        baseline = [tesseract, str(image), str(Path(folder) / "out"), "-l", "eng+spa"]
        theirs = median_s(run(baseline))  # with the same one thread as ours (lib/ocr.py sets it)
        limit = os.environ.pop("OMP_THREAD_LIMIT", None)
        theirs_default = median_s(run(baseline))  # and as Tesseract starts by default: all cores
        if limit is not None:
            os.environ["OMP_THREAD_LIMIT"] = limit
    print(
        json.dumps(
            {
                "bench": "OCR of a 1170x2532 phone screenshot, beside tesseract's command line",
                "engine": engine(),
                "runs": RUNS,
                "reinstate_ocr_s_median": ours,
                "reinstate_notice_read_cli_s_median": cli,
                "baseline_tesseract_cli_s_median": theirs,
                "baseline_tesseract_cli_all_threads_s_median": theirs_default,
                "target_s": 1.5,
                "meets_target": ours <= 1.5,
            }
        )
    )


if __name__ == "__main__":
    main()
