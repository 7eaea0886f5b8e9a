"""Working days as each Act counts them, with every answer counted by hand.

FOIA and EIR skip a bank holiday in any part of the UK (FOIA s.10(6), EIR reg. 2(1));
FOISA, and the EIR of a Scottish authority, skip Scottish ones only (FOISA s.73).
"""

from __future__ import annotations

import datetime as dt

import pytest

from foilog.records.working_days import WorkingCalendar, calendar_for

D = dt.date


@pytest.fixture(scope="module")
def acts() -> dict[str, WorkingCalendar]:
    return {
        "foia": calendar_for("foia", "england-and-wales"),
        "eir": calendar_for("eir", "england-and-wales"),
        "foia-ni": calendar_for("foia", "northern-ireland"),
        "foia-scottish-authority": calendar_for("foia", "scotland"),
        "foisa": calendar_for("foisa", "scotland"),
        "eir-scotland": calendar_for("eir", "scotland"),
    }


def uk_wide(acts: dict[str, WorkingCalendar]) -> list[WorkingCalendar]:
    return [acts["foia"], acts["eir"], acts["foia-ni"], acts["foia-scottish-authority"]]


def scottish(acts: dict[str, WorkingCalendar]) -> list[WorkingCalendar]:
    return [acts["foisa"], acts["eir-scotland"]]


def test_st_patricks_day_counts_under_foia_and_eir_everywhere(
    acts: dict[str, WorkingCalendar],
) -> None:
    # Received Mon 10 Mar 2025, answered Tue 8 Apr. Mon 17 Mar is St Patrick's Day, a bank
    # holiday in Northern Ireland only. UK-wide: 11-14 Mar (4), 18-21 (8), 24-28 (13),
    # 31 Mar-4 Apr (18), 7 Apr (19), 8 Apr (20): on day 20. Scotland: 17 Mar counts, so 21.
    for calendar in uk_wide(acts):
        assert calendar.count(D(2025, 3, 10), D(2025, 4, 8)) == 20
        assert calendar.add(D(2025, 3, 10), 20) == D(2025, 4, 8)
    for calendar in scottish(acts):
        assert calendar.count(D(2025, 3, 10), D(2025, 4, 8)) == 21
        assert calendar.add(D(2025, 3, 10), 20) == D(2025, 4, 7)


def test_the_twelfth_of_july_and_its_substitute(acts: dict[str, WorkingCalendar]) -> None:
    # Fri 12 Jul 2024 (Battle of the Boyne, Northern Ireland). Received Thu 11 Jul, to Mon 15.
    for calendar in uk_wide(acts):
        assert calendar.count(D(2024, 7, 11), D(2024, 7, 15)) == 1  # 15
    for calendar in scottish(acts):
        assert calendar.count(D(2024, 7, 11), D(2024, 7, 15)) == 2  # 12, 15
    # 12 Jul 2025 is a Saturday: Mon 14 Jul is the substitute. Received Fri 11, to Tue 15.
    for calendar in uk_wide(acts):
        assert calendar.count(D(2025, 7, 11), D(2025, 7, 15)) == 1  # 15
        assert not calendar.is_working_day(D(2025, 7, 14))
    for calendar in scottish(acts):
        assert calendar.count(D(2025, 7, 11), D(2025, 7, 15)) == 2  # 14, 15


def test_the_scottish_second_of_january_and_its_substitutes(
    acts: dict[str, WorkingCalendar],
) -> None:
    # 2025: Thu 2 Jan, Scotland only. Received Tue 31 Dec 2024, to Fri 3 Jan: only Fri 3
    # counts, under every Act (England alone would count Thu 2 as well).
    for calendar in acts.values():
        assert calendar.count(D(2024, 12, 31), D(2025, 1, 3)) == 1
    # 2022: Sat 1 Jan and Sun 2 Jan: Mon 3 Jan (everywhere) and Tue 4 Jan (Scotland) are the
    # substitutes. Received Fri 31 Dec 2021, to Wed 5 Jan: only Wed 5 counts.
    for calendar in acts.values():
        assert calendar.count(D(2021, 12, 31), D(2022, 1, 5)) == 1
    # 2023: Sun 1 Jan: Mon 2 Jan everywhere, and Tue 3 Jan in Scotland for 2 Jan.
    # Received Fri 30 Dec 2022, to Wed 4 Jan: only Wed 4 counts.
    for calendar in acts.values():
        assert calendar.count(D(2022, 12, 30), D(2023, 1, 4)) == 1
        assert calendar.add(D(2022, 12, 30), 1) == D(2023, 1, 4)


def test_st_andrews_day_and_its_substitutes(acts: dict[str, WorkingCalendar]) -> None:
    # Tue 30 Nov 2021. Received Mon 29 Nov, to Wed 1 Dec: only 1 Dec counts.
    for calendar in acts.values():
        assert calendar.count(D(2021, 11, 29), D(2021, 12, 1)) == 1
    # Sat 30 Nov 2024: Mon 2 Dec is the substitute. Received Fri 29 Nov, to Tue 3 Dec.
    for calendar in acts.values():
        assert calendar.count(D(2024, 11, 29), D(2024, 12, 3)) == 1
    # Sun 30 Nov 2025: Mon 1 Dec is the substitute. Received Fri 28 Nov, to Tue 2 Dec.
    for calendar in acts.values():
        assert calendar.count(D(2025, 11, 28), D(2025, 12, 2)) == 1
        assert not calendar.is_working_day(D(2025, 12, 1))


def test_holidays_outside_scotland_count_under_foisa(acts: dict[str, WorkingCalendar]) -> None:
    # Easter Monday, 21 Apr 2025, is no bank holiday in Scotland. Received Thu 17 Apr (Good
    # Friday 18 Apr is a holiday everywhere), to Tue 22 Apr.
    for calendar in uk_wide(acts):
        assert calendar.count(D(2025, 4, 17), D(2025, 4, 22)) == 1  # 22
    for calendar in scottish(acts):
        assert calendar.count(D(2025, 4, 17), D(2025, 4, 22)) == 2  # 21, 22
    # August 2025: Mon 4 (Scotland's summer holiday) and Mon 25 (the rest of the UK's).
    # Received Fri 1 Aug, to Fri 29 Aug: 20 weekdays. UK-wide less both: 18; Scotland: 19.
    for calendar in uk_wide(acts):
        assert calendar.count(D(2025, 8, 1), D(2025, 8, 29)) == 18
    for calendar in scottish(acts):
        assert calendar.count(D(2025, 8, 1), D(2025, 8, 29)) == 19


def test_christmas_and_a_friday_receipt(acts: dict[str, WorkingCalendar]) -> None:
    # Christmas 2022 fell on a Sunday: Mon 26 and Tue 27 Dec were the bank holidays.
    # Received Fri 23 Dec 2022, to Fri 30 Dec: 28, 29 and 30 Dec.
    for calendar in acts.values():
        assert calendar.count(D(2022, 12, 23), D(2022, 12, 30)) == 3
    # Received Fri 2 May 2025; Mon 5 May and Mon 26 May are holidays everywhere.
    # 6-9 May (4), 12-16 (9), 19-23 (14), 27-30 (18), 2-3 Jun (20).
    for calendar in acts.values():
        assert calendar.count(D(2025, 5, 2), D(2025, 5, 5)) == 0
        assert calendar.add(D(2025, 5, 2), 20) == D(2025, 6, 3)


def test_a_count_across_years_matches_day_by_day(acts: dict[str, WorkingCalendar]) -> None:
    # The per-year running totals agree with stepping one day at a time.
    for calendar in (acts["foia"], acts["foisa"]):
        day, stepped = D(2023, 11, 1), 0
        while day < D(2025, 2, 1):
            day += dt.timedelta(1)
            stepped += calendar.is_working_day(day)
        assert calendar.count(D(2023, 11, 1), D(2025, 2, 1)) == stepped
