"""Calendar quarters and years, and periods of the staff's choosing, that statistics count in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from foilog.core.translation import N_, SOURCE_LANGUAGE, long_date, month_span, translate
from foilog.records.dates import MONTHS, PartialDate


@dataclass(frozen=True, slots=True)
class Period:
    kind: str  # "year", "quarter" or "range"
    key: str  # "2025", "2025-Q1" or "2024-04-01/2025-03-31"
    label: str
    start: dt.date
    end: dt.date

    def holds(self, date: PartialDate | None) -> bool:
        """Whether the whole of `date` (a day, or a month for partial dates) lies in the period."""
        return date is not None and self.start <= date.earliest() and date.latest() <= self.end


def year_period(year: int) -> Period:
    return Period("year", str(year), str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))


def quarter_period(year: int, quarter: int) -> Period:
    first_month = 3 * quarter - 2
    start = dt.date(year, first_month, 1)
    end = dt.date(year + quarter // 4, (3 * quarter) % 12 + 1, 1) - dt.timedelta(1)
    label = f"{MONTHS[first_month - 1]} to {MONTHS[first_month + 1]} {year}"
    return Period("quarter", f"{year}-Q{quarter}", label, start, end)


def range_period(start: dt.date, end: dt.date) -> Period:
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        label = f"{start.year} to {end.year}"  # whole years
    else:
        label = f"{_human(start)} to {_human(end)}"
    return Period("range", f"{start.isoformat()}/{end.isoformat()}", label, start, end)


def _human(day: dt.date) -> str:
    return PartialDate(day.year, day.month, day.day).human


def quarters_between(first: dt.date, last: dt.date) -> list[Period]:
    """Every calendar quarter from the one holding `first` to the one holding `last`."""
    return [
        quarter_period(year, quarter)
        for year in range(first.year, last.year + 1)
        for quarter in range(1, 5)
        if quarter_period(year, quarter).end >= first
        and quarter_period(year, quarter).start <= last
    ]


def period_label(period: Period, language: str) -> str:
    """The period in `language`: "2025", "April to June 2025", "Ebrill i Fehefin 2025"."""
    if period.kind == "quarter":
        return month_span(period.start, period.end, language)
    if period.kind == "range" and language != SOURCE_LANGUAGE:
        first, last = (long_date(day, language) for day in (period.start, period.end))
        return f"{first} – {last}"
    return period.label


def short_period_label(period: Period, language: str) -> str:
    """'Jan to Mar 2025' ('Ion i Faw 2025') for a quarter, for narrow table rows; otherwise
    the label."""
    if period.kind == "quarter":
        return month_span(period.start, period.end, language, short=True)
    return period_label(period, language)


def within(period: Period, language: str) -> str:
    """The period as words after a verb: 'in 2025', 'from 1 April 2024 to 31 March 2025'."""
    if period.kind != "range":
        return translate(N_("in %(period)s"), language) % {"period": period_label(period, language)}
    if (period.start.month, period.start.day, period.end.month, period.end.day) == (1, 1, 12, 31):
        start, end = str(period.start.year), str(period.end.year)  # whole years
    else:
        start, end = (long_date(day, language) for day in (period.start, period.end))
    return translate(N_("from %(start)s to %(end)s"), language) % {"start": start, "end": end}
