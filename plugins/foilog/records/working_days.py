"""Working days: Monday to Friday, without bank holidays.

Bank holidays come from the `holidays` package for the authority's jurisdiction, never
from a list kept here. See docs/record-format.md ("Timeliness") for the rules.
"""

from __future__ import annotations

import bisect
import datetime as dt

import holidays

# Setting value -> (the `holidays` package's subdivision of GB, the name people read).
# Wales shares England's bank holidays, so England and Wales is the ENG calendar.
JURISDICTIONS = {
    "england-and-wales": ("ENG", "England and Wales"),
    "scotland": ("SCT", "Scotland"),
    "northern-ireland": ("NIR", "Northern Ireland"),
}
TIME_LIMIT = 20  # FOIA s.10(1), EIR reg. 5(2), FOISA s.10(1)
# A public interest extension (FOIA s.10(3)) should add at most 20 working days (section 45
# Code of Practice); EIR reg. 7 allows up to 40 in all. Both give 40.
EXTENDED_LIMIT = 40


class WorkingCalendar:
    """Working days in one jurisdiction: Monday to Friday, less its bank holidays."""

    def __init__(self, jurisdiction: str) -> None:
        subdivision, self.name = JURISDICTIONS[jurisdiction]
        self._holidays = holidays.country_holidays("GB", subdiv=subdivision)
        self._years: dict[int, list[int]] = {}

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self._holidays

    def count(self, after: dt.date, through: dt.date) -> int:
        """Working days after `after`, up to and including `through` (0 when through <= after)."""
        if through <= after:
            return 0
        total = self._through(through) - self._through(after)
        for year in range(after.year, through.year):
            total += self._running(year)[-1]
        return total

    def add(self, start: dt.date, working_days: int) -> dt.date:
        """The date of working day number `working_days`, counting the day after `start` as 1."""
        if working_days <= 0:
            return start
        target, year = self._through(start) + working_days, start.year
        while target > self._running(year)[-1]:
            target -= self._running(year)[-1]
            year += 1
        # The first day of the year whose running count reaches the target is a working day.
        return dt.date(year, 1, 1) + dt.timedelta(bisect.bisect_left(self._running(year), target))

    def _through(self, day: dt.date) -> int:
        """Working days from 1 January up to and including `day`."""
        return self._running(day.year)[day.timetuple().tm_yday - 1]

    def _running(self, year: int) -> list[int]:
        """For each day of `year`, the working days from 1 January up to and including it:
        counting once per year keeps each count and addition to a few look-ups."""
        running = self._years.get(year)
        if running is None:
            running, total, day = [], 0, dt.date(year, 1, 1)
            while day.year == year:
                total += self.is_working_day(day)
                running.append(total)
                day += dt.timedelta(1)
            self._years[year] = running
        return running
