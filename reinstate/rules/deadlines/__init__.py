"""Deadline arithmetic, the deadline the app acts on, and the work planned back from it.

Pure: no Django."""
