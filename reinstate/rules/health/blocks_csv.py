"""Reading a spreadsheet of past blocks (CSV), line by line, without trusting it.

Pure, no Django; ``now`` is passed in. The file is read as a stream: a gigabyte of garbage is
refused after its first line (binary data, no column we know, a line too long), and a file whose
lines keep failing is refused after ``MAX_REJECTED`` of them, so nothing large is ever held in
memory but the blocks themselves. Otherwise every line is read or rejected with its reason.

- Encoding: UTF-8 (with or without a byte-order mark), UTF-16 with a mark (Excel's "Unicode
  text"), else Windows-1252 (Excel's CSV on Windows).
- Separator: comma, semicolon, tab or bar, whichever makes the most column names known.
- Columns are matched by common names (``ALIASES``); the web app lets the driver change that.
- A block's identity is its start to the minute (``row_key``): importing the same rows twice
  adds nothing, and a row repeated inside the file counts as a duplicate.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from operator import itemgetter
from typing import BinaryIO, NamedTuple, TextIO
from zoneinfo import ZoneInfo

from reinstate.lib.i18n import _, gettext_noop, ngettext
from reinstate.rules.health.csv_values import (
    FURTHEST_ARRIVAL,
    LONGEST_BLOCK,
    STATUS_BY_WORD,
    ValueProblem,
    parse_amount,
    parse_arrival,
    parse_count,
    parse_datetime,
    parse_end,
    parse_status,
    steady_offset,
)
from reinstate.rules.health.standing import BlockRecord

# The canonical columns are the fields of a block record, in order.
COLUMNS: tuple[str, ...] = BlockRecord._fields
REQUIRED = ("block_start", "block_end", "status")
# Header names a spreadsheet may use, compared lower-case with punctuation as spaces.
ALIASES: Mapping[str, tuple[str, ...]] = {
    "block_start": ("start", "starts", "start time", "block start time", "shift start", "begin"),
    "block_end": ("end", "ends", "end time", "block end time", "shift end", "finish"),
    "arrived_at": ("arrived", "arrival", "arrival time", "check in", "checked in", "checkin"),
    "status": ("block status", "outcome", "result"),
    "packages_assigned": ("assigned", "packages", "total packages", "package count"),
    "packages_delivered": ("delivered", "deliveries", "delivered packages"),
    "packages_returned": ("returned", "returns", "rts", "returned packages"),
    "late_deliveries": ("late", "late packages", "deliveries late"),
    "dnr_reports": ("dnr", "dnrs", "dnr count", "delivered not received"),
    "earnings": ("pay", "base pay", "block pay", "payout", "amount", "earned"),
    "tips": ("tip", "gratuity", "gratuities"),
    "miles": ("mileage", "distance", "distance miles", "mi"),
}
# The separators' names are English; shown through _().
DELIMITERS = {
    ",": gettext_noop("comma"),
    ";": gettext_noop("semicolon"),
    "\t": gettext_noop("tab"),
    "|": gettext_noop("bar"),
}
HEAD_BYTES = 64 * 1024
MAX_LINE = 64 * 1024
CHUNK = 1024 * 1024  # characters read at a time
MAX_ROWS = 200_000
# A driver's spreadsheet has a dozen columns, a platform's export a few dozen: a file with more
# is refused before its names are read (each would be a choice in the preview's column menus).
MAX_COLUMNS = 200
MAX_REJECTED = 1_000
EARLY_GIVE_UP = 100  # none of the first this many lines readable: it is not a list of blocks
CLOCK_SKEW = timedelta(minutes=5)


class CsvRefused(ValueError):
    """The whole file is refused; the message says why and what to do."""


@dataclass(frozen=True)
class ColumnMap:
    header: tuple[str, ...]
    delimiter: str
    encoding: str
    columns: Mapping[str, int]  # canonical name -> position in the header

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(name for name in REQUIRED if name not in self.columns)

    @property
    def unused(self) -> tuple[str, ...]:
        used = set(self.columns.values())
        return tuple(name for i, name in enumerate(self.header) if i not in used and name)

    @property
    def delimiter_name(self) -> str:
        return DELIMITERS[self.delimiter]


class Rejected(NamedTuple):
    line: int
    error: str


class Row(NamedTuple):  # a named tuple: 100,000 of them are made quickly
    line: int
    record: BlockRecord


@dataclass
class ReadResult:
    column_map: ColumnMap
    rows: int = 0  # data lines that are not blank
    records: list[Row] = field(default_factory=list)  # readable, first of each row key
    duplicates: int = 0  # lines repeating a block already read from this file
    rejected: list[Rejected] = field(default_factory=list)


def row_key(record: BlockRecord) -> datetime:
    """A block's identity: its start, in UTC (seconds are dropped on reading: blocks start on
    the minute, and a second export that rounds differently is still the same block)."""
    return record.block_start


def normalise_name(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower().replace("\ufeff", "")).split())


_NAMES = {normalise_name(c): c for c in COLUMNS} | {
    normalise_name(alias): column for column, aliases in ALIASES.items() for alias in aliases
}


def match_columns(header: tuple[str, ...]) -> dict[str, int]:
    """Canonical name -> position, by name; the first column of a name wins."""
    found: dict[str, int] = {}
    for position, name in enumerate(header):
        column = _NAMES.get(normalise_name(name))
        if column is not None and column not in found:
            found[column] = position
    return found


def read_blocks(
    stream: BinaryIO,
    *,
    tz: ZoneInfo,
    now: datetime,
    mapping: Mapping[str, int | None] | None = None,
    max_rows: int = MAX_ROWS,
    stop_after: int | None = None,
) -> ReadResult:
    """Read every line of a seekable byte stream; refuse the file with ``CsvRefused``.

    ``mapping`` replaces the columns found by name (None: not in the file). ``stop_after``
    reads only that many data lines, for a preview.
    """
    text = _open_text(stream)
    try:
        lines = _lines(text)
        skipped, header_line = _first_line(lines)
        column_map = _column_map(header_line, text.encoding, mapping)
        reader = csv.reader(itertools.chain([header_line], lines), delimiter=column_map.delimiter)
        next(reader)
        result = ReadResult(column_map=column_map)
        seen: set[datetime] = set()
        keep = result.records.append
        pick = _picker(column_map)
        days: dict[str, timedelta | None] = {}  # each day's offset from UTC, as met
        latest = (now + CLOCK_SKEW).astimezone(UTC)  # a start after this is in the future
        last = max_rows + 1 if stop_after is None else min(stop_after, max_rows + 1)
        consumed = reader.line_num
        rows = 0
        try:
            for cells in reader:
                if reader.line_num - consumed > 1:  # no value of a block spans two lines
                    raise CsvRefused(_open_quote(skipped + consumed + 1))
                consumed = reader.line_num
                if not "".join(cells).strip():
                    continue
                rows += 1
                if rows > max_rows:
                    raise CsvRefused(
                        _("The file has more than %(count)s blocks. Split it into smaller files.")
                        % {"count": f"{max_rows:,}"}
                    )
                try:
                    record = _record(cells, column_map, pick, tz, latest, days)
                except ValueProblem as problem:
                    result.rejected.append(Rejected(skipped + consumed, str(problem)))
                    _give_up_if_garbage(result)
                else:
                    key = record.block_start  # row_key(record), without the call
                    if key in seen:
                        result.duplicates += 1
                    else:
                        seen.add(key)
                        keep(_tuple(Row, (skipped + consumed, record)))
                if rows >= last:
                    break
        except csv.Error:
            raise CsvRefused(_open_quote(skipped + consumed + 1)) from None
        except UnicodeDecodeError:
            raise CsvRefused(
                _(
                    "Line %(line)s is not text in %(encoding)s. Save the spreadsheet as "
                    "'CSV UTF-8' and try again."
                )
                % {"line": skipped + reader.line_num + 1, "encoding": text.encoding}
            ) from None
        result.rows = rows
        return result
    finally:
        text.detach()


def _open_quote(line: int) -> str:
    return _(
        'Line %(line)s has a quote mark (") that is not closed on that line, so the lines after '
        "it cannot be read. Close it or remove it, and try again."
    ) % {"line": line}


def _open_text(stream: BinaryIO) -> io.TextIOWrapper:
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    if not head.strip():
        raise CsvRefused(_("The file is empty."))
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in head:
        raise CsvRefused(
            _(
                "This is not a spreadsheet saved as text: it holds binary data. "
                "Export the blocks as CSV and try again."
            )
        )
    elif head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    return io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline="")


def _lines(text: TextIO) -> Iterator[str]:
    """The file's lines, read a megabyte at a time: no line may be longer than MAX_LINE."""
    number = 0
    carry = ""
    while True:
        try:
            chunk = text.read(CHUNK)
        except UnicodeDecodeError:
            raise CsvRefused(
                _(
                    "Line %(line)s or the next one is not readable text. "
                    "Save the spreadsheet as 'CSV UTF-8' and try again."
                )
                % {"line": number + 1}
            ) from None
        # Every line end, the old Mac's lone CR too (a CR at the end of a chunk waits: it may
        # be the first half of a CR LF).
        data = carry + chunk
        held = "\r" if data.endswith("\r") and chunk else ""
        data = data[: len(data) - len(held)].replace("\r\n", "\n").replace("\r", "\n")
        parts = data.split("\n")
        carry = parts.pop() + held
        if max(map(len, parts), default=0) > MAX_LINE or len(carry) > MAX_LINE:
            where = next((i for i, part in enumerate(parts) if len(part) > MAX_LINE), len(parts))
            raise CsvRefused(
                _(
                    "Line %(line)s is longer than %(count)s characters: "
                    "this does not look like a list of blocks."
                )
                % {"line": number + where + 1, "count": f"{MAX_LINE:,}"}
            )
        number += len(parts)
        yield from parts
        if not chunk:
            if carry:
                yield carry
            return


def _first_line(lines: Iterator[str]) -> tuple[int, str]:
    """(blank lines before it, the header line)."""
    for skipped, line in enumerate(lines):
        if line.strip():
            return skipped, line
    raise CsvRefused(_("The file is empty."))


def _column_map(
    header_line: str, encoding: str, mapping: Mapping[str, int | None] | None
) -> ColumnMap:
    best: ColumnMap | None = None
    widest = 0
    for delimiter in DELIMITERS:
        cells = next(csv.reader([header_line], delimiter=delimiter))
        widest = max(widest, len(cells))
        if len(cells) > MAX_COLUMNS:
            continue
        header = tuple(cell.strip() for cell in cells)
        candidate = ColumnMap(header, delimiter, encoding, match_columns(header))
        if best is None or len(candidate.columns) > len(best.columns):
            best = candidate
    if best is None or (not best.columns and widest > MAX_COLUMNS):
        raise CsvRefused(
            _(
                "The first line has %(count)s columns, more than the %(most)s a list of blocks "
                "can have. Keep only the columns about your blocks and try again."
            )
            % {"count": f"{widest:,}", "most": MAX_COLUMNS}
        )
    if mapping is not None:
        columns = dict(best.columns)
        for name, position in mapping.items():
            if name not in COLUMNS:
                raise CsvRefused(_("There is no field called %(name)s.") % {"name": repr(name)})
            columns.pop(name, None)
            if position is not None:
                if not 0 <= position < len(best.header):
                    raise CsvRefused(
                        _("The file has no column %(position)s for %(name)s.")
                        % {"position": position + 1, "name": name}
                    )
                columns[name] = position
        best = ColumnMap(best.header, best.delimiter, best.encoding, columns)
    if not best.columns:
        shown = header_line.strip()[:80]
        raise CsvRefused(
            _(
                "The first line (%(line)s) names none of the columns we know. It should name "
                "columns such as %(columns)s."
            )
            % {"line": repr(shown), "columns": ", ".join(REQUIRED)}
        )
    if best.missing:
        raise CsvRefused(
            _("The file has no column for %(missing)s. Columns found: %(found)s.")
            % {"missing": ", ".join(best.missing), "found": ", ".join(best.header)}
        )
    return best


def _picker(column_map: ColumnMap) -> Callable[[list[str]], tuple[str, ...]]:
    """Takes the values of COLUMNS from a line in one go; a missing column is read as the ""
    appended past the end of the line."""
    width = len(column_map.header)
    return itemgetter(*(column_map.columns.get(name, width) for name in COLUMNS))


def _record(
    cells: list[str],
    column_map: ColumnMap,
    pick: Callable[[list[str]], tuple[str, ...]],
    tz: ZoneInfo,
    latest: datetime,
    days: dict[str, timedelta | None],
) -> BlockRecord:
    width = len(column_map.header)
    if len(cells) != width:
        cells = _fit(cells, column_map)
    cells.append("")
    (
        start_text,
        end_text,
        arrived,
        status,
        assigned,
        delivered,
        returned,
        late,
        dnr,
        earnings,
        tips,
        miles,
    ) = pick(cells)
    start = _plain_time(start_text, tz, days)  # to the minute
    if start is None:
        start = parse_datetime(start_text, tz, "block_start")
        if start.second or start.microsecond:
            start = start.replace(second=0, microsecond=0)
    if start > latest:
        raise ValueProblem(_("block_start is in the future"))
    numbers = assigned + delivered + returned + late + dnr + earnings + tips + miles
    try:
        # The quick reading of plain numbers; anything else (a sign, "NaN", "$1,234", text)
        # goes to the careful readers below, which also say what is wrong.
        if "-" in numbers or "n" in numbers or "N" in numbers or "i" in numbers:
            raise ValueError(numbers)
        a, d, r, lt, n = (
            int(assigned) if assigned else None,
            int(delivered) if delivered else None,
            int(returned) if returned else None,
            int(late) if late else None,
            int(dnr) if dnr else None,
        )
        e, t, m = (
            float(earnings) if earnings else None,
            float(tips) if tips else None,
            float(miles) if miles else None,
        )
    except ValueError:
        a, d, r, lt, n = (
            parse_count(assigned, "packages_assigned"),
            parse_count(delivered, "packages_delivered"),
            parse_count(returned, "packages_returned"),
            parse_count(late, "late_deliveries"),
            parse_count(dnr, "dnr_reports"),
        )
        e, t, m = (
            parse_amount(earnings, "earnings"),
            parse_amount(tips, "tips"),
            parse_amount(miles, "miles"),
        )
    end = _plain_time(end_text, tz, days)
    if end is None or not _NO_TIME < end - start <= LONGEST_BLOCK:
        end = parse_end(end_text, start, tz)  # the careful reading, which says what is wrong
    arrived_at = _plain_time(arrived, tz, days)
    if arrived_at is None or not -FURTHEST_ARRIVAL <= arrived_at - start <= FURTHEST_ARRIVAL:
        arrived_at = parse_arrival(arrived, start, tz)
    status = STATUS_BY_WORD.get(status) or parse_status(status)
    record = _tuple(BlockRecord, (start, end, arrived_at, status, a, d, r, lt, n, e, t, m))
    if (a is not None and ((d is not None and d > a) or (r is not None and r > a))) or (
        d is not None and ((lt is not None and lt > d) or (n is not None and n > d))
    ):
        check_consistent(record)  # says which
    return record


_NO_TIME = timedelta(0)
_UNSEEN = timedelta.max  # a day whose offset is not yet known (None: the clocks change)
# A named tuple made from its values in order, without the keyword handling of its __new__
# (twice as quick; 100,000 rows make 200,000 of them).
_tuple = tuple.__new__


def _plain_time(text: str, tz: ZoneInfo, days: dict[str, timedelta | None]) -> datetime | None:
    """What parse_datetime reads from the commonest value, 'YYYY-MM-DD HH:MM' on a day the
    clocks do not change, with each day's offset looked up once per file; None for any other
    value (parse_datetime then reads it, and says what is wrong)."""
    if len(text) != 16 or text[10] != " " or text[13] != ":":
        return None
    try:
        utc = datetime.fromisoformat(text + "+00:00")
    except ValueError:
        return None
    day = text[:10]
    offset = days.get(day, _UNSEEN)
    if offset is _UNSEEN:
        offset = days[day] = steady_offset(tz, utc.year, utc.month, utc.day)
    if offset is None:
        return None
    try:
        return utc - offset
    except OverflowError:
        return None


def _fit(cells: list[str], column_map: ColumnMap) -> list[str]:
    """A line with fewer or more values than the header: padded if that is safe, else why not."""
    width = len(column_map.header)
    if len(cells) > width:
        if any(cell.strip() for cell in cells[width:]):
            raise ValueProblem(
                _(
                    "has %(values)s values but the first line has %(columns)s columns: a value "
                    "may hold the separator (%(separator)s) without quotes"
                )
                % {
                    "values": len(cells),
                    "columns": width,
                    "separator": _(column_map.delimiter_name),
                }
            )
        return cells[:width]
    if len(cells) <= max(column_map.columns.values()):
        raise ValueProblem(
            ngettext(
                "has %(values)s value but the first line has %(columns)s columns: check that "
                "every line uses the same separator (%(separator)s)",
                "has %(values)s values but the first line has %(columns)s columns: check that "
                "every line uses the same separator (%(separator)s)",
                len(cells),
            )
            % {"values": len(cells), "columns": width, "separator": _(column_map.delimiter_name)}
        )
    return cells + [""] * (width - len(cells))


def check_consistent(record: BlockRecord) -> None:
    """Counts that contradict each other are a typo; say which."""
    assigned, delivered = record.packages_assigned, record.packages_delivered
    if assigned is not None:
        _not_more(delivered, assigned, "packages_delivered", "packages_assigned")
        _not_more(record.packages_returned, assigned, "packages_returned", "packages_assigned")
    if delivered is not None:
        _not_more(record.late_deliveries, delivered, "late_deliveries", "packages_delivered")
        _not_more(record.dnr_reports, delivered, "dnr_reports", "packages_delivered")


def _not_more(part: int | None, whole: int, part_name: str, whole_name: str) -> None:
    if part is not None and part > whole:
        raise ValueProblem(
            _("%(part_name)s (%(part)s) is more than %(whole_name)s (%(whole)s)")
            % {"part_name": part_name, "part": part, "whole_name": whole_name, "whole": whole}
        )


def _give_up_if_garbage(result: ReadResult) -> None:
    first = result.rejected[0]
    example = _("Line %(line)s: %(error)s.") % {"line": first.line, "error": first.error}
    if len(result.rejected) >= MAX_REJECTED:
        raise CsvRefused(
            _("%(count)s lines could not be read, so nothing was imported. %(example)s")
            % {"count": f"{MAX_REJECTED:,}", "example": example}
        )
    if not result.records and len(result.rejected) >= EARLY_GIVE_UP:
        raise CsvRefused(
            _(
                "None of the first %(count)s lines could be read as blocks, so nothing was "
                "imported. %(example)s"
            )
            % {"count": EARLY_GIVE_UP, "example": example}
        )
