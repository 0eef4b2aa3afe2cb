"""Reading block spreadsheets: good ones, odd ones, broken ones and a gigabyte of garbage."""

from __future__ import annotations

import codecs
import io
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reinstate.rules.health.blocks_csv import (
    CHUNK,
    EARLY_GIVE_UP,
    HEAD_BYTES,
    MAX_REJECTED,
    CsvRefused,
    ReadResult,
    read_blocks,
)
from reinstate.testing.streams import GIB, Counted, Garbage

LA = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
HEADER = (
    "block_start,block_end,arrived_at,status,packages_assigned,packages_delivered,"
    "packages_returned,late_deliveries,dnr_reports,earnings,tips,miles"
)
ROW = "2026-11-02 08:00,2026-11-02 11:00,2026-11-02 07:52,completed,30,29,1,0,0,72.00,5.50,41.2"


def read(text: str | bytes, **kwargs: object) -> ReadResult:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return read_blocks(io.BytesIO(data), tz=LA, now=NOW, **kwargs)  # type: ignore[arg-type]


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LA)


def test_it_reads_the_canonical_columns_in_the_drivers_zone():
    result = read(f"{HEADER}\n{ROW}\n")
    assert (result.rows, result.duplicates, result.rejected) == (1, 0, [])
    row = result.records[0]
    assert row.line == 2
    r = row.record
    assert r.block_start == local("2026-11-02 08:00")
    assert r.block_end == local("2026-11-02 11:00")
    assert r.arrived_at == local("2026-11-02 07:52")
    assert (r.status, r.packages_assigned, r.packages_delivered, r.packages_returned) == (
        "completed",
        30,
        29,
        1,
    )
    assert (r.late_deliveries, r.dnr_reports, r.earnings, r.tips, r.miles) == (0, 0, 72, 5.5, 41.2)


def test_an_offset_in_the_file_wins_over_the_zone():
    row = "2026-11-02T08:00:00-05:00,2026-11-02T11:00:00-05:00,,no_show,,,,,,,,"
    result = read(f"{HEADER}\n{row}\n")
    assert result.records[0].record.block_start == datetime(2026, 11, 2, 13, tzinfo=UTC)


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_the_separator_is_found(delimiter: str):
    text = f"{HEADER}\n{ROW}\n".replace(",", delimiter)
    result = read(text)
    assert len(result.records) == 1 and result.column_map.delimiter == delimiter


def test_a_line_with_another_separator_is_rejected_with_a_reason():
    result = read(f"{HEADER}\n{ROW}\n{ROW.replace(',', ';').replace('11-02', '11-03')}\n")
    assert len(result.records) == 1
    [rejected] = result.rejected
    assert rejected.line == 3
    assert "has 1 value" in rejected.error and "separator (comma)" in rejected.error


def test_an_unquoted_thousands_separator_is_caught():
    result = read(f"{HEADER}\n{ROW.replace('72.00', '1,072.00')}\n")
    assert "without quotes" in result.rejected[0].error


def test_a_byte_order_mark_and_windows_line_ends_are_fine():
    data = codecs.BOM_UTF8 + f"{HEADER}\r\n{ROW}\r\n".encode()
    result = read(data)
    assert len(result.records) == 1 and result.column_map.columns["block_start"] == 0


def test_excel_unicode_text_and_windows_1252_are_read():
    utf16 = f"{HEADER}\n{ROW}\n".replace(",", "\t").encode("utf-16")
    assert len(read(utf16).records) == 1
    cp1252 = f"{HEADER},note\n{ROW},café\n".encode("cp1252")
    result = read(cp1252)
    assert result.column_map.encoding == "cp1252" and len(result.records) == 1


def test_excel_serial_dates_and_us_dates_and_common_column_names():
    text = (
        "Start,End,Check-in,Status,Packages,Delivered,Pay\n"
        "46034.3333333333,46034.4583333333,,completed,20,20,$1,234.50\n"  # unquoted: rejected
        '46034.3333333333,46034.4583333333,,completed,20,20,"$1,234.50"\n'
        "1/13/2026 8:00 AM,1/13/2026 11:00 AM,7:58 AM,Completed,20,19,$80\n"
    )
    result = read(text)
    assert [r.line for r in result.rejected] == [2]
    first, second = (row.record for row in result.records)
    assert first.block_start == local("2026-01-12 08:00")
    assert first.block_end == local("2026-01-12 11:00")
    assert first.earnings == 1234.5
    assert second.block_start == local("2026-01-13 08:00")
    assert second.arrived_at == local("2026-01-13 07:58")


def test_an_end_given_as_a_time_alone_crosses_midnight():
    result = read(
        "block_start,block_end,arrived_at,status\n2026-01-10 22:30,01:30,23:58,completed\n"
    )
    r = result.records[0].record
    assert r.block_end == local("2026-01-11 01:30")
    assert r.hours == 3
    # A check-in given as a time alone is the one nearest the start.
    assert r.arrived_at == local("2026-01-10 23:58")


def test_clock_changes_a_skipped_time_is_refused_and_a_repeated_one_is_the_first():
    text = (
        "block_start,block_end,status\n"
        "2026-03-08 02:30,2026-03-08 05:00,completed\n"
        "2026-11-01 01:30,2026-11-01 03:30,completed\n"
    )
    result = read(text)
    assert "did not happen in America/Los_Angeles" in result.rejected[0].error
    r = result.records[0].record
    assert r.block_start == datetime(2026, 11, 1, 8, 30, tzinfo=UTC)  # 01:30 PDT, the first
    assert r.hours == 3  # 01:30 PDT to 03:30 PST


def test_missing_columns_refuse_the_whole_file_by_name():
    with pytest.raises(CsvRefused, match=r"no column for block_end, status"):
        read("block_start,earnings\n2026-01-10 08:00,50\n")


def test_a_first_line_with_no_known_column_is_refused():
    with pytest.raises(CsvRefused, match="names none of the columns we know"):
        read("date,total\n2026-01-10,50\n")


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ((",30,29,", ",-3,29,"), "packages_assigned cannot be negative (-3)"),
        ((",30,29,", ",thirty,29,"), "packages_assigned 'thirty' is not a number"),
        ((",30,29,", ",30.5,29,"), "packages_assigned '30.5' is not a whole number"),
        ((",30,29,", ",30,31,"), "packages_delivered (31) is more than packages_assigned (30)"),
        (("72.00", "-72"), "earnings cannot be negative (-72)"),
        (("72.00", "NaN"), "earnings 'NaN' is not a number"),
        (("72.00", "lots"), "earnings 'lots' is not a number"),
        (("completed", "finished-ish"), "status 'finished-ish' is not one of completed"),
        (("2026-11-02 08:00,", "yesterday,"), "block_start 'yesterday' is not a date and time"),
        (("2026-11-02 08:00,", "2026-11-02,"), "block_start '2026-11-02' has a date but no time"),
        (("2026-11-02 11:00", "2026-11-02 07:00"), "block_end '2026-11-02 07:00' is not after"),
        (("2026-11-02 11:00", "2026-11-04 11:00"), "longer than 24 hours"),
        (("2026-11-02 08:00,2026-11-02 11:00", "2027-11-02 08:00,2027-11-02 11:00"), "future"),
        (("13/02/2026", "13/02/2026"), ""),  # no change: the row is fine
    ],
)
def test_bad_values_reject_their_line_with_the_reason(change: tuple[str, str], error: str):
    old, new = change
    result = read(f"{HEADER}\n{ROW.replace(old, new, 1)}\n")
    if not error:
        assert result.rejected == []
        return
    assert result.records == []
    assert [r.line for r in result.rejected] == [2]
    assert error in result.rejected[0].error


def test_blank_lines_are_skipped_and_a_repeated_row_is_a_duplicate():
    result = read(f"\n{HEADER}\n{ROW}\n\n,,,,\n{ROW}\n")
    assert (result.rows, len(result.records), result.duplicates) == (2, 1, 1)
    assert result.records[0].line == 3


def test_seconds_are_dropped_so_a_rounded_export_is_the_same_block():
    result = read(f"{HEADER}\n{ROW}\n{ROW.replace('2026-11-02 08:00', '2026-11-02 08:00:30', 1)}\n")
    assert result.duplicates == 1


def test_columns_can_be_chosen_by_hand():
    text = "when,until,what\n2026-01-10 08:00,2026-01-10 10:00,completed\n"
    result = read(text, mapping={"block_start": 0, "block_end": 1, "status": 2})
    assert len(result.records) == 1
    with pytest.raises(CsvRefused, match="no column 9"):
        read(text, mapping={"block_start": 8, "block_end": 1, "status": 2})


def test_an_unclosed_quote_is_refused_with_its_line():
    with pytest.raises(CsvRefused, match=r"Line 3 has a quote mark .* not closed"):
        read(f'{HEADER}\n{ROW}\n"{ROW}\n{ROW}\n{ROW}\n')
    with pytest.raises(CsvRefused, match=r"Line 2 has a quote mark"):  # past the field limit
        read(f'{HEADER}\n"{ROW}\n' + ("x" * 60_000 + "\n") * 4)


def test_too_many_rows_are_refused():
    with pytest.raises(CsvRefused, match="more than 2 blocks"):
        read(f"{HEADER}\n{ROW}\n{ROW}\n{ROW}\n", max_rows=2)


def test_an_empty_file_is_refused():
    for empty in (b"", b"\n\n  \n"):
        with pytest.raises(CsvRefused, match="empty"):
            read(empty)


# ------------------------------------------------------------------- a gigabyte of garbage


def refused_after_reading(raw: io.RawIOBase, match: str) -> int:
    """How many bytes were read before the file was refused; memory stays small."""
    counted = Counted(raw)
    tracemalloc.start()
    try:
        with pytest.raises(CsvRefused, match=match):
            read_blocks(io.BufferedReader(counted), tz=LA, now=NOW)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024**2, peak
    return counted.bytes_read


# How fast a gigabyte is refused is measured by `make bench` (bench/health.py), not here.
def test_a_gigabyte_of_zeros_is_refused_after_its_first_64_kib(tmp_path: Path):
    sparse = tmp_path / "zeros.csv"
    with sparse.open("wb") as handle:
        handle.truncate(GIB)  # sparse: takes no disk space
    with sparse.open("rb", buffering=0) as raw:
        assert refused_after_reading(raw, "binary data") <= HEAD_BYTES


def test_a_gigabyte_of_text_without_line_ends_is_refused_without_being_held():
    garbage = Garbage(b"", b"lorem ipsum ")
    read = refused_after_reading(garbage, "longer than 65,536 characters")
    assert read <= HEAD_BYTES + 2 * CHUNK, read


def test_a_gigabyte_of_lines_after_a_good_header_is_refused_early():
    head = f"{HEADER}\n".encode()
    garbage = Garbage(head, b"garbage,more garbage\n")
    read = refused_after_reading(garbage, f"first {EARLY_GIVE_UP} lines")
    assert read <= HEAD_BYTES + 2 * CHUNK, read


def test_a_file_that_keeps_failing_after_good_lines_is_refused():
    good = "\n".join(ROW.replace("11-02 ", f"11-{d:02d} ") for d in range(2, 10))
    bad = "\n".join(["garbage"] * MAX_REJECTED)
    with pytest.raises(CsvRefused, match="1,000 lines could not be read"):
        read(f"{HEADER}\n{good}\n{bad}\n")
