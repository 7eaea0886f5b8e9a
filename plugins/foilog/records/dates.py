"""Dates in records: a full date, or only a year and month for old records."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_PATTERN = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    year: int
    month: int
    day: int | None = None

    def __reduce__(self) -> tuple[object, tuple[int, int, int | None]]:
        return (kept_date, (self.year, self.month, self.day))

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse 2025-04-03 or 2025-04; raise ValueError for anything else."""
        match = _PATTERN.match(text)
        if not match:
            raise ValueError(text)
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None and month is not None
        dt.date(year, month, day or 1)  # raises ValueError for 2025-02-30
        return cls(year, month, day)

    @property
    def iso(self) -> str:
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def human(self) -> str:
        month = MONTHS[self.month - 1]
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"

    @property
    def as_date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.day else None

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month, self.day or 1)

    def latest(self) -> dt.date:
        if self.day is not None:
            return dt.date(self.year, self.month, self.day)
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


_KEPT_DATES: dict[tuple[int, int, int | None], PartialDate] = {}


def kept_date(year: int, month: int, day: int | None) -> PartialDate:
    """The one PartialDate of a date, for unpickling: a log of 100,000 records holds half a
    million dates but only a few thousand different ones, and a dataclass's own unpickling
    of a frozen date costs several times more than finding it here."""
    key = (year, month, day)
    date = _KEPT_DATES.get(key)
    if date is None:
        date = _KEPT_DATES[key] = PartialDate(year, month, day)
    return date
