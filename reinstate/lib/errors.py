"""The one kind of error a person can fix themselves."""

from __future__ import annotations


class UserInputError(ValueError):
    """Bad input from a person: shown as one plain line (exit status 2 on the command line),
    never as a traceback. Each part of the app raises its own subclass."""
