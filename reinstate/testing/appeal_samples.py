"""A strong appeal for a case late to the station: for tests and the benchmark (no pytest)."""

from __future__ import annotations

from datetime import date

from reinstate.appeals.inputs import AppealInput
from reinstate.rules.appeal.shape import Explanation, Plan, PlanAction, Record, Statement

POLICY = "amazon_flex.terms_of_service"
WHAT_HAPPENED = (
    "On 3 November 2026 I arrived at the Hawthorne station (DLA7) at 10:17 for a block that "
    "started at 10:00, because the gate on 120th Street was locked and I had to drive round "
    "to the south entrance."
)


STRONG = AppealInput(
    explanation=Explanation(
        policies=(POLICY,),
        what_happened=WHAT_HAPPENED,
        acknowledgement="I accept that I checked in 17 minutes late.",
        context="I reported the locked gate to support at 10:05.",
        statements=(
            Statement("The gate was locked at 10:02.", ("A",)),
            Statement("My car was repaired on 4 November.", ("B",)),
        ),
    ),
    plan=Plan(
        root_causes=("Problems at the pickup site",),
        actions=(
            PlanAction(
                "Check in 15 minutes before every block",
                "no late arrival in the next 20 blocks",
                date(2026, 12, 1),
            ),
        ),
        monitoring_metric="on-time arrival rate",
        monitoring_threshold="100% of blocks",
        monitoring_frequency="every Sunday",
        commitment="I will arrive early for every block.",
        commitment_policies=(POLICY,),
    ),
    record=Record(driving_since="March 2023", work_completed="1,240 blocks"),
)
