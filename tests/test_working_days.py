"""Working days against each jurisdiction's bank holidays, with every answer counted by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from foilog.records.working_days import WorkingCalendar

D = dt.date
ENGLAND, SCOTLAND, NORTHERN_IRELAND = "england-and-wales", "scotland", "northern-ireland"


@pytest.fixture(scope="module")
def calendars() -> dict[str, WorkingCalendar]:
    return {name: WorkingCalendar(name) for name in (ENGLAND, SCOTLAND, NORTHERN_IRELAND)}


def test_scotlands_second_of_january(calendars: dict[str, WorkingCalendar]) -> None:
    # Received Tue 31 Dec 2024. 1 Jan is a holiday everywhere; 2 Jan only in Scotland.
    received = D(2024, 12, 31)
    # To Fri 3 Jan: England counts Thu 2 and Fri 3; Scotland only Fri 3.
    assert calendars[ENGLAND].count(received, D(2025, 1, 3)) == 2
    assert calendars[NORTHERN_IRELAND].count(received, D(2025, 1, 3)) == 2
    assert calendars[SCOTLAND].count(received, D(2025, 1, 3)) == 1
    # England: 2-3 Jan (2), 6-10 (7), 13-17 (12), 20-24 (17), 27-29 (20).
    assert calendars[ENGLAND].add(received, 20) == D(2025, 1, 29)
    # Scotland: 3 Jan (1), 6-10 (6), 13-17 (11), 20-24 (16), 27-30 (20).
    assert calendars[SCOTLAND].add(received, 20) == D(2025, 1, 30)


def test_northern_irelands_st_patricks_day(calendars: dict[str, WorkingCalendar]) -> None:
    # Received Fri 14 Mar 2025; Mon 17 Mar is St Patrick's Day, a holiday only in NI.
    received = D(2025, 3, 14)
    assert calendars[NORTHERN_IRELAND].count(received, D(2025, 3, 17)) == 0
    assert calendars[ENGLAND].count(received, D(2025, 3, 17)) == 1
    assert calendars[SCOTLAND].count(received, D(2025, 3, 17)) == 1
    # England and Scotland: 17-21 (5), 24-28 (10), 31 Mar-4 Apr (15), 7-11 Apr (20).
    assert calendars[ENGLAND].add(received, 20) == D(2025, 4, 11)
    assert calendars[SCOTLAND].add(received, 20) == D(2025, 4, 11)
    # NI: 18-21 (4), 24-28 (9), 31 Mar-4 Apr (14), 7-11 Apr (19), Mon 14 Apr (20).
    assert calendars[NORTHERN_IRELAND].add(received, 20) == D(2025, 4, 14)


def test_easter_monday_outside_scotland(calendars: dict[str, WorkingCalendar]) -> None:
    # Received Thu 17 Apr 2025. Good Friday 18 Apr is a holiday everywhere; Easter Monday
    # 21 Apr everywhere but Scotland. Mon 5 May (Early May) is a holiday everywhere.
    received = D(2025, 4, 17)
    assert calendars[ENGLAND].count(received, D(2025, 4, 22)) == 1
    assert calendars[NORTHERN_IRELAND].count(received, D(2025, 4, 22)) == 1
    assert calendars[SCOTLAND].count(received, D(2025, 4, 22)) == 2
    # England: 22-25 Apr (4), 28 Apr-2 May (9), 6-9 May (13), 12-16 (18), 19-20 (20).
    assert calendars[ENGLAND].add(received, 20) == D(2025, 5, 20)
    assert calendars[NORTHERN_IRELAND].add(received, 20) == D(2025, 5, 20)
    # Scotland: 21-25 Apr (5), 28 Apr-2 May (10), 6-9 May (14), 12-16 (19), 19 May (20).
    assert calendars[SCOTLAND].add(received, 20) == D(2025, 5, 19)


def test_christmas_period(calendars: dict[str, WorkingCalendar]) -> None:
    # Received Mon 22 Dec 2025. 25, 26 Dec and 1 Jan are holidays everywhere; 2 Jan 2026
    # (a Friday) only in Scotland.
    received = D(2025, 12, 22)
    # To Fri 2 Jan: 23, 24, 29, 30, 31 Dec, and 2 Jan outside Scotland.
    assert calendars[ENGLAND].count(received, D(2026, 1, 2)) == 6
    assert calendars[SCOTLAND].count(received, D(2026, 1, 2)) == 5
    # England: 23-24 (2), 29-31 (5), 2 Jan (6), 5-9 (11), 12-16 (16), 19-22 (20).
    assert calendars[ENGLAND].add(received, 20) == D(2026, 1, 22)
    assert calendars[NORTHERN_IRELAND].add(received, 20) == D(2026, 1, 22)
    # Scotland: 23-24 (2), 29-31 (5), 5-9 (10), 12-16 (15), 19-23 (20).
    assert calendars[SCOTLAND].add(received, 20) == D(2026, 1, 23)
    # Christmas 2022 fell on a Sunday: Mon 26 and Tue 27 Dec were the bank holidays.
    # Received Fri 23 Dec 2022, to Fri 30 Dec: 28, 29 and 30 Dec.
    assert calendars[ENGLAND].count(D(2022, 12, 23), D(2022, 12, 30)) == 3


def test_receipt_on_a_friday_before_a_bank_holiday_monday(
    calendars: dict[str, WorkingCalendar],
) -> None:
    # Received Fri 2 May 2025; Mon 5 May (Early May) and Mon 26 May (Spring) are holidays
    # everywhere. Day 1 is Tue 6 May.
    received = D(2025, 5, 2)
    for calendar in calendars.values():
        assert calendar.count(received, D(2025, 5, 5)) == 0
        assert calendar.count(received, D(2025, 5, 6)) == 1
        # 6-9 May (4), 12-16 (9), 19-23 (14), 27-30 (18), 2-3 Jun (20).
        assert calendar.add(received, 20) == D(2025, 6, 3)
        assert calendar.count(received, D(2025, 6, 3)) == 20
