"""A strong appeal for a case late to the station, and who is appealing: for tests and the
benchmark (no pytest)."""

from __future__ import annotations

from datetime import date

from reinstate.accounts.models import PlatformAccount, User
from reinstate.appeals.inputs import AppealInput
from reinstate.rules.appeal.shape import Explanation, Plan, PlanAction, Record, Statement
from reinstate.testing.notices import FLEX_LATE

# The driver as the platform knows them, and the notice's own reference.
LEGAL_NAME = "Dana María Reyes"
FLEX_ACCOUNT = "dana.reyes@example.com"
NOTICE_REFERENCE = "58213377"
FLEX_LATE_WITH_REFERENCE = f"{FLEX_LATE}\nYour case number is {NOTICE_REFERENCE}."


def identify(user: User, *, platform: str = "amazon_flex") -> User:
    """Give the driver a legal name and the account the platform knows them by."""
    user.legal_name = LEGAL_NAME
    user.save(update_fields=["legal_name"])
    PlatformAccount.objects.update_or_create(
        user=user, platform=platform, defaults={"identifier": FLEX_ACCOUNT}
    )
    return user


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
