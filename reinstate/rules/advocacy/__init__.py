"""The organisation's own work on its cases: which notices look like one batch (waves).

Pure: no Django."""
