"""What the server's log may say (settings.LOGGING uses these filters)."""

from __future__ import annotations

import logging
import re

# A calendar feed's address holds its token, which is the credential: a log line must not.
_CALENDAR_TOKEN = re.compile(r"(/calendar/)[^/\s.]+(\.ics)")


class HideCalendarTokens(logging.Filter):
    """ "Not Found: /cases/calendar/3f9a….ics" becomes "…/calendar/[token].ics"."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "/calendar/" in message:
            record.msg = _CALENDAR_TOKEN.sub(r"\1[token]\2", message)
            record.args = ()
        return True


class OneLine(logging.Filter):
    """The message without its traceback: a request with a bad Host header is somebody
    knocking on the wrong door, one line, not a stack of frames."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True
