"""Where the apps meet: what must see every app at once.

Each domain app (accounts, cases, evidence, comms, appeals, health, audit) knows only the apps
beneath it (see the contracts in pyproject.toml). What needs them all lives here: the case page,
which gathers every part of a case; the calendar feed; `reinstate remind`, which sends every
app's reminders; `reinstate verify`, which checks the audit chain and the stored evidence; and
`reinstate serve`, which runs the whole site.
"""
