"""An organisation's outcomes over 5,000 cases: `reinstate org stats`, the page and the CSV.

Run by `make bench` (bench/__main__.py starts it in its own process, with an empty
REINSTATE_HOME on SQLite; run it by hand with DATABASE_URL set for PostgreSQL, on an empty
database). Fills a "demo" organisation with `reinstate org demo`'s filler, then records a
sending for about half of the open cases and a decision for half of those (plain bulk INSERTs:
the filler writes neither), so every subquery has rows to find. Times `org stats` in the
process, and as a fresh process beside `org stats` on an empty organisation (the floor: Python
and Django starting; the two run in turns and the figure is the median of the differences),
the outcomes page and its CSV (a signed-in advocate's requests through the whole Django stack)
beside the same page for an organisation of 50 cases, and counts the queries of each.
Target: `org stats` over 5,000 cases in at most 0.5 s. Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from bench.docket import BIN, CASES, count_queries, demo_organisations, median_s

TARGET_S = 0.5


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reinstate.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from reinstate.accounts.models import Organisation
    from reinstate.appeals.models import Decision, Sending
    from reinstate.cases.models import Case
    from reinstate.compose.org_stats import organisation_outcomes

    call_command("migrate", interactive=False, verbosity=0)
    advocate, big, small, empty, fill_s = demo_organisations("stats")
    now = timezone.now()
    rng = random.Random(3)  # noqa: S311  # made-up data, repeatable
    sendings, decisions = [], []
    for case in Case.objects.filter(organisation__in=[big, small], status="open"):
        if rng.random() < 0.5:
            sent = min(now, case.received_at + timedelta(days=rng.randrange(1, 10)))
            sendings.append(Sending(case=case, sent_at=sent, channel=Sending.Channel.EMAIL))
            if rng.random() < 0.5:
                decided = min(now, sent + timedelta(days=rng.randrange(1, 30))).date()
                outcome = rng.choice(["denied", "partial", "no_answer"])
                decisions.append(Decision(case=case, outcome=outcome, decided_on=decided))
    Sending.objects.bulk_create(sendings, batch_size=1000)
    Decision.objects.bulk_create(decisions, batch_size=1000)

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(advocate)

    def get(name: str, org: Organisation) -> Callable[[], object]:
        url = reverse(name, args=[org.pk])

        def run() -> None:
            response = client.get(url)  # the default range: the last twelve months
            assert response.status_code == 200, response.status_code

        return run

    def stats(org: Organisation) -> Callable[[], object]:
        return lambda: organisation_outcomes(org, since=None, until=None)

    counted = organisation_outcomes(big, since=None, until=None).total.cases
    assert counted == CASES, counted
    stats_queries = count_queries(stats(big))
    page_queries, small_page_queries = (
        count_queries(get("accounts:org_stats", big)),
        count_queries(get("accounts:org_stats", small)),
    )
    stats_s = median_s(stats(big))
    with Path(os.devnull).open("w") as devnull:
        in_process_s = median_s(lambda: call_command("org", "stats", str(big.pk), stdout=devnull))
    page_s = median_s(get("accounts:org_stats", big))
    csv_s = median_s(get("accounts:org_stats_csv", big))
    page_small_s = median_s(get("accounts:org_stats", small))

    def cli_run(org: Organisation) -> float:
        command = [str(BIN / "reinstate"), "org", "stats", str(org.pk)]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        took = time.perf_counter() - start
        assert done.returncode == 0, done.stderr.decode()[-2000:]
        return took

    cli_run(big), cli_run(empty)  # warm the file cache
    # In turns, big then empty, so that what else the machine is doing weighs on both alike.
    pairs = [(cli_run(big), cli_run(empty)) for _ in range(9)]
    cli_s = statistics.median(b for b, _ in pairs)
    floor_s = statistics.median(e for _, e in pairs)
    beyond_s = statistics.median(b - e for b, e in pairs)
    print(
        json.dumps(
            {
                "bench": f"org stats: outcomes of an organisation of {CASES:,} cases",
                "database": connection.vendor,
                "fill_s": round(fill_s, 2),
                "sendings": len(sendings),
                "decisions": len(decisions),
                "outcomes_query_and_count_s_median": round(stats_s, 3),
                "outcomes_queries": stats_queries,
                "org_stats_in_process_s_median": round(in_process_s, 3),
                "org_stats_cli_s_median": round(cli_s, 3),
                "baseline_cli_empty_org_s_median": round(floor_s, 3),
                "org_stats_beyond_process_start_s_median": round(beyond_s, 3),
                "page_s_median": round(page_s, 3),
                "csv_s_median": round(csv_s, 3),
                "baseline_page_50_cases_s_median": round(page_small_s, 3),
                "page_queries": page_queries,
                "baseline_page_50_cases_queries": small_page_queries,
                "target_s": TARGET_S,
                "meets_target": in_process_s <= TARGET_S
                and beyond_s <= TARGET_S
                and page_s <= TARGET_S
                and csv_s <= TARGET_S
                and page_queries == small_page_queries,
            }
        )
    )


if __name__ == "__main__":
    main()
