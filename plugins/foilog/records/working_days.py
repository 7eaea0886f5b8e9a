"""Working days as each Act defines them: Monday to Friday, without bank holidays.

FOIA s.10(6) and EIR reg. 2(1) leave out a bank holiday "in any part of the United
Kingdom", so a request under either skips the holidays of England and Wales, Scotland and
Northern Ireland together. FOISA s.73, and the Environmental Information (Scotland)
Regulations 2004 reg. 2(1) (the EIR of a Scottish authority), leave out Scottish bank
holidays only. Bank holidays come from the `holidays` package, never from a list kept
here. See docs/statistics.md ("Working days").
"""

from __future__ import annotations

import bisect
import datetime as dt
from functools import cache

import holidays

# FOILOG_JURISDICTION: where the authority is. It decides only which regulations an `eir`
# record is under: a Scottish authority's are the Environmental Information (Scotland)
# Regulations, which count Scottish bank holidays only.
JURISDICTIONS = {
    "england-and-wales": "England and Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}
# The `holidays` package's subdivisions of GB. Wales shares England's bank holidays.
UK_WIDE = ("ENG", "SCT", "NIR")
SCOTLAND = ("SCT",)
TIME_LIMIT = 20  # FOIA s.10(1), EIR reg. 5(2), FOISA s.10(1), EI(S)R reg. 5(2)(a)
# A public interest extension (FOIA s.10(3)) should add at most 20 working days (section 45
# Code of Practice); EIR reg. 7(1) allows up to 40 in all. Both give 40.
EXTENDED_LIMIT = 40


class WorkingCalendar:
    """Working days: Monday to Friday, less the bank holidays of the given subdivisions."""

    def __init__(self, subdivisions: tuple[str, ...], name: str) -> None:
        self.name = name  # whose bank holidays, as people read it
        self._holidays: set[dt.date] = set()
        self._subdivisions = subdivisions
        self._loaded: set[int] = set()
        self._years: dict[int, list[int]] = {}

    def is_working_day(self, day: dt.date) -> bool:
        if day.year not in self._loaded:
            for subdivision in self._subdivisions:
                found = holidays.country_holidays("GB", subdiv=subdivision, years=day.year)
                self._holidays.update(found)
            self._loaded.add(day.year)
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


@cache
def _calendar(subdivisions: tuple[str, ...]) -> WorkingCalendar:
    if subdivisions == SCOTLAND:
        return WorkingCalendar(subdivisions, "Scottish bank holidays")
    return WorkingCalendar(subdivisions, "bank holidays in any part of the UK")


def calendar_for(act: str, jurisdiction: str) -> WorkingCalendar:
    """The working days of a request under `act` ("foia", "eir" or "foisa") to an authority
    in `jurisdiction` (a key of JURISDICTIONS)."""
    if act == "foisa" or (act == "eir" and jurisdiction == "scotland"):
        return _calendar(SCOTLAND)
    return _calendar(UK_WIDE)
