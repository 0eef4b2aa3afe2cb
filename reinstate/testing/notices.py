"""Notices the tests open cases with."""

from __future__ import annotations

# Late to the station (performance), with a stated 10-day window.
FLEX_LATE = (
    "Dear Partner,\nWe have decided to end your participation in the Amazon Flex program. "
    "Over the past 30 days you arrived late to the delivery station for several blocks.\n"
    "You may appeal this decision within 10 calendar days of this message.\nAmazon Flex Support"
)

# A delivery dispute: its checklist asks for delivery photos and records.
DISPUTE = (
    "We have received several reports from customers who could not locate packages that you "
    "marked as delivered. Because of this, your Amazon Flex account has been deactivated. If you "
    "would like us to reconsider, respond within 10 calendar days with any supporting information."
)

# A Grubhub background-check deactivation (the options after a "no" include the FCRA dispute).
GRUBHUB_CHECK = (
    "Hi Dana,\nAfter reviewing the results of your background check, Grubhub has decided to "
    "deactivate your account. Case number CASE-4471.\nGrubhub Driver Care"
)
