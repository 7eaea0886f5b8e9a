"""Section 45 statistics for the requests received in a period, counted from Cases.

A request counts in the quarter and year it was received in; an internal review in the
quarter and year it was asked for. See docs/statistics.md for every definition.
"""

from __future__ import annotations

import bisect
import statistics as arithmetic
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from foilog.core.translation import N_
from foilog.records.dates import PartialDate
from foilog.statistics.cases import Case
from foilog.statistics.periods import Period, quarters_between, range_period, year_period

# Working days taken, in bands: (category, label, fewest, most).
BANDS = [
    ("1-20", N_("1 to 20 days"), 0, 20),  # a same-day answer (0) is in the first band
    ("21-40", N_("21 to 40 days"), 21, 40),
    ("41-60", N_("41 to 60 days"), 41, 60),
    ("over-60", N_("Over 60 days"), 61, None),
]


@dataclass
class PeriodStatistics:
    period: Period
    act: str | None = None  # the one act counted, or None for every act
    received: int = 0
    acts: Counter[str] = field(default_factory=Counter)  # requests received under each act
    status: Counter[str] = field(default_factory=Counter)  # answered, withdrawn, lapsed, open
    open_at_end: int = 0  # received in the period and not closed by its last day
    timeliness: Counter[str] = field(default_factory=Counter)  # answered requests
    outcomes: Counter[str] = field(default_factory=Counter)
    exemptions: Counter[str] = field(default_factory=Counter)  # answers citing each section
    reviews: Counter[str] = field(default_factory=Counter)  # reviews asked for in the period
    days: list[int] = field(default_factory=list)  # working days of each timed answer

    @property
    def answered(self) -> int:
        return self.status["answered"]

    @property
    def in_time(self) -> int:
        return self.timeliness["on-time"] + self.timeliness["extended"]

    @property
    def timed(self) -> int:
        """Answers whose received and closed dates are both full dates."""
        return self.answered - self.timeliness["unknown"]

    @property
    def median_days(self) -> float | None:
        return arithmetic.median(self.days) if self.days else None

    @property
    def mean_days(self) -> float | None:
        return round(arithmetic.fmean(self.days), 1) if self.days else None

    @property
    def longest_days(self) -> int | None:
        return max(self.days) if self.days else None

    def band(self, fewest: int, most: int | None) -> int:
        return sum(1 for d in self.days if d >= fewest and (most is None or d <= most))


def period_statistics(
    cases: Iterable[Case], period: Period, act: str | None = None
) -> PeriodStatistics:
    """The requests received in `period` (under `act` only, when given)."""
    stats = PeriodStatistics(period, act)
    for case in cases:
        if act is not None and case.act != act:
            continue
        for review in case.reviews:
            if period.holds(review.requested):
                stats.reviews["requested"] += 1
                if review.completed is None:
                    stats.reviews["pending"] += 1
                    continue
                stats.reviews["completed"] += 1
                stats.reviews[review.result or "result-not-recorded"] += 1
                stats.reviews[review.status or "unknown"] += 1
        if not period.holds(case.received):
            continue
        stats.received += 1
        stats.acts[case.act] += 1
        stats.status[case.status] += 1
        if case.open_on(period.end):
            stats.open_at_end += 1
        if case.status != "answered":
            continue
        if case.timeliness is None:
            stats.timeliness["unknown"] += 1
        else:
            stats.timeliness[case.timeliness.status] += 1
            stats.days.append(case.timeliness.working_days)
        stats.outcomes[case.outcome or "not-recorded"] += 1
        stats.exemptions.update(case.exemptions)
    return stats


@dataclass
class Statistics:
    years: list[PeriodStatistics]  # oldest first, every year from the first to the last
    quarters: list[PeriodStatistics]
    total: PeriodStatistics | None  # every period together; None when nothing was received
    unplaced: int  # requests with no received date, which fall in no period
    from_register: bool  # counted from a case register, not only the published records

    @property
    def latest(self) -> PeriodStatistics | None:
        return self.quarters[-1] if self.quarters else None


def _dates(cases: Iterable[Case]) -> list[PartialDate]:
    found = []
    for case in cases:
        if case.received:
            found.append(case.received)
        found += [r.requested for r in case.reviews if r.requested]
    return found


def cases_in(cases: Iterable[Case], periods: list[Period]) -> list[list[Case]]:
    """For each of `periods` (in order, not overlapping), the cases received or with a
    review asked for in it: the only ones its statistics need look at, so that the work
    does not grow with the number of periods times the number of cases. A case is listed
    under the period its date starts in; period_statistics checks that the date lies in it."""
    starts = [period.start for period in periods]
    found: list[list[Case]] = [[] for _ in periods]
    for case in cases:
        dates = [r.requested for r in case.reviews if r.requested]
        if case.received:
            dates.append(case.received)
        for index in {bisect.bisect_right(starts, date.earliest()) - 1 for date in dates}:
            if index >= 0:
                found[index].append(case)
    return found


def statistics_of(
    cases: Iterable[Case], periods: list[Period], act: str | None = None
) -> list[PeriodStatistics]:
    """period_statistics of each of `periods` (in order, not overlapping)."""
    return [
        period_statistics(in_period, period, act)
        for period, in_period in zip(periods, cases_in(cases, periods), strict=True)
    ]


def log_statistics(cases: list[Case], from_register: bool) -> Statistics:
    dates = _dates(cases)
    unplaced = sum(1 for c in cases if c.received is None)
    if not dates:
        return Statistics([], [], None, unplaced, from_register)
    first, last = min(dates).earliest(), max(dates).latest()
    years = [year_period(y) for y in range(first.year, last.year + 1)]
    return Statistics(
        years=statistics_of(cases, years),
        quarters=statistics_of(cases, quarters_between(first, last)),
        total=period_statistics(cases, range_period(years[0].start, years[-1].end)),
        unplaced=unplaced,
        from_register=from_register,
    )
