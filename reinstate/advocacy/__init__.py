"""The organisation's own work on a case: who carries it, private notes, tasks with due dates,
and which cases look like one batch of notices (waves).

Everything here belongs to the organisation the case is shared with: its members see it, the
driver never does (the driver's history leaves out notes and tasks too)."""
