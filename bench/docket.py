"""The organisation docket over 5,000 cases: the page and `reinstate org docket`.

Run by `make bench` (bench/__main__.py starts it in its own process, with an empty
REINSTATE_HOME on SQLite; run it by hand with DATABASE_URL set for PostgreSQL). Fills a "demo"
organisation with `reinstate org demo`'s filler, then times the docket page (a signed-in
advocate's request through the whole Django stack) beside the same page for an organisation
of 50 cases (the baseline: the page must not grow with the docket), and `org docket` as a fresh
process beside `org docket` on an empty organisation in the same process start (the floor).
Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

CASES = 5_000
SMALL = 50
TARGET_S = 0.3
RUNS = 15
BIN = Path(sys.executable).parent


def median_s(run: Callable[[], object], runs: int = RUNS) -> float:
    run()  # warm: the catalogue, the templates
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def count_queries(run: Callable[[], object]) -> int:
    """Counted at the cursor: the request's start clears Django's own query log."""
    from django.db import connection

    count = 0

    def counting(execute: Callable[..., object], *args: object) -> object:
        nonlocal count
        count += 1
        return execute(*args)

    with connection.execute_wrapper(counting):
        run()
    return count


def demo_organisations(label: str) -> tuple[Any, Any, Any, Any, float]:
    """An advocate of a big (CASES) and a small (SMALL) demo organisation, an empty one beside,
    and how long filling the big one took. Django must be set up and migrated."""
    from django.utils import timezone

    from reinstate.accounts.models import Membership, Organisation, User
    from reinstate.compose.docket_demo import fill_demo

    advocate = User.objects.create_user(username=f"bench-{label}-{time.time_ns()}")
    big = Organisation.objects.create(name=f"Demo big union ({label})")
    small = Organisation.objects.create(name=f"Demo small clinic ({label})")
    empty = Organisation.objects.create(name=f"Demo empty clinic ({label})")
    for org in (big, small):
        Membership.objects.create(organisation=org, user=advocate)
    started = time.perf_counter()
    fill_demo(big, count=CASES, seed=1, now=timezone.now())
    fill_s = time.perf_counter() - started
    fill_demo(small, count=SMALL, seed=2, now=timezone.now())
    return advocate, big, small, empty, fill_s


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reinstate.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from reinstate.accounts.models import Organisation

    call_command("migrate", interactive=False, verbosity=0)
    advocate, big, small, empty, fill_s = demo_organisations("docket")

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(advocate)

    def page(org: Organisation, **params: str) -> Callable[[], object]:
        url = reverse("accounts:docket", args=[org.pk])

        def get() -> None:
            response = client.get(url, params)
            assert response.status_code == 200, response.status_code

        return get

    big_queries, small_queries = count_queries(page(big)), count_queries(page(small))
    page_s = median_s(page(big))
    page_sorted_s = median_s(page(big, sort="driver", due="30"))
    page_small_s = median_s(page(small))

    def cli(org: Organisation) -> list[float]:
        command = [str(BIN / "reinstate"), "org", "docket", str(org.pk)]
        subprocess.run(command, capture_output=True, check=True)  # warm the file cache
        times = []
        for _ in range(7):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        return times

    cli_s = statistics.median(cli(big))
    floor_s = statistics.median(cli(empty))
    with Path(os.devnull).open("w") as devnull:
        in_process_s = median_s(lambda: call_command("org", "docket", str(big.pk), stdout=devnull))
    print(
        json.dumps(
            {
                "bench": f"docket: an organisation of {CASES:,} cases",
                "database": connection.vendor,
                "fill_s": round(fill_s, 2),
                "page_s_median": round(page_s, 3),
                "page_sorted_filtered_s_median": round(page_sorted_s, 3),
                "baseline_page_50_cases_s_median": round(page_small_s, 3),
                "page_queries": big_queries,
                "baseline_page_50_cases_queries": small_queries,
                "org_docket_cli_s_median": round(cli_s, 3),
                "baseline_cli_empty_org_s_median": round(floor_s, 3),
                "org_docket_beyond_process_start_s": round(cli_s - floor_s, 3),
                "org_docket_in_process_s_median": round(in_process_s, 3),
                "target_s": TARGET_S,
                "meets_target": page_s <= TARGET_S
                and page_sorted_s <= TARGET_S
                and in_process_s <= TARGET_S
                and cli_s - floor_s <= TARGET_S
                and big_queries == small_queries,
            }
        )
    )


if __name__ == "__main__":
    main()
